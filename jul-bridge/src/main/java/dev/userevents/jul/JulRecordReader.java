package dev.userevents.jul;

import dev.userevents.LogEventReader;
import java.time.Instant;
import java.util.logging.LogRecord;

/**
 * A JUL record as the core reads it: the message as JUL's formatters render it, bounded ({@link JulEvents#appendMessage}),
 * and the record's throwable. For EventHeader: its own instant and thread id. JUL records carry no thread name: the
 * current thread's is right when the record is written by the thread that made it (the LogManager's loggers always,
 * a handler unless something like {@code MemoryHandler} hands records on), else the field is empty. JUL has no MDC.
 */
final class JulRecordReader implements LogEventReader<LogRecord> {
    /** The core's {@code maxMessageBytes}: the message is not copied much past it. */
    private final int maxBytes;

    JulRecordReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void appendMessage(LogRecord record, StringBuilder out) {
        JulEvents.appendMessage(out, record, maxBytes);
    }

    @Override
    public Throwable thrown(LogRecord record) {
        return record.getThrown();
    }

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
