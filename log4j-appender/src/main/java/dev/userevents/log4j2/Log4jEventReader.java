package dev.userevents.log4j2;

import dev.userevents.LogEventReader;
import java.io.Serializable;
import java.util.function.BiConsumer;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.StringBuilderFormattable;
import org.apache.logging.log4j.util.TriConsumer;

/**
 * A Log4j event as the core reads it: the formatted message (garbage-free for Log4j's reusable messages) and the
 * throwable; the per-logger event's text from the appender's layout when it has one (the layout then decides about
 * the stack trace); for EventHeader its own instant and thread (right even behind an AsyncAppender or async
 * loggers), and its context data (ThreadContext map) with the values' own types. One per appender.
 */
final class Log4jEventReader implements LogEventReader<LogEvent> {
    /** Static, so iterating the context data allocates no lambda. */
    private static final TriConsumer<String, Object, BiConsumer<String, Object>> TO_SINK =
            (key, value, sink) -> sink.accept(key, value);

    /** The appender's layout, or null: the text is the message, then the bounded stack trace. */
    private final Layout<? extends Serializable> layout;

    Log4jEventReader(Layout<? extends Serializable> layout) {
        this.layout = layout;
    }

    @Override
    public void appendMessage(LogEvent event, StringBuilder out) {
        Message message = event.getMessage();
        if (message instanceof StringBuilderFormattable) {
            ((StringBuilderFormattable) message).formatTo(out); // garbage-free for Log4j's reusable messages
        } else if (message != null) {
            out.append(message.getFormattedMessage());
        }
    }

    @Override
    public Throwable thrown(LogEvent event) {
        return event.getThrown();
    }

    /** The layout's text (the provider stream's body stays the message), or by default the message and throwable. */
    @Override
    public Throwable appendText(LogEvent event, StringBuilder out, boolean hasMessage) {
        if (layout == null) {
            return LogEventReader.super.appendText(event, out, hasMessage);
        }
        out.setLength(0);
        if (layout instanceof PatternLayout) {
            ((PatternLayout) layout).serialize(event, out); // appends, no intermediate String
        } else {
            out.append(layout.toSerializable(event));
        }
        return null;
    }

    @Override
    public long timeEpochNanos(LogEvent event) {
        org.apache.logging.log4j.core.time.Instant instant = event.getInstant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNanoOfSecond();
    }

    @Override
    public String threadName(LogEvent event) {
        return event.getThreadName();
    }

    @Override
    public long threadId(LogEvent event) {
        return event.getThreadId();
    }

    @Override
    public void forEachAttribute(LogEvent event, BiConsumer<String, Object> sink) {
        if (event.getContextData() != null) {
            event.getContextData().forEach(TO_SINK, sink);
        }
    }
}
