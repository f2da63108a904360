package dev.userevents.jul;

import dev.userevents.EnableWord;
import dev.userevents.UserEvents;
import dev.userevents.spi.Diagnostics;
import java.util.ResourceBundle;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the two JUL loggers of {@link UserEventsLogManager} share: registration once the core is there, the routing
 * of a traced record, and the {@link System.Logger} face. {@link UserEventsLogger} answers {@code isLoggable} from the
 * configured level or the enable word; {@link LevelGatedLogger} leaves {@code isLoggable} to JUL and has
 * {@link JulLevelGate} set its level while traced.
 *
 * <p>A record that only tracing lets through goes to the kernel and to no JUL handler, so the console and files
 * print what they print without tracing; a record the configured level allows goes to JUL's handlers unchanged and,
 * while traced, to the kernel (see {@link TracedRecords}). An untraced record takes JUL's own path untouched.
 *
 * <p>Being a {@code System.Logger} has a second use: JUL's caller inference ({@code LogRecord.getSourceClassName()})
 * skips frames of {@code System.Logger} classes, so this class's {@code log(LogRecord)} frame is skipped like
 * {@code java.util.logging.Logger}'s and formatters still name the application's class.
 */
abstract class JulLogger extends Logger implements System.Logger {
    /** Null until the core is there ({@link JulCore}): until then only the configured level answers. */
    private EnableWord word;
    /** Set before {@link #word}; read only after a set bit was seen in it. */
    private JulEvents events;

    JulLogger(String name) {
        super(name, null);
    }

    /** Registers this logger's events in {@code core} ({@link JulCore} calls it once the core is there). */
    void attach(UserEvents core) {
        try {
            JulEvents registered = new JulEvents(core, core.logger(getName()));
            events = registered;
            word = registered.events.word();
        } catch (RuntimeException | LinkageError e) {
            Diagnostics.reportOnce(
                    "jul:attach", "a JUL logger could not register its events; it logs as plain JUL: " + e);
        }
    }

    /** The enable word, or null until the core is there. */
    final EnableWord word() {
        return word;
    }

    /** Whether JUL's configured levels, without tracing, let a record of {@code level} through. */
    boolean configuredAllows(java.util.logging.Level level) {
        return super.isLoggable(level);
    }

    final boolean traced(java.util.logging.Level level) {
        EnableWord enableWord = word;
        return enableWord != null && (enableWord.read() & JulLevels.enableMask(level)) != 0;
    }

    /** Every record of this logger passes here ({@code fine()}, {@code logp()}, {@code logrb()} end in it). */
    @Override
    public void log(LogRecord record) {
        java.util.logging.Level level = record.getLevel();
        JulEvents registered = events;
        if (registered == null || level == null || !traced(level)) {
            super.log(record); // JUL's own path, exactly
            return;
        }
        switch (TracedRecords.write(this, configuredAllows(level), registered, record)) {
            case LOG:
                super.log(record);
                break;
            case PUBLISH:
                TracedRecords.publish(this, record);
                break;
            default:
                break;
        }
    }

    // System.Logger, as the JDK's bridge to JUL (sun.util.logging.internal.LoggingProviderImpl) maps it; its other
    // methods are the interface's defaults, which end in these.

    @Override
    public boolean isLoggable(System.Logger.Level level) {
        return isLoggable(JulLevels.toJul(level));
    }

    @Override
    public void log(System.Logger.Level level, ResourceBundle bundle, String message, Throwable thrown) {
        logrb(JulLevels.toJul(level), bundle, message, thrown);
    }

    @Override
    public void log(System.Logger.Level level, ResourceBundle bundle, String format, Object... params) {
        logrb(JulLevels.toJul(level), bundle, format, params);
    }
}
