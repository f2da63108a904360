package dev.userevents.perf;

import dev.userevents.EventDevices;
import dev.userevents.Level;
import dev.userevents.LoggerEvents;
import dev.userevents.Mode;
import dev.userevents.QueueFullPolicy;
import dev.userevents.UserEvents;
import dev.userevents.UserEventsConfig;
import dev.userevents.spi.EventDevice;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * End to end, one producer: events/s through the ring into one writev each (on /dev/null: the syscall without
 * a tracer), against Log4j2 async loggers writing the same messages to a file. Under BLOCK the producer runs at
 * the writer's pace, so this is the drain rate. The raw C writev loop runs outside JMH (perf/ue-bench.c).
 * {@link #deviceWritevOnly} is the core's native call alone, on one thread, on a record written once: with the C
 * loop it splits the drain's cost into the syscall, the call from Java (JNA on JDK 17-21, FFM on 22+) and the ring.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-XX:+UseParallelGC"})
public class ThroughputBenchmark {
    private final Long argument = 12_345_678_901L;
    private final StringBuilder message = new StringBuilder(128);
    private UserEvents core;
    private LoggerEvents events;
    private org.apache.logging.log4j.core.LoggerContext log4jAsync;
    private org.apache.logging.log4j.Logger log4jAsyncLogger;
    private Path file;
    private EventDevice devNull;
    /** A one-entry iovec, then the record it points at (the drain's record for this message). */
    private ByteBuffer iovecAndRecord;

    private long iovecAddress;

    @Setup
    public void setUp() throws IOException {
        core = UserEvents.open(
                UserEventsConfig.builder()
                        .mode(Mode.ASYNC)
                        .bufferSize(4096)
                        .queueFullPolicy(QueueFullPolicy.BLOCK)
                        .shutdownHook(false)
                        .build(),
                BenchmarkDevice.devNull(true));
        events = core.logger("bench.Throughput");
        file = Files.createTempFile("log4j-async", ".log");
        log4jAsync = Log4jContexts.asyncFile(file);
        log4jAsyncLogger = log4jAsync.getLogger("bench.Throughput");
        devNull = EventDevices.open(Paths.get("/dev/null"));
        int recordBytes = 3 * Integer.BYTES + EnabledBenchmark.PATTERN.length() + 10; // header, text, NUL
        iovecAndRecord = ByteBuffer.allocateDirect(16 + recordBytes).order(ByteOrder.nativeOrder());
        iovecAddress = com.sun.jna.Pointer.nativeValue(com.sun.jna.Native.getDirectBufferPointer(iovecAndRecord));
        iovecAndRecord.putLong(0, iovecAddress + 16).putLong(8, recordBytes);
    }

    @TearDown
    public void tearDown() throws IOException {
        core.close();
        log4jAsync.stop();
        devNull.close();
        Files.deleteIfExists(file);
    }

    @Benchmark
    public void userEventsRingToWritev() {
        message.setLength(0);
        message.append(EnabledBenchmark.PATTERN, 0, EnabledBenchmark.PATTERN.length() - 2)
                .append(argument.longValue());
        core.emit(events, Level.INFO, message);
    }

    /** One writev of one record through the core's device, no ring and no encode: the call's own rate. */
    @Benchmark
    public long deviceWritevOnly() {
        return devNull.writev(iovecAddress, 1);
    }

    @Benchmark
    public void log4jAsyncLoggerToFile() {
        log4jAsyncLogger.info(EnabledBenchmark.PATTERN, argument);
    }
}
