package dev.userevents.log4j2;

import dev.userevents.Level;

/** Log4j level to core level: the nearest standard level by {@code intLevel} (ties go to the more severe). */
final class Log4jLevels {
    // static final ints are constants to the JIT; an enum constant's final field is a load (not trusted as constant).
    private static final int FATAL_MASK = Level.FATAL.enableMask;
    private static final int ERROR_MASK = Level.ERROR.enableMask;
    private static final int WARN_MASK = Level.WARN.enableMask;
    private static final int INFO_MASK = Level.INFO.enableMask;
    private static final int DEBUG_MASK = Level.DEBUG.enableMask;
    private static final int TRACE_MASK = Level.TRACE.enableMask;

    private Log4jLevels() {}

    /**
     * {@code toCore(level).enableMask}, the filter's bit test. For the standard levels it is identity tests, which
     * the JIT folds to one constant when the level is a constant ({@code isDebugEnabled()} passes
     * {@code Level.DEBUG}); {@code toCore}'s {@code intLevel} arithmetic would not fold, since Log4j's {@code Level}
     * fields are loads to the JIT.
     */
    static int enableMask(org.apache.logging.log4j.Level level) {
        int mask = standardMask(level);
        return mask != 0 ? mask : toCore(level).enableMask; // custom levels
    }

    /** {@link #enableMask} of a standard level, 0 for a custom level or null. */
    static int standardMask(org.apache.logging.log4j.Level level) {
        if (level == org.apache.logging.log4j.Level.DEBUG) {
            return DEBUG_MASK;
        } else if (level == org.apache.logging.log4j.Level.TRACE) {
            return TRACE_MASK;
        } else if (level == org.apache.logging.log4j.Level.INFO) {
            return INFO_MASK;
        } else if (level == org.apache.logging.log4j.Level.WARN) {
            return WARN_MASK;
        } else if (level == org.apache.logging.log4j.Level.ERROR) {
            return ERROR_MASK;
        } else if (level == org.apache.logging.log4j.Level.FATAL) {
            return FATAL_MASK;
        }
        return 0;
    }

    /** The core {@link Level#value} (1-6) of a standard level, 0 for a custom level or null; folds like the masks. */
    static int standardValue(org.apache.logging.log4j.Level level) {
        if (level == org.apache.logging.log4j.Level.DEBUG) {
            return 5;
        } else if (level == org.apache.logging.log4j.Level.TRACE) {
            return 6;
        } else if (level == org.apache.logging.log4j.Level.INFO) {
            return 4;
        } else if (level == org.apache.logging.log4j.Level.WARN) {
            return 3;
        } else if (level == org.apache.logging.log4j.Level.ERROR) {
            return 2;
        } else if (level == org.apache.logging.log4j.Level.FATAL) {
            return 1;
        }
        return 0;
    }

    static Level toCore(org.apache.logging.log4j.Level level) {
        int intLevel = level.intLevel();
        // FATAL 100 .. TRACE 600 map to 1 .. 6; OFF (0) and ALL (MAX_VALUE) clamp to the ends.
        long nearest = ((long) intLevel + 49) / 100;
        return Level.ofValue((int) Math.max(1, Math.min(6, nearest)));
    }
}
