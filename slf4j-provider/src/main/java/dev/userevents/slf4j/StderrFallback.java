package dev.userevents.slf4j;

import dev.userevents.Level;

/**
 * For machines without user_events and {@code userevents.fallback=stderr}: loggers print {@code fallbackLevel}
 * and more severe to {@code System.err} (looked up per line, so a redirected stderr is honoured).
 */
final class StderrFallback {
    final int enabledMask;

    StderrFallback(Level fallbackLevel) {
        this.enabledMask = fallbackLevel.andMoreSevereMask();
    }

    void print(Level level, String loggerName, CharSequence message) {
        String line = "[" + Thread.currentThread().getName() + "] " + level + " " + loggerName + " - " + message;
        System.err.println(line);
    }
}
