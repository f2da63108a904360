package dev.userevents.spi;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Appends a throwable's stack trace the way {@link Throwable#printStackTrace()} lays it out (causes, suppressed
 * exceptions, "... n more"), but bounded: it stops at {@code maxChars} appended characters, and a cause cycle
 * prints {@code [CIRCULAR REFERENCE: ...]} instead of looping. Both front ends use it.
 */
public final class StackTraces {
    private StackTraces() {}

    /**
     * Appends {@code "\n" + stack trace} (without a final newline) to {@code out}, at most {@code maxChars}
     * characters of it.
     */
    public static void append(StringBuilder out, Throwable throwable, int maxChars) {
        if (throwable == null) {
            return;
        }
        int limit = out.length() + Math.max(0, maxChars);
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        out.append('\n');
        appendOne(out, throwable, null, "", "", seen, limit);
        if (out.length() > limit) {
            out.setLength(limit);
        }
        if (out.charAt(out.length() - 1) == '\n') {
            out.setLength(out.length() - 1); // the event ends with the last frame, as a log line does
        }
    }

    private static void appendOne(
            StringBuilder out,
            Throwable throwable,
            StackTraceElement[] enclosingTrace,
            String caption,
            String indent,
            Set<Throwable> seen,
            int limit) {
        if (out.length() >= limit) {
            return;
        }
        if (!seen.add(throwable)) {
            out.append(indent)
                    .append(caption)
                    .append("[CIRCULAR REFERENCE: ")
                    .append(describe(throwable))
                    .append("]\n");
            return;
        }
        out.append(indent).append(caption).append(describe(throwable)).append('\n');
        StackTraceElement[] trace = throwable.getStackTrace();
        int unique = trace.length;
        if (enclosingTrace != null) {
            int j = enclosingTrace.length - 1;
            while (unique > 0 && j >= 0 && trace[unique - 1].equals(enclosingTrace[j])) {
                unique--;
                j--;
            }
        }
        for (int i = 0; i < unique && out.length() < limit; i++) {
            out.append(indent).append("\tat ").append(trace[i]).append('\n');
        }
        if (unique < trace.length) {
            out.append(indent).append("\t... ").append(trace.length - unique).append(" more\n");
        }
        for (Throwable suppressed : throwable.getSuppressed()) {
            appendOne(out, suppressed, trace, "Suppressed: ", indent + "\t", seen, limit);
        }
        Throwable cause = throwable.getCause();
        if (cause != null) {
            appendOne(out, cause, trace, "Caused by: ", indent, seen, limit);
        }
    }

    /** {@code toString()}, or a fallback when that throws: a log call must never fail on a bad exception. */
    private static String describe(Throwable throwable) {
        try {
            return String.valueOf(throwable);
        } catch (RuntimeException e) {
            return throwable.getClass().getName() + " [toString() failed: "
                    + e.getClass().getName() + "]";
        }
    }
}
