package dev.userevents;

/**
 * Reports dropped events once per interval, as a log line of its own: on stderr, and as a WARN event of the
 * internal logger {@value #LOGGER_NAME} (event {@code <prefix>userevents_internal_WARN}) when that is traced,
 * so a capture shows the gap where it happened. Called from the writer thread only.
 */
final class DropReporter {
    static final String LOGGER_NAME = "userevents.internal";

    private final Counters counters;
    private final long intervalNanos;
    private final LoggerEvents internalLogger;
    private final SyncWriter syncWriter;
    private long reportedDrops;
    private long lastReportNanos = System.nanoTime();

    DropReporter(Counters counters, long intervalMillis, LoggerEvents internalLogger, SyncWriter syncWriter) {
        this.counters = counters;
        this.intervalNanos = Math.max(1, intervalMillis) * 1_000_000L;
        this.internalLogger = internalLogger;
        this.syncWriter = syncWriter;
    }

    void maybeReport() {
        long now = System.nanoTime();
        if (now - lastReportNanos < intervalNanos) {
            return;
        }
        report(now);
    }

    /** Reports now if anything was dropped since the last report. */
    void report(long now) {
        lastReportNanos = now;
        long total = counters.dropped();
        long recent = total - reportedDrops;
        if (recent <= 0) {
            return;
        }
        reportedDrops = total;
        String line = "dropped " + recent + " events (ring full, queueFullPolicy=DROP, or shutdown timeout); "
                + total + " in total";
        Diagnostics.report(line);
        if (internalLogger.isEnabled(Level.WARN)) {
            syncWriter.write(internalLogger, Level.WARN, line);
        }
    }
}
