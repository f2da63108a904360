package dev.userevents.log4j2;

import dev.userevents.EnableWord;
import dev.userevents.spi.PollingThread;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;

/**
 * {@code <UserEventsFilter gate="levels"/>}: the design whose {@code isDebugEnabled()} costs what stock Log4j's
 * costs without the context selector, because no configuration-level filter is asked (nest the filter in the
 * UserEvents appender). A daemon thread reads, each {@code pollMillis}, the enable word of every logger of the
 * context and, while a level finer than the logger's configured one is traced, sets that logger's level to it
 * ({@code Logger.setLevel}: this logger only, not its children); when tracing stops it puts the configured level
 * back. Loggers created later are found within {@link #DISCOVERY_PASSES} passes and registered together.
 *
 * <p>Trade-offs, against the filter's check (one word read per call, at once): an enable takes effect up to
 * {@code pollMillis} later (a logger created later has its events within ten polls), and the raised level
 * is visible ({@code Logger.getLevel()}). Other appenders print what they print untraced either way: the
 * configured level stays in the configuration's {@code LoggerConfig}, which {@link ConfiguredLevelFilter} reads.
 * Only the poller thread touches {@link #watched} and {@link #entries}; {@link #stop} joins it first.
 */
final class LevelPoller {
    private static final Level[] FINEST_FIRST = {
        Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR, Level.FATAL
    };
    private static final int[] MASKS = new int[FINEST_FIRST.length];

    static {
        for (int i = 0; i < FINEST_FIRST.length; i++) {
            MASKS[i] = Log4jLevels.standardMask(FINEST_FIRST[i]);
        }
    }

    private final LoggerContext context;
    /** The configuration this poller serves: it sets no level once the context runs another. */
    private final Configuration configuration;

    private final UserEventsManager manager;
    private final long pollMillis;
    /** Weak keys: a logger the context drops (its registry holds them weakly) is not kept alive here. */
    private final Map<Logger, Watched> watched = new WeakHashMap<>();
    /** {@link #watched}'s entries as of the last discovery, for a pass that reads only their words. */
    private Watched[] entries = new Watched[0];

    /**
     * {@code LoggerContext.getLoggers()} copies the context's registry (about 90 ns per logger, 2.25.2): a pass reads
     * the words of the loggers it knows and looks for new ones only every this many passes.
     */
    private static final int DISCOVERY_PASSES = 10;

    private int passes; // the poller thread's
    private PollingThread thread; // guarded by this

    /** A logger (weakly), its word, and the level this poller set on it (null: none). */
    private static final class Watched {
        final WeakReference<Logger> logger;
        final EnableWord word;
        Level set;

        Watched(Logger logger, EnableWord word) {
            this.logger = new WeakReference<>(logger);
            this.word = word;
        }
    }

    /** {@code pollMillis} 0: no thread, the caller runs {@link #pass} itself (tests). */
    LevelPoller(LoggerContext context, Configuration configuration, UserEventsManager manager, long pollMillis) {
        this.context = context;
        this.configuration = configuration;
        this.manager = manager;
        this.pollMillis = Math.max(0, pollMillis);
    }

    synchronized void start() {
        if (thread == null && pollMillis > 0) {
            thread = PollingThread.start("userevents-log4j2-levels", pollMillis, this::pass, "log4j2:levels");
        }
    }

    /** One pass: every {@link #DISCOVERY_PASSES}th first registers the context's loggers new to it, then each word. */
    void pass() {
        if (context.getConfiguration() != configuration) {
            return; // replaced: the new configuration's loggers are the new configuration's business
        }
        if (passes++ % DISCOVERY_PASSES == 0) {
            discover();
        }
        for (Watched entry : entries) {
            if (entry.word.read() != 0 || entry.set != null) { // else the common case: nothing traced, nothing to undo
                Logger logger = entry.logger.get();
                if (logger != null) { // null: collected since
                    update(logger, entry);
                }
            }
        }
    }

    /** Watches the context's loggers this poller has not seen, registered in one batch. */
    private void discover() {
        List<Logger> found = null;
        for (Logger logger : context.getLoggers()) {
            if (!(logger instanceof RegisteredLogger) // made by the selector: it answers from its own word
                    && !watched.containsKey(logger)) {
                found = found == null ? new ArrayList<>() : found;
                found.add(logger);
            }
        }
        if (found != null) {
            List<String> names = new ArrayList<>(found.size());
            for (Logger logger : found) {
                names.add(logger.getName());
            }
            manager.loggers(names); // one hop to the registrar for all of them
            for (Logger logger : found) {
                watched.put(
                        logger,
                        new Watched(logger, manager.logger(logger.getName()).word()));
            }
            entries = watched.values().toArray(new Watched[0]);
        }
    }

    /** Sets the finest traced level finer than the configured one, or puts the configured level back. */
    private void update(Logger logger, Watched entry) {
        int word = entry.word.read();
        Level traced = finestTraced(word);
        Level configured = logger.get().getLevel();
        if (traced != null && traced.intLevel() > configured.intLevel()) {
            if (logger.getLevel() != traced) { // again after a reconfiguration put the configured level back
                setLevel(logger, traced);
            }
            entry.set = traced;
        } else if (entry.set != null) {
            if (logger.getLevel() == entry.set) { // unless a reconfiguration or someone else set another meanwhile
                setLevel(logger, configured);
            }
            entry.set = null;
        }
    }

    /**
     * {@code Logger.setLevel} copies the logger's current private config; a reconfiguration replacing it at the same
     * moment could be overwritten with the old one, so after a reconfiguration the context updates its loggers again.
     */
    private void setLevel(Logger logger, Level level) {
        logger.setLevel(level);
        if (context.getConfiguration() != configuration) {
            context.updateLoggers();
        }
    }

    private static Level finestTraced(int word) {
        for (int i = 0; i < MASKS.length; i++) {
            if ((word & MASKS[i]) != 0) {
                return FINEST_FIRST[i];
            }
        }
        return null;
    }

    /** Ends the thread, then, if this configuration is still the context's, puts every configured level back. */
    void stop() {
        PollingThread running;
        synchronized (this) {
            running = thread;
            thread = null;
        }
        if (running != null && !running.stop()) {
            return; // still in a pass (a registration hop): it ends at its next sleep; its state is not ours to read
        }
        if (context.getConfiguration() != configuration) {
            return; // Log4j already gave every logger the new configuration's level
        }
        for (Watched entry : entries) {
            Logger logger = entry.logger.get();
            if (entry.set != null && logger != null && logger.getLevel() == entry.set) {
                logger.setLevel(logger.get().getLevel());
            }
            entry.set = null;
        }
    }
}
