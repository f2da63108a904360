package dev.userevents.jul;

/**
 * The JUL logger {@link UserEventsLogManager} creates by default: a level is loggable when JUL's configured level
 * allows it (as always) or while its logger/level event is traced, which costs one volatile read of the logger's
 * enable word after JUL's own check. It is also the {@link System.Logger} that {@link UserEventsLoggerFinder} hands
 * out for its name, mapping as the JDK's own System.Logger-to-JUL bridge does. See {@link JulLogger}.
 */
public final class UserEventsLogger extends JulLogger {
    UserEventsLogger(String name) {
        super(name);
    }

    /** Configured level first: a level JUL already logs (INFO, say) does not read the word. */
    @Override
    public boolean isLoggable(java.util.logging.Level level) {
        return super.isLoggable(level) || traced(level);
    }
}
