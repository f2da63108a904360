package dev.userevents.perf;

import dev.userevents.Level;
import dev.userevents.LoggerEvents;
import dev.userevents.Mode;
import dev.userevents.QueueFullPolicy;
import dev.userevents.UserEvents;
import dev.userevents.UserEventsConfig;
import dev.userevents.slf4j.UserEventsLoggerFactory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * An enabled event, 64-character message with one parameter. "Hand-off" runs against a device whose writev
 * costs nothing, so the number is the producer's cost (format, claim, encode into the slot, publish) while the
 * writer keeps up; "sync" pays the writev (to /dev/null) on the caller. Run with -t 1 and -t 2.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-XX:+UseParallelGC"})
public class EnabledBenchmark {
    /** 53 characters + "{}" → 64 with the argument's 11 digits. */
    static final String PATTERN = "order placed by customer ann at warehouse east, id {}";

    private final Long argument = 12_345_678_901L;

    private UserEvents asyncCore;
    private UserEvents syncCore;
    private LoggerEvents asyncEvents;
    private LoggerEvents syncEvents;
    private org.slf4j.Logger slf4jAsync;
    private org.apache.logging.log4j.core.LoggerContext log4jAsyncContext;
    private org.apache.logging.log4j.Logger log4jAsync;

    @State(Scope.Thread)
    public static class Buffer {
        final StringBuilder message = new StringBuilder(128);
    }

    @Setup
    public void setUp() {
        asyncCore = UserEvents.open(
                UserEventsConfig.builder()
                        .mode(Mode.ASYNC)
                        .bufferSize(4096)
                        .queueFullPolicy(QueueFullPolicy.BLOCK)
                        .shutdownHook(false)
                        .build(),
                BenchmarkDevice.noSyscall(true));
        asyncEvents = asyncCore.logger("bench.Enabled");
        slf4jAsync = new UserEventsLoggerFactory(asyncCore).getLogger("bench.Slf4j");
        syncCore = UserEvents.open(
                UserEventsConfig.builder().mode(Mode.SYNC).shutdownHook(false).build(), BenchmarkDevice.devNull(true));
        syncEvents = syncCore.logger("bench.Sync");
        log4jAsyncContext = Log4jContexts.asyncNull();
        log4jAsync = log4jAsyncContext.getLogger("bench.Log4jAsync");
    }

    @TearDown
    public void tearDown() {
        asyncCore.close();
        syncCore.close();
        log4jAsyncContext.stop();
    }

    private static CharSequence format(Buffer buffer, Long argument) {
        StringBuilder message = buffer.message;
        message.setLength(0);
        message.append(PATTERN, 0, PATTERN.length() - 2).append(argument.longValue());
        return message;
    }

    @Benchmark
    public void coreAsyncHandoff(Buffer buffer) {
        asyncCore.emit(asyncEvents, Level.INFO, format(buffer, argument));
    }

    @Benchmark
    public void slf4jAsyncHandoff() {
        slf4jAsync.info(PATTERN, argument);
    }

    /** The same line through Log4j2's AsyncLogger (Disruptor) to a Null appender: the hand-off to beat. */
    @Benchmark
    public void log4j2AsyncLoggerHandoff() {
        log4jAsync.info(PATTERN, argument);
    }

    @Benchmark
    public void coreSyncWritevDevNull(Buffer buffer) {
        syncCore.emit(syncEvents, Level.INFO, format(buffer, argument));
    }
}
