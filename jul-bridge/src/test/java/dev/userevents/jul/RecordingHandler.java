package dev.userevents.jul;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/** A JUL handler that keeps what it is given: stands in for the console and files of an application. */
final class RecordingHandler extends Handler {
    final List<LogRecord> records = new ArrayList<>();

    RecordingHandler() {
        setLevel(Level.ALL);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (isLoggable(record)) {
            records.add(record);
        }
    }

    synchronized List<String> messages() {
        List<String> messages = new ArrayList<>();
        for (LogRecord record : records) {
            messages.add(record.getLevel() + " " + record.getMessage());
        }
        return messages;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
