package dev.userevents;

import dev.userevents.spi.Diagnostics;

/**
 * Reports dropped events once per interval, as a log line of its own: on stderr, and as a WARN event of the
 * internal logger {@value #LOGGER_NAME} (event {@code <prefix>userevents_internal_WARN}) when that is traced,
 * so a capture shows the gap where it happened; with an EventHeader provider also on its WARN tracepoint (fields
 * {@code userevents.dropped} and {@code userevents.dropped_total}), so a collector sees it too. Called from the
 * writer thread only.
 */
final class DropReporter {
    static final String LOGGER_NAME = "userevents.internal";

    private final Counters counters;
    private final long intervalNanos;
    private final LoggerEvents internalLogger;
    private final SyncWriter syncWriter;
    /** Null without a provider. */
    private final EventHeaderEncoder eventHeaderEncoder;

    private final long[] counts = new long[2]; // recent, total: the EventHeader record's attributes
    private long reportedDrops;
    private long lastReportNanos = System.nanoTime();

    /** The drop counts as typed fields of the provider's record. */
    private static final LogEventReader<long[]> COUNTS = new LogEventReader<>() {
        @Override
        public void forEachAttribute(long[] counts, java.util.function.BiConsumer<String, Object> sink) {
            sink.accept("userevents.dropped", counts[0]);
            sink.accept("userevents.dropped_total", counts[1]);
        }
    };

    DropReporter(
            Counters counters,
            long intervalMillis,
            LoggerEvents internalLogger,
            SyncWriter syncWriter,
            EventHeaderEncoder eventHeaderEncoder) {
        this.eventHeaderEncoder = eventHeaderEncoder;
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
        String line = "dropped " + recent + " events (ring full, queueFullPolicy=DROP, or shutdown timeout); " + total
                + " in total";
        Diagnostics.report(line);
        if (internalLogger.isTracepointEnabled(Level.WARN)) {
            syncWriter.write(internalLogger, Level.WARN, line);
        }
        if (eventHeaderEncoder != null && internalLogger.isProviderEnabled(Level.WARN)) {
            counts[0] = recent;
            counts[1] = total;
            eventHeaderEncoder.write(syncWriter, internalLogger, Level.WARN, line, null, counts, COUNTS);
        }
    }
}
