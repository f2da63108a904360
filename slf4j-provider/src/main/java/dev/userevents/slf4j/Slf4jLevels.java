package dev.userevents.slf4j;

import dev.userevents.Level;

/** SLF4J's five levels to the core's (SLF4J has no FATAL), and their enable-word masks. */
final class Slf4jLevels {
    static final int TRACE = Level.TRACE.enableMask;
    static final int DEBUG = Level.DEBUG.enableMask;
    static final int INFO = Level.INFO.enableMask;
    static final int WARN = Level.WARN.enableMask;
    static final int ERROR = Level.ERROR.enableMask;

    private Slf4jLevels() {}

    static Level toCore(org.slf4j.event.Level level) {
        switch (level) {
            case ERROR:
                return Level.ERROR;
            case WARN:
                return Level.WARN;
            case INFO:
                return Level.INFO;
            case DEBUG:
                return Level.DEBUG;
            default:
                return Level.TRACE;
        }
    }
}
