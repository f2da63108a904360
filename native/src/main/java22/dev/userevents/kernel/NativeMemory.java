package dev.userevents.kernel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Off-heap memory, JDK 22+ version (compiled with {@code --release 22} into META-INF/versions/22): the Foreign
 * Function & Memory API only, so neither JNA nor {@code sun.misc.Unsafe} is touched (Unsafe warns on JDK 24+).
 *
 * <p>Enable-word pages are {@code Arena.ofAuto()} segments: aligned, never moved, freed by the GC only once nothing
 * references them, which the registry ensures happens after DIAG_IOCSUNREG (or never, for a pinned page). A word is
 * read through the {@code static final} {@code ValueLayout.JAVA_INT} VarHandle at its absolute address in
 * {@link #EVERYTHING}, a constant, global-scope segment over the whole address space: the JIT then folds the bounds
 * and liveness checks that a per-page segment costs. Measured on the host, JDK 25: 0.64 ns against 1.3-1.5 ns
 * through the page segment and 1.1-1.3 ns through a {@code ByteBuffer} view (a volatile field: 0.31-0.36 ns).
 * {@code MemorySegment.reinterpret} is a restricted method: {@code --enable-native-access} covers it with the
 * downcalls.
 */
public final class NativeMemory {
    /** Volatile: the kernel sets and clears bits asynchronously; the read must not be hoisted or cached. */
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    private static final MemorySegment EVERYTHING = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    /**
     * Leaves a word's address unchanged (4-aligned, far below 2^62) and tells the JIT so: with {@code address & MASK}
     * it proves the access in bounds of {@link #EVERYTHING} and aligned, and drops both checks (a compare and a
     * test with their branches on every read, which a loop repeats since the address is re-read after each
     * volatile load; {@code PlainLoopProbe}: 3.8-5.0x to 2.4-2.6x the volatile field, JDK 25, interleaved).
     */
    private static final long WORD_ADDRESS_MASK = 0x3FFF_FFFF_FFFF_FFFCL;

    private NativeMemory() {}

    /** {@link #readIntVolatile(long)} always works here (the JDK 17-21 twin needs Unsafe for it). */
    public static final boolean READS_BY_ADDRESS = true;

    /** Which implementation reads enable words, for diagnostics and tests. */
    public static String describe() {
        return "jdk22: FFM MemorySegment";
    }

    /** A direct buffer in native byte order (records, iovecs, ioctl arguments). */
    public static ByteBuffer directBuffer(int capacity) {
        return ByteBuffer.allocateDirect(capacity).order(ByteOrder.nativeOrder());
    }

    /** A zeroed, {@code alignment}-aligned native block that lives as long as the returned segment is reachable. */
    public static Object allocate(int bytes, int alignment) {
        return Arena.ofAuto().allocate(bytes, alignment);
    }

    public static long address(Object block) {
        return ((MemorySegment) block).address();
    }

    /** The address of a direct buffer's first byte. */
    public static long address(ByteBuffer direct) {
        return MemorySegment.ofBuffer(direct).address();
    }

    /** The enable word at {@code address} (inside {@code block}, which keeps it allocated). */
    public static int readIntVolatile(Object block, int offset, long address) {
        return (int) INT.getVolatile(EVERYTHING, address & WORD_ADDRESS_MASK);
    }

    /** The enable word at {@code address}. */
    public static int readIntVolatile(long address) {
        return (int) INT.getVolatile(EVERYTHING, address & WORD_ADDRESS_MASK);
    }

    public static void writeIntVolatile(Object block, int offset, int value) {
        INT.setVolatile((MemorySegment) block, (long) offset, value);
    }
}
