package dev.userevents.jul;

import dev.userevents.EnableWord;
import dev.userevents.EnableWordCache;
import dev.userevents.UserEvents;
import dev.userevents.spi.Diagnostics;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * A JUL handler that writes each record it gets to its logger's event while that event is traced: for applications
 * whose LogManager is not {@link UserEventsLogManager} (Tomcat's JULI, an application server's own). In
 * {@code logging.properties}: {@code handlers = dev.userevents.jul.UserEventsHandler, ...}.
 *
 * <p>What it cannot do: gate. JUL's own level check runs before any handler, so a record below a logger's configured
 * level never reaches it, and enabling {@code <logger>_DEBUG} captures nothing while that logger is at INFO; it
 * captures the configured levels an operator traces. Events are registered for every logger that exists when the
 * handler is created (once the core is open), and for later ones at their first record. Its level is ALL unless configured
 * ({@code dev.userevents.jul.UserEventsHandler.level}).
 */
public class UserEventsHandler extends Handler {
    /** Records name their logger by its name, the same String each time: the cache key is that String. */
    private final EnableWordCache words = new EnableWordCache();
    /** Loggers that logged before the core was open: registered when it is (once each). */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();

    /** Registers every logger there is once the core is open (never waits for it: JUL may hold its lock here). */
    public UserEventsHandler() {
        setLevel(Level.ALL);
        ManagerCheck.reportIfSetLate();
        JulCore.register(UserEventsHandler::registerExisting);
    }

    @Override
    public void publish(LogRecord record) {
        try {
            if (!isLoggable(record)) {
                return;
            }
            String name = record.getLoggerName() == null ? "" : record.getLoggerName();
            UserEvents core = JulCore.get();
            if (core == null) { // opening: its events do not exist yet, so nothing traced this record
                if (waiting.add(name)) {
                    JulCore.register(open -> open.logger(name));
                }
                return;
            }
            EnableWord word = words.get(name);
            if (word == null) {
                word = words.put(name, core.logger(name).word());
            }
            if ((word.read() & JulLevels.enableMask(record.getLevel())) != 0) {
                new JulEvents(core, core.logger(name)).write(record);
            }
        } catch (RuntimeException | LinkageError e) {
            Diagnostics.reportOnce("jul:handler:" + e.getClass().getName(), "UserEventsHandler skipped a record: " + e);
        }
    }

    /** Every logger there is gets its events, so an operator can enable them before their first record. */
    private static void registerExisting(UserEvents core) {
        try {
            core.loggers(Collections.list(LogManager.getLogManager().getLoggerNames())); // one hop for all
        } catch (RuntimeException | LinkageError e) {
            Diagnostics.reportOnce("jul:handler:sweep", "UserEventsHandler could not register JUL's loggers: " + e);
        }
    }

    /** The core is shared and outlives handlers (JUL closes them at every reset): nothing to flush or close here. */
    @Override
    public void flush() {}

    @Override
    public void close() {}
}
