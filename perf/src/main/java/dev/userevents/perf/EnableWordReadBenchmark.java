package dev.userevents.perf;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * Ways to read a kernel-written off-heap int without {@code sun.misc.Unsafe}, against a volatile field: the
 * direct {@code ByteBuffer} view the core uses ({@code EnableWords}), the same through a holder object (the
 * SLF4J logger's shape), and a {@code MemorySegment} (JDK 22+; looked up reflectively, since the project compiles
 * for JDK 17, and called both through the VarHandle and through an exact MethodHandle). The segment benchmarks
 * fail in setup on JDK 17-21. Run: {@code java -cp ... org.openjdk.jmh.Main EnableWordReadBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2)
public class EnableWordReadBenchmark {
    private static final VarHandle BUFFER_VIEW =
            MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final int WORD_OFFSET = 40;

    volatile int field;
    private ByteBuffer page;
    private Holder holder;

    /** Like EnableWord: the page that keeps the word alive and its offset. */
    static final class Holder {
        final ByteBuffer page;
        final int offset;

        Holder(ByteBuffer page, int offset) {
            this.page = page;
            this.offset = offset;
        }

        int read() {
            return (int) BUFFER_VIEW.getVolatile(page, offset);
        }
    }

    @Setup
    public void setUp() {
        page = ByteBuffer.allocateDirect(4096 + 64).alignedSlice(64).order(ByteOrder.nativeOrder());
        holder = new Holder(page, WORD_OFFSET);
    }

    @State(Scope.Benchmark)
    public static class Segment {
        static final VarHandle VIEW = segmentIntView();
        static final MethodHandle EXACT = VIEW == null
                ? null
                : VIEW.toMethodHandle(VarHandle.AccessMode.GET_VOLATILE)
                        .asType(MethodType.methodType(int.class, Object.class, long.class));
        Object segment;
        long offset = WORD_OFFSET;

        private static VarHandle segmentIntView() {
            try {
                Class<?> valueLayout = Class.forName("java.lang.foreign.ValueLayout");
                Object javaInt = valueLayout.getField("JAVA_INT").get(null);
                return (VarHandle) valueLayout.getMethod("varHandle").invoke(javaInt); // the interface's method: the
                // implementation class is not exported
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null; // before JDK 22
            }
        }

        @Setup
        public void setUp(EnableWordReadBenchmark benchmark) throws ReflectiveOperationException {
            if (VIEW == null) {
                throw new UnsupportedOperationException("MemorySegment benchmarks need JDK 22+");
            }
            segment = Class.forName("java.lang.foreign.MemorySegment")
                    .getMethod("ofBuffer", Buffer.class)
                    .invoke(null, benchmark.page);
        }
    }

    @Benchmark
    public int volatileField() {
        return field;
    }

    @Benchmark
    public int byteBufferView() {
        return (int) BUFFER_VIEW.getVolatile(page, WORD_OFFSET);
    }

    @Benchmark
    public int byteBufferViewThroughHolder() {
        return holder.read();
    }

    @Benchmark
    public int memorySegmentView(Segment segment) {
        return (int) Segment.VIEW.getVolatile(segment.segment, segment.offset);
    }

    @Benchmark
    public int memorySegmentExactHandle(Segment segment) throws Throwable {
        return (int) Segment.EXACT.invokeExact(segment.segment, segment.offset);
    }
}
