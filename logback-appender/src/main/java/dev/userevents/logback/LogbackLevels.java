package dev.userevents.logback;

import ch.qos.logback.classic.Level;

/** Logback's levels to the core's: ERROR, WARN, INFO, DEBUG, TRACE by their int (ALL is TRACE; OFF never logs). */
final class LogbackLevels {
    private LogbackLevels() {}

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
