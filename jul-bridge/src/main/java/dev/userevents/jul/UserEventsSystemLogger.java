package dev.userevents.jul;

import dev.userevents.EnableWord;
import dev.userevents.UserEvents;
import dev.userevents.spi.Diagnostics;
import java.util.ResourceBundle;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The finder's {@link System.Logger} when JUL's LogManager is not {@link UserEventsLogManager}: JUL's own logger of
 * the name, gated like {@link UserEventsLogger} (configured level, or its traced event). An untraced call makes the
 * JUL call the JDK's bridge makes; a traced one builds the record as {@code Logger.logrb} would and routes it as
 * {@link TracedRecords} says. Being a {@code System.Logger}, its frames are skipped by JUL's caller inference.
 */
final class UserEventsSystemLogger implements System.Logger {
    private final Logger jul;
    private EnableWord word; // null until the core is there
    private JulEvents events; // set before word

    UserEventsSystemLogger(Logger jul) {
        this.jul = jul;
    }

    /** Registers this logger's events in {@code core} ({@link JulCore} calls it once the core is there). */
    void attach(UserEvents core) {
        try {
            JulEvents registered = new JulEvents(core, core.logger(jul.getName()));
            events = registered;
            word = registered.events.word();
        } catch (RuntimeException | LinkageError e) {
            Diagnostics.reportOnce(
                    "jul:attach", "a System.Logger could not register its events; it logs as plain JUL: " + e);
        }
    }

    @Override
    public String getName() {
        return jul.getName();
    }

    @Override
    public boolean isLoggable(System.Logger.Level level) {
        java.util.logging.Level julLevel = JulLevels.toJul(level);
        return jul.isLoggable(julLevel) || traced(julLevel);
    }

    private boolean traced(java.util.logging.Level level) {
        EnableWord enableWord = word;
        return enableWord != null && (enableWord.read() & JulLevels.enableMask(level)) != 0;
    }

    @Override
    public void log(System.Logger.Level level, ResourceBundle bundle, String message, Throwable thrown) {
        java.util.logging.Level julLevel = JulLevels.toJul(level);
        if (!traced(julLevel)) {
            jul.logrb(julLevel, bundle, message, thrown);
            return;
        }
        LogRecord record = record(julLevel, bundle, message);
        record.setThrown(thrown);
        logTraced(record);
    }

    @Override
    public void log(System.Logger.Level level, ResourceBundle bundle, String format, Object... params) {
        java.util.logging.Level julLevel = JulLevels.toJul(level);
        if (!traced(julLevel)) {
            jul.logrb(julLevel, bundle, format, params);
            return;
        }
        LogRecord record = record(julLevel, bundle, format);
        if (params != null && params.length != 0) {
            record.setParameters(params);
        }
        logTraced(record);
    }

    /** The record {@code Logger.logrb} makes. */
    private LogRecord record(java.util.logging.Level level, ResourceBundle bundle, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(jul.getName());
        if (bundle != null) {
            record.setResourceBundleName(bundle.getBaseBundleName());
            record.setResourceBundle(bundle);
        }
        return record;
    }

    private void logTraced(LogRecord record) {
        JulEvents registered = events;
        boolean configured = jul.isLoggable(record.getLevel());
        if (registered == null) { // the word was seen set, its events not yet: JUL's path
            if (configured) {
                jul.log(record);
            }
            return;
        }
        switch (TracedRecords.write(jul, configured, registered, record)) {
            case LOG:
                jul.log(record); // from this frame, which caller inference skips
                break;
            case PUBLISH:
                TracedRecords.publish(jul, record);
                break;
            default:
                break;
        }
    }
}
