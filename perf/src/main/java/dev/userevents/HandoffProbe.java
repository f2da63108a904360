package dev.userevents;

import dev.userevents.perf.BenchmarkDevice;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/** Temporary probe: the ring's hand-off of pre-encoded bytes of a given length. */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-XX:+UseParallelGC"})
public class HandoffProbe {
    @Param({"16", "80", "400"})
    public int bytes;

    @Param({"4096"})
    public int ring;

    private UserEvents events;
    private EventWriter writer;
    private final byte[] head = new byte[512];
    private final byte[] tail = new byte[512];

    @Setup
    public void setUp() throws Exception {
        events = UserEvents.open(
                UserEventsConfig.builder()
                        .mode(Mode.ASYNC)
                        .bufferSize(ring)
                        .shutdownHook(false)
                        .eventHeaderProvider("B")
                        .build(),
                BenchmarkDevice.noSyscall(true));
        java.lang.reflect.Field f = UserEvents.class.getDeclaredField("writer");
        f.setAccessible(true);
        writer = (EventWriter) f.get(events);
    }

    @TearDown
    public void tearDown() {
        events.close();
    }

    @Benchmark
    public void handoffTwoParts() {
        writer.write(head, bytes / 2, tail, bytes - bytes / 2);
    }

    @Benchmark
    public void handoffOnePart() {
        writer.write(head, bytes, tail, 0);
    }
}
