package dev.userevents.jul;

import dev.userevents.LoggerEvents;
import dev.userevents.UserEvents;
import dev.userevents.spi.Diagnostics;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JUL logger's events in the core, and the write of a record to them: the message as JUL's own formatters
 * render it ({@link Formatter#formatMessage}: resource bundle, then {@code MessageFormat} parameters), then the
 * record's throwable, both bounded by the core. The same record also goes to the EventHeader stream when that is
 * traced. Never throws into the log call.
 */
final class JulEvents {
    /** {@code formatMessage} is JUL's formatting without a layout; it keeps no state, so one instance serves all. */
    private static final Formatter MESSAGE = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return formatMessage(record);
        }
    };

    final UserEvents core;
    final LoggerEvents events;
    private final JulRecordReader reader;

    JulEvents(UserEvents core, LoggerEvents events) {
        this.core = core;
        this.events = events;
        this.reader = new JulRecordReader(core.config().maxMessageBytes());
    }

    /** Writes {@code record} to each stream of its level that is traced now (see {@link UserEvents#log}). */
    void write(LogRecord record) {
        try {
            core.log(events, JulLevels.toCore(record.getLevel()), record, reader);
        } catch (RuntimeException | LinkageError e) {
            Diagnostics.reportOnce(
                    "jul:" + e.getClass().getName(), "a JUL record could not be written and was skipped: " + e);
        }
    }

    /**
     * Appends the formatted message, at most {@code maxBytes + 1} characters of it: each character is at least one
     * UTF-8 byte, so a longer one still ends in the encoder's truncation marker, and a 1 MiB parameter is not copied
     * into the reusable buffer. A resource bundle or {@code MessageFormat} that throws leaves the raw message (once
     * reported); a null message reads {@code null}, as JUL's formatters print it.
     */
    static void appendMessage(StringBuilder out, LogRecord record, int maxBytes) {
        String text;
        try {
            text = MESSAGE.formatMessage(record);
        } catch (RuntimeException e) { // formatMessage catches only MissingResourceException from a bundle
            text = record.getMessage();
            Diagnostics.reportOnce(
                    "jul:format:" + e.getClass().getName(),
                    "a JUL record's message could not be formatted (" + e
                            + "); its unformatted text was written instead (reported once).");
        }
        if (text == null) {
            out.append("null");
        } else {
            out.append(text, 0, Math.min(text.length(), maxBytes + 1));
        }
    }
}
