package dev.userevents.perf;

import dev.userevents.Level;
import dev.userevents.LogEventReader;
import dev.userevents.LoggerEvents;
import dev.userevents.Mode;
import dev.userevents.UserEvents;
import dev.userevents.UserEventsConfig;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.openjdk.jmh.annotations.*;

/**
 * The EventHeader record against the tracefs one, same 64-character message, on a device whose writev costs
 * nothing: "sync" is the caller's whole cost of encoding (and the no-op write), "handoff" the async producer's with
 * the ring kept full, where the slower of caller and writer sets the rate (in async mode the writer encodes the
 * EventHeader record; {@link HandoffBurstBenchmark} times the caller alone, while the ring has room).
 * The EventHeader event carries what OpenTelemetry's Java agent puts in the MDC (trace_id, span_id, trace_flags)
 * plus one attribute, the thread and the clock.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-XX:+UseParallelGC"})
public class EventHeaderBenchmark {
    static {
        // SLF4J bound to this library's provider (perf's class path also holds Logback's), so MDC is the provider's
        // adapter. Set here, not in @Fork: perf/run.sh's -jvmArgsAppend replaces the annotation's.
        System.setProperty("slf4j.provider", "dev.userevents.slf4j.UserEventsServiceProvider");
    }

    static final String MESSAGE = "order placed by customer ann at warehouse east, id 12345678901";
    /**
     * A tracefs message as long as the EventHeader record of {@link #MESSAGE} (the record's 390 bytes less the tracefs
     * record's 13 of its own). Its sync row costs about what its hand-off row does: a record of that size costs the
     * caller the encode of its 377 characters, not the moving of its bytes to the writer's core.
     */
    private static final String MESSAGE_OF_EVENT_HEADER_BYTES =
            (MESSAGE + " ").repeat(6).substring(0, 377);

    static final int PROVIDER_BITS = 0x3E << Level.PROVIDER_BIT_BASE; // levels 1-5

    /** An SLF4J-like event: the MDC of a traced request. */
    static final class MdcReader implements LogEventReader<Object> {
        static final MdcReader INSTANCE = new MdcReader();

        @Override
        public void forEachAttribute(Object event, BiConsumer<String, Object> sink) {
            sink.accept("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
            sink.accept("span_id", "00f067aa0ba902b7");
            sink.accept("trace_flags", "01");
            sink.accept("tenant", "acme");
        }
    }

    private UserEvents tracefsSync;
    private UserEvents eventHeaderSync;
    private UserEvents tracefsAsync;
    private UserEvents eventHeaderAsync;
    private LoggerEvents tracefsSyncEvents;
    private LoggerEvents eventHeaderSyncEvents;
    private LoggerEvents tracefsAsyncEvents;
    private LoggerEvents eventHeaderAsyncEvents;
    private UserEvents tracefsToDevNull;
    private UserEvents eventHeaderToDevNull;
    private LoggerEvents tracefsToDevNullEvents;
    private LoggerEvents eventHeaderToDevNullEvents;
    private org.slf4j.Logger slf4jEventHeaderSync;

    /** The same four entries in the real MDC of the benchmark thread (MDC is per thread). */
    @State(Scope.Thread)
    public static class RequestMdc {
        @Setup
        public void setUp() {
            org.slf4j.MDC.put("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
            org.slf4j.MDC.put("span_id", "00f067aa0ba902b7");
            org.slf4j.MDC.put("trace_flags", "01");
            org.slf4j.MDC.put("tenant", "acme");
        }

        @TearDown
        public void tearDown() {
            org.slf4j.MDC.clear();
        }
    }

    @Setup
    public void setUp() {
        UserEventsConfig.Builder sync =
                UserEventsConfig.builder().mode(Mode.SYNC).shutdownHook(false);
        UserEventsConfig.Builder async =
                UserEventsConfig.builder().mode(Mode.ASYNC).bufferSize(4096).shutdownHook(false);
        tracefsSync = UserEvents.open(sync.build(), BenchmarkDevice.noSyscall(true));
        eventHeaderSync = UserEvents.open(
                sync.eventHeaderProvider("Bench").build(), BenchmarkDevice.noSyscallEnabling(PROVIDER_BITS));
        tracefsAsync = UserEvents.open(async.build(), BenchmarkDevice.noSyscall(true));
        eventHeaderAsync = UserEvents.open(
                async.eventHeaderProvider("Bench").build(), BenchmarkDevice.noSyscallEnabling(PROVIDER_BITS));
        tracefsToDevNull = UserEvents.open(async.build(), BenchmarkDevice.devNull(true));
        eventHeaderToDevNull = UserEvents.open(
                async.eventHeaderProvider("Bench").build(), BenchmarkDevice.devNullEnabling(PROVIDER_BITS));
        tracefsToDevNullEvents = tracefsToDevNull.logger("bench.EventHeader");
        eventHeaderToDevNullEvents = eventHeaderToDevNull.logger("bench.EventHeader");
        tracefsSyncEvents = tracefsSync.logger("bench.EventHeader");
        eventHeaderSyncEvents = eventHeaderSync.logger("bench.EventHeader");
        tracefsAsyncEvents = tracefsAsync.logger("bench.EventHeader");
        eventHeaderAsyncEvents = eventHeaderAsync.logger("bench.EventHeader");
        slf4jEventHeaderSync =
                new dev.userevents.slf4j.UserEventsLoggerFactory(eventHeaderSync).getLogger("bench.EventHeader");
        if (!eventHeaderSyncEvents.isProviderEnabled(Level.INFO)
                || eventHeaderSyncEvents.isTracepointEnabled(Level.INFO)) {
            throw new IllegalStateException("provider bits only: " + eventHeaderSyncEvents);
        }
    }

    @TearDown
    public void tearDown() {
        tracefsSync.close();
        eventHeaderSync.close();
        tracefsAsync.close();
        tracefsToDevNull.close();
        eventHeaderToDevNull.close();
        eventHeaderAsync.close();
    }

    @Benchmark
    public void tracefsSync() {
        tracefsSync.emit(tracefsSyncEvents, Level.INFO, MESSAGE);
    }

    @Benchmark
    public void tracefsSyncEventHeaderBytes() {
        tracefsSync.emit(tracefsSyncEvents, Level.INFO, MESSAGE_OF_EVENT_HEADER_BYTES);
    }

    @Benchmark
    public void eventHeaderSync() {
        eventHeaderSync.emitEventHeader(eventHeaderSyncEvents, Level.INFO, MESSAGE, null, null, MdcReader.INSTANCE);
    }

    /** {@link #eventHeaderSync} through the SLF4J provider, its fields read from the real MDC. */
    @Benchmark
    public void slf4jEventHeaderSyncWithMdc(RequestMdc mdc) {
        slf4jEventHeaderSync.info(MESSAGE);
    }

    @Benchmark
    public void tracefsAsyncHandoff() {
        tracefsAsync.emit(tracefsAsyncEvents, Level.INFO, MESSAGE);
    }

    @Benchmark
    public void tracefsAsyncHandoffEventHeaderBytes() {
        tracefsAsync.emit(tracefsAsyncEvents, Level.INFO, MESSAGE_OF_EVENT_HEADER_BYTES);
    }

    @Benchmark
    public void eventHeaderAsyncHandoff() {
        eventHeaderAsync.emitEventHeader(eventHeaderAsyncEvents, Level.INFO, MESSAGE, null, null, MdcReader.INSTANCE);
    }

    /** The ring kept full with a writev per event (on /dev/null): the writer's rate with a syscall, as in use. */
    @Benchmark
    public void tracefsAsyncToDevNull() {
        tracefsToDevNull.emit(tracefsToDevNullEvents, Level.INFO, MESSAGE);
    }

    /** {@link #tracefsAsyncToDevNull} for the EventHeader record, which the writer encodes before its writev. */
    @Benchmark
    public void eventHeaderAsyncToDevNull() {
        eventHeaderToDevNull.emitEventHeader(
                eventHeaderToDevNullEvents, Level.INFO, MESSAGE, null, null, MdcReader.INSTANCE);
    }
}
