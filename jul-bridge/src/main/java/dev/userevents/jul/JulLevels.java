package dev.userevents.jul;

import dev.userevents.Level;

/**
 * JUL's levels to the core's: FINEST and FINER are TRACE, FINE and CONFIG are DEBUG, INFO, WARNING is WARN, SEVERE
 * is ERROR (JUL has no FATAL). A custom level takes the band of its {@code intValue()}. System.Logger's levels go to
 * JUL's as the JDK's own bridge maps them (TRACE is FINER, DEBUG is FINE), so both APIs meet on one event.
 */
final class JulLevels {
    private JulLevels() {}

    /**
     * The enable-word mask of {@code level}. The identity tests come first: with a constant argument
     * ({@code isLoggable(Level.FINE)}) the JIT folds them, where {@code intValue()} would be a load.
     */
    static int enableMask(java.util.logging.Level level) {
        if (level == java.util.logging.Level.FINE) {
            return Level.DEBUG.enableMask;
        }
        if (level == java.util.logging.Level.INFO) {
            return Level.INFO.enableMask;
        }
        return toCore(level).enableMask;
    }

    /** The core's level of a record; {@code null} (a malformed record) is treated as INFO. */
    static Level toCore(java.util.logging.Level level) {
        int value = level == null ? java.util.logging.Level.INFO.intValue() : level.intValue();
        if (value >= java.util.logging.Level.SEVERE.intValue()) {
            return Level.ERROR;
        }
        if (value >= java.util.logging.Level.WARNING.intValue()) {
            return Level.WARN;
        }
        if (value >= java.util.logging.Level.INFO.intValue()) {
            return Level.INFO;
        }
        if (value >= java.util.logging.Level.FINE.intValue()) {
            return Level.DEBUG;
        }
        return Level.TRACE;
    }

    /** As {@code sun.util.logging.internal.LoggingProviderImpl} maps them, so JUL sees what the JDK's bridge gives it. */
    static java.util.logging.Level toJul(System.Logger.Level level) {
        switch (level) {
            case ALL:
                return java.util.logging.Level.ALL;
            case TRACE:
                return java.util.logging.Level.FINER;
            case DEBUG:
                return java.util.logging.Level.FINE;
            case INFO:
                return java.util.logging.Level.INFO;
            case WARNING:
                return java.util.logging.Level.WARNING;
            case ERROR:
                return java.util.logging.Level.SEVERE;
            default:
                return java.util.logging.Level.OFF;
        }
    }
}
