package dev.userevents.spi;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The library's own messages, on stderr with a {@code [userevents]} prefix. Each distinct problem is reported
 * once ({@link #reportOnce}); after {@link #MAX_DISTINCT_REPORTS} distinct ones a final line says further
 * reports are suppressed, so a broken setup cannot flood the application's stderr.
 */
public final class Diagnostics {
    public static final int MAX_DISTINCT_REPORTS = 64;
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger REPORT_COUNT = new AtomicInteger();
    private static volatile Consumer<String> sink = line -> System.err.println(line);

    private Diagnostics() {}

    /** Prints {@code message} the first time {@code key} is seen. Returns whether it printed. */
    public static boolean reportOnce(String key, String message) {
        if (!REPORTED.add(key)) {
            return false;
        }
        int count = REPORT_COUNT.incrementAndGet();
        if (count > MAX_DISTINCT_REPORTS) {
            if (count == MAX_DISTINCT_REPORTS + 1) {
                sink.accept("[userevents] more than " + MAX_DISTINCT_REPORTS
                        + " distinct problems; further reports suppressed");
            }
            return false;
        }
        sink.accept("[userevents] " + message);
        return true;
    }

    /** Prints {@code message} every time: for reports the caller already rate-limits (drop counts). */
    public static void report(String message) {
        sink.accept("[userevents] " + message);
    }

    /** For tests: where lines go. Returns the previous sink. */
    public static Consumer<String> setSink(Consumer<String> newSink) {
        Consumer<String> previous = sink;
        sink = newSink;
        return previous;
    }

    /** For tests: forget what was reported. */
    static void resetForTests() {
        REPORTED.clear();
        REPORT_COUNT.set(0);
    }
}
