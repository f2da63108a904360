package dev.userevents.jul;

import dev.userevents.LogEventReader;
import java.time.Instant;
import java.util.logging.LogRecord;

/**
 * The EventHeader fields of a JUL record: its own instant and thread id. JUL records carry no thread name: the
 * current thread's is right when the record is written by the thread that made it (the LogManager's loggers always,
 * a handler unless something like {@code MemoryHandler} hands records on), else the field is empty. JUL has no MDC.
 */
final class JulRecordReader implements LogEventReader<LogRecord> {
    static final JulRecordReader INSTANCE = new JulRecordReader();

    private JulRecordReader() {}

    @Override
    public long timeEpochNanos(LogRecord record) {
        Instant instant = record.getInstant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    @Override
    public long threadId(LogRecord record) {
        return record.getLongThreadID();
    }

    @Override
    @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same number
    public String threadName(LogRecord record) {
        Thread current = Thread.currentThread();
        return current.getId() == record.getLongThreadID() ? current.getName() : null;
    }
}
