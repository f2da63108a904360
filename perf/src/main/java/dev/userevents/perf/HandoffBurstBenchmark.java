package dev.userevents.perf;

import dev.userevents.Level;
import dev.userevents.LoggerEvents;
import dev.userevents.Mode;
import dev.userevents.UserEvents;
import dev.userevents.UserEventsConfig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * The caller's cost of an async hand-off while the ring has room, the way an application logs: bursts of
 * {@value #BURST} events into a drained ring (a quarter of it), each invocation timed whole. {@link EventHeaderBenchmark}'s
 * hand-off rows run the ring full, where the slower of caller and writer sets the rate.
 *
 * <p>{@link #interleavedBursts} times one burst of each stream per invocation, in the same second: where the
 * hypervisor puts the two vCPUs changes over seconds (a tracefs burst costs about 50 ns per event in one placement
 * and 150-180 in the other), so only pairs from the same moment compare. Its per-iteration counters
 * ({@link InterleavedNanos}) are what the report reads, by placement; its primary score includes the untimed drains.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-XX:+UseParallelGC"})
public class HandoffBurstBenchmark {
    static final int BURST = 256;
    /** {@link EventHeaderBenchmark}'s message and provider levels: the two benchmarks' rows compare. */
    private static final String MESSAGE = EventHeaderBenchmark.MESSAGE;

    private static final int PROVIDER_BITS = EventHeaderBenchmark.PROVIDER_BITS;

    private UserEvents tracefs;
    private UserEvents eventHeader;
    private LoggerEvents tracefsEvents;
    private LoggerEvents eventHeaderEvents;

    @Setup
    public void setUp() {
        UserEventsConfig.Builder async = UserEventsConfig.builder()
                .mode(Mode.ASYNC)
                .bufferSize(4 * BURST)
                .shutdownHook(false);
        tracefs = UserEvents.open(async.build(), BenchmarkDevice.noSyscall(true));
        eventHeader = UserEvents.open(
                async.eventHeaderProvider("Bench").build(), BenchmarkDevice.noSyscallEnabling(PROVIDER_BITS));
        tracefsEvents = tracefs.logger("bench.EventHeader");
        eventHeaderEvents = eventHeader.logger("bench.EventHeader");
    }

    /** Before each burst: the writer has delivered every earlier event, so the burst finds the ring empty. */
    @Setup(org.openjdk.jmh.annotations.Level.Invocation)
    public void drain() {
        drain(tracefs, tracefsSent);
        drain(eventHeader, eventHeaderSent);
    }

    private long tracefsSent;
    private long eventHeaderSent;

    private static void drain(UserEvents events, long sent) {
        while (events.counters().written()
                        + events.counters().dropped()
                        + events.counters().errors()
                < sent) {
            Thread.onSpinWait();
        }
    }

    @TearDown
    public void tearDown() {
        tracefs.close();
        eventHeader.close();
    }

    /** The two streams' burst times in one iteration, summed ({@code EVENTS}: reported as they are). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class InterleavedNanos {
        public long tracefsNanos;
        public long eventHeaderNanos;
        /** Events per stream. */
        public long burstEvents;

        @Setup(org.openjdk.jmh.annotations.Level.Iteration)
        public void reset() {
            tracefsNanos = 0;
            eventHeaderNanos = 0;
            burstEvents = 0;
        }
    }

    private boolean eventHeaderFirst;

    /**
     * A burst of each stream, the first one drained before the second starts (one writer busy at a time), in turns
     * first.
     */
    @Benchmark
    @Measurement(iterations = 20, time = 1)
    @OperationsPerInvocation(2 * BURST)
    public void interleavedBursts(InterleavedNanos nanos) {
        eventHeaderFirst = !eventHeaderFirst;
        if (eventHeaderFirst) {
            nanos.eventHeaderNanos += timed(false);
            drain(eventHeader, eventHeaderSent);
            nanos.tracefsNanos += timed(true);
        } else {
            nanos.tracefsNanos += timed(true);
            drain(tracefs, tracefsSent);
            nanos.eventHeaderNanos += timed(false);
        }
        nanos.burstEvents += BURST;
    }

    private long timed(boolean tracefsStream) {
        long start = System.nanoTime();
        if (tracefsStream) {
            tracefsBurst();
        } else {
            eventHeaderBurst();
        }
        return System.nanoTime() - start;
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public void tracefsBurst() {
        for (int i = 0; i < BURST; i++) {
            tracefs.emit(tracefsEvents, Level.INFO, MESSAGE);
        }
        tracefsSent += BURST;
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public void eventHeaderBurst() {
        for (int i = 0; i < BURST; i++) {
            eventHeader.emitEventHeader(
                    eventHeaderEvents, Level.INFO, MESSAGE, null, null, EventHeaderBenchmark.MdcReader.INSTANCE);
        }
        eventHeaderSent += BURST;
    }
}
