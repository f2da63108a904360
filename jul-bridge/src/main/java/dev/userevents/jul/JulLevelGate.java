package dev.userevents.jul;

import dev.userevents.spi.PollingThread;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code userevents.jul.gate=levels}: the design whose {@code isLoggable} costs what stock JUL's costs. A daemon
 * thread reads the enable word of every {@link LevelGatedLogger} each {@code userevents.jul.pollMillis} (default 10)
 * and, while a level finer than the logger's configured one is traced, sets the logger's JUL level to it; when
 * tracing stops it puts the configured level back (a level someone else set meanwhile stays).
 *
 * <p>Trade-offs, against the default ({@link UserEventsLogger}: one word read per check): an enable takes effect up
 * to {@code pollMillis} later, the level change is visible ({@code Logger.getLevel()}, JMX's logging bean), and
 * loggers inheriting from a traced one turn that level on too, their records then stopped by the routing. Other
 * handlers print what they print untraced either way: records are routed against the configured levels kept here.
 */
final class JulLevelGate {
    private static final Level[] FINEST_FIRST = {Level.FINEST, Level.FINE, Level.INFO, Level.WARNING, Level.SEVERE};
    private static final dev.userevents.Level[] CORE = {
        dev.userevents.Level.TRACE,
        dev.userevents.Level.DEBUG,
        dev.userevents.Level.INFO,
        dev.userevents.Level.WARN,
        dev.userevents.Level.ERROR
    };

    private final long pollMillis;
    private final Map<LevelGatedLogger, Boolean> watched = new ConcurrentHashMap<>();
    /** Loggers whose level the gate set, with the level configured before (null: inherited). */
    private final Map<Logger, Configured> changed = new ConcurrentHashMap<>();

    private PollingThread poller; // guarded by this

    private static final class Configured {
        final Level level;
        final Level set;

        Configured(Level level, Level set) {
            this.level = level;
            this.set = set;
        }
    }

    /** {@code pollMillis} 0: no thread, the caller runs {@link #update} itself (tests). */
    JulLevelGate(long pollMillis) {
        this.pollMillis = Math.max(0, pollMillis);
    }

    /** Starts watching {@code logger} (its word is there); the first one starts the thread. */
    synchronized void watch(LevelGatedLogger logger) {
        watched.put(logger, Boolean.TRUE);
        if (poller == null && pollMillis > 0) {
            poller = PollingThread.start("userevents-jul-level-gate", pollMillis, this::pass, "jul:gate");
        }
    }

    /** One pass: each watched logger's level from its word. */
    void pass() {
        for (LevelGatedLogger logger : watched.keySet()) {
            update(logger, logger.word().read());
        }
    }

    /** Sets the finest traced level finer than the configured one, or puts the configured level back. */
    void update(Logger logger, int word) {
        Level traced = finestTraced(word);
        Configured before = changed.get(logger);
        if (traced == null && before == null) {
            return; // the common case: nothing traced, nothing to undo
        }
        if (traced != null && traced.intValue() < configuredEffective(logger).intValue()) {
            if (before == null || before.set != traced) {
                changed.put(logger, new Configured(before != null ? before.level : logger.getLevel(), traced));
                logger.setLevel(traced);
            }
        } else if (before != null) {
            changed.remove(logger);
            if (logger.getLevel() == before.set) { // unless someone else set a level meanwhile: theirs stays
                logger.setLevel(before.level);
            }
        }
    }

    /** Whether the configured levels (not the ones the gate set) let {@code level} through for {@code logger}. */
    boolean configuredAllows(Logger logger, Level level) {
        Level threshold = configuredEffective(logger);
        return threshold != Level.OFF && level.intValue() >= threshold.intValue();
    }

    /** The logger's effective level as configured: its own or its nearest ancestor's, ignoring the gate's. */
    Level configuredEffective(Logger logger) {
        for (Logger at = logger; at != null; at = at.getParent()) {
            Configured before = changed.get(at);
            Level level = before != null ? before.level : at.getLevel();
            if (level != null) {
                return level;
            }
        }
        return Level.INFO; // JUL's root default
    }

    private static Level finestTraced(int word) {
        for (int i = 0; i < CORE.length; i++) {
            if ((word & CORE[i].enableMask) != 0) {
                return FINEST_FIRST[i];
            }
        }
        return null;
    }
}
