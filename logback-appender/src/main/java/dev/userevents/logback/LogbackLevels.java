package dev.userevents.logback;

import ch.qos.logback.classic.Level;

/** Logback's levels to the core's: ERROR, WARN, INFO, DEBUG, TRACE by their int (ALL is TRACE; OFF never logs). */
final class LogbackLevels {
    // static final ints are constants to the JIT; an enum constant's final field is a load (not trusted as constant).
    private static final int ERROR_MASK = dev.userevents.Level.ERROR.enableMask;
    private static final int WARN_MASK = dev.userevents.Level.WARN.enableMask;
    private static final int INFO_MASK = dev.userevents.Level.INFO.enableMask;
    private static final int DEBUG_MASK = dev.userevents.Level.DEBUG.enableMask;
    private static final int TRACE_MASK = dev.userevents.Level.TRACE.enableMask;

    private LogbackLevels() {}

    /**
     * {@code toCore(level).enableMask}, the turbo filter's bit test: identity tests, which the JIT folds to one
     * constant when the caller passes a constant level ({@code isDebugEnabled()} passes {@code Level.DEBUG}).
     */
    static int enableMask(Level level) {
        if (level == Level.DEBUG) {
            return DEBUG_MASK;
        } else if (level == Level.TRACE) {
            return TRACE_MASK;
        } else if (level == Level.INFO) {
            return INFO_MASK;
        } else if (level == Level.WARN) {
            return WARN_MASK;
        } else if (level == Level.ERROR) {
            return ERROR_MASK;
        }
        return toCore(level).enableMask; // ALL, OFF, or a Level made by toLevel(int) with another instance
    }

    static dev.userevents.Level toCore(Level level) {
        int value = level.toInt();
        if (value >= Level.ERROR_INT) {
            return dev.userevents.Level.ERROR;
        } else if (value >= Level.WARN_INT) {
            return dev.userevents.Level.WARN;
        } else if (value >= Level.INFO_INT) {
            return dev.userevents.Level.INFO;
        } else if (value >= Level.DEBUG_INT) {
            return dev.userevents.Level.DEBUG;
        }
        return dev.userevents.Level.TRACE;
    }
}
