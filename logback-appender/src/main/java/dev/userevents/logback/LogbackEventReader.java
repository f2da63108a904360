package dev.userevents.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.userevents.LogEventReader;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.event.KeyValuePair;

/**
 * The EventHeader fields of a Logback event: its own instant and thread name (Logback records no thread id, so
 * that field is left out), the MDC, then the fluent API's key-value pairs with their own types.
 */
final class LogbackEventReader implements LogEventReader<ILoggingEvent> {
    static final LogbackEventReader INSTANCE = new LogbackEventReader();

    private LogbackEventReader() {}

    @Override
    public long timeEpochNanos(ILoggingEvent event) {
        java.time.Instant instant = event.getInstant();
        return instant == null ? event.getTimeStamp() * 1_000_000L
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
