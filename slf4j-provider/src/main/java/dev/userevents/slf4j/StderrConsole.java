package dev.userevents.slf4j;

import dev.userevents.Level;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The provider's console: {@code userevents.console=LEVEL} prints that level and more severe to
 * {@code System.err} whatever tracing does, and {@code userevents.fallback=stderr} (the default, at
 * {@code userevents.fallbackLevel}, INFO) does the same only while user_events is unavailable, as slf4j-simple would. One line per call (a stack trace continues on the following lines):
 * {@code 2026-11-30T04:53:58.123Z [main] INFO com.example.Orders - order 7 placed}. {@code System.err} is looked
 * up per line, so a redirected stderr is honoured.
 */
final class StderrConsole {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Bits of {@link Level#enableMask} that print. */
    final int enabledMask;

    StderrConsole(int enabledMask) {
        this.enabledMask = enabledMask;
    }

    void print(Level level, String loggerName, CharSequence message) {
        String line = TIME.format(java.time.Instant.now()) + " ["
                + Thread.currentThread().getName() + "] " + level + " " + loggerName + " - " + message;
        System.err.println(line);
    }
}
