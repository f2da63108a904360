package dev.userevents.log4j2;

import dev.userevents.LogEventReader;
import java.util.function.BiConsumer;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.util.TriConsumer;

/**
 * The EventHeader fields of a Log4j event: its own instant and thread (right even behind an AsyncAppender or
 * async loggers), and its context data (ThreadContext map) with the values' own types.
 */
final class Log4jEventReader implements LogEventReader<LogEvent> {
    static final Log4jEventReader INSTANCE = new Log4jEventReader();
    /** Static, so iterating the context data allocates no lambda. */
    private static final TriConsumer<String, Object, BiConsumer<String, Object>> TO_SINK = (key, value, sink) -> sink.accept(key, value);

    private Log4jEventReader() {}

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
