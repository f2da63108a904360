package dev.userevents.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.Encoder;
import dev.userevents.LogEventReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.event.KeyValuePair;

/**
 * A Logback event as the core reads it: the formatted message and the throwable; the per-logger event's text from
 * the appender's layout or encoder when it has one (without its line end; they then decide about the stack trace);
 * for EventHeader its own instant and thread name (Logback records no thread id, so that field is left out), the
 * MDC, then the fluent API's key-value pairs with their own types. One per started appender.
 */
final class LogbackEventReader implements LogEventReader<ILoggingEvent> {
    /** No layout, no encoder: the message, then the bounded stack trace. */
    static final LogbackEventReader PLAIN = new LogbackEventReader(null, null);

    private final Layout<ILoggingEvent> layout;
    private final Encoder<ILoggingEvent> encoder;

    LogbackEventReader(Layout<ILoggingEvent> layout, Encoder<ILoggingEvent> encoder) {
        this.layout = layout;
        this.encoder = encoder;
    }

    @Override
    public void appendMessage(ILoggingEvent event, StringBuilder out) {
        out.append(event.getFormattedMessage());
    }

    /** The event's throwable, or null (none, or a deserialized event that keeps only the proxy). */
    @Override
    public Throwable thrown(ILoggingEvent event) {
        IThrowableProxy proxy = event.getThrowableProxy();
        return proxy instanceof ThrowableProxy ? ((ThrowableProxy) proxy).getThrowable() : null;
    }

    /** The layout's or encoder's text (the provider stream's body stays the message), or by default the message. */
    @Override
    public Throwable appendText(ILoggingEvent event, StringBuilder out, boolean hasMessage) {
        if (layout == null && encoder == null) {
            if (!hasMessage) {
                appendMessage(event, out);
            }
            Throwable thrown = thrown(event);
            if (thrown == null
                    && event.getThrowableProxy() != null) { // a deserialized event: only the proxy's text is left
                out.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            return thrown;
        }
        out.setLength(0);
        out.append(layout != null ? layout.doLayout(event) : new String(encoder.encode(event), StandardCharsets.UTF_8));
        int end = out.length();
        while (end > 0 && (out.charAt(end - 1) == '\n' || out.charAt(end - 1) == '\r')) {
            end--;
        }
        out.setLength(end);
        return null;
    }

    @Override
    public long timeEpochNanos(ILoggingEvent event) {
        java.time.Instant instant = event.getInstant();
        return instant == null
                ? event.getTimeStamp() * 1_000_000L
                : instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    @Override
    public String threadName(ILoggingEvent event) {
        return event.getThreadName();
    }

    @Override
    public long threadId(ILoggingEvent event) {
        return UNKNOWN_THREAD_ID;
    }

    @Override
    public void forEachAttribute(ILoggingEvent event, BiConsumer<String, Object> sink) {
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc != null) {
            mdc.forEach(sink);
        }
        List<KeyValuePair> keyValues = event.getKeyValuePairs();
        if (keyValues != null) {
            for (KeyValuePair pair : keyValues) {
                sink.accept(pair.key, pair.value);
            }
        }
    }
}
