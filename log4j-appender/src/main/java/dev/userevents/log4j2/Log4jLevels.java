package dev.userevents.log4j2;

import dev.userevents.Level;

/** Log4j level to core level: the nearest standard level by {@code intLevel} (ties go to the more severe). */
final class Log4jLevels {
    private Log4jLevels() {}

    static Level toCore(org.apache.logging.log4j.Level level) {
        int intLevel = level.intLevel();
        // FATAL 100 .. TRACE 600 map to 1 .. 6; OFF (0) and ALL (MAX_VALUE) clamp to the ends.
        long nearest = ((long) intLevel + 49) / 100;
        return Level.ofValue((int) Math.max(1, Math.min(6, nearest)));
    }
}
