package dev.userevents;

import dev.userevents.perf.BenchmarkDevice;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.openjdk.jmh.annotations.*;

/** Temporary probe: which part of the EventHeader encode costs what (sync, no-op device). */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-XX:+UseParallelGC"})
public class EncodeProbe {
    private static final String MESSAGE = "order placed by customer ann at warehouse east, id 12345678901";

    static class Full implements LogEventReader<Object> {
        @Override
        public void forEachAttribute(Object event, BiConsumer<String, Object> sink) {
            sink.accept("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
            sink.accept("span_id", "00f067aa0ba902b7");
            sink.accept("trace_flags", "01");
            sink.accept("tenant", "acme");
        }
    }

    static final class FixedClock extends Full {
        @Override
        public long timeEpochNanos(Object event) {
            return 1_700_000_000_123_456_789L;
        }
    }

    static final class NoAttributes implements LogEventReader<Object> {}

    static final class Bare implements LogEventReader<Object> {
        @Override
        public long timeEpochNanos(Object event) {
            return 1_700_000_000_123_456_789L;
        }

        @Override
        public String threadName(Object event) {
            return "main";
        }
    }

    static final class MillisClock extends Full {
        @Override
        public long timeEpochNanos(Object event) {
            return System.currentTimeMillis() * 1_000_000L;
        }
    }

    private UserEvents events;
    private LoggerEvents logger;
    private final Full full = new Full();
    private final FixedClock fixedClock = new FixedClock();
    private final NoAttributes noAttributes = new NoAttributes();
    private final Bare bare = new Bare();
    private final MillisClock millisClock = new MillisClock();

    @Setup
    public void setUp() {
        events = UserEvents.open(
                UserEventsConfig.builder()
                        .mode(Mode.SYNC)
                        .shutdownHook(false)
                        .eventHeaderProvider("Bench")
                        .build(),
                BenchmarkDevice.noSyscallEnabling(0x3E << Level.PROVIDER_BIT_BASE));
        logger = events.logger("bench.EventHeader");
    }

    @TearDown
    public void tearDown() {
        events.close();
    }

    @Benchmark
    public void full() {
        events.emitEventHeader(logger, Level.INFO, MESSAGE, null, null, full);
    }

    @Benchmark
    public void fixedClock() {
        events.emitEventHeader(logger, Level.INFO, MESSAGE, null, null, fixedClock);
    }

    @Benchmark
    public void millisClock() {
        events.emitEventHeader(logger, Level.INFO, MESSAGE, null, null, millisClock);
    }

    @Benchmark
    public void noAttributes() {
        events.emitEventHeader(logger, Level.INFO, MESSAGE, null, null, noAttributes);
    }

    @Benchmark
    public void bare() {
        events.emitEventHeader(logger, Level.INFO, MESSAGE, null, null, bare);
    }

    @Benchmark
    public void bareEmpty() {
        events.emitEventHeader(logger, Level.INFO, "", null, null, bare);
    }

    @Benchmark
    public long instantNow() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Benchmark
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }
}
