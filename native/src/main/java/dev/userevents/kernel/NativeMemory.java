package dev.userevents.kernel;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Off-heap memory, JDK 17-21 version (a JDK 22+ one replaces it in the multi-release jar: FFM, no JNA, no Unsafe).
 * Every native allocation and address of the core is here; the ABI's layouts are in {@link UserEventsAbi}.
 *
 * <p>Enable words are read with {@code sun.misc.Unsafe.getIntVolatile(null, address)} through a
 * {@code static final} MethodHandle (no compile-time reference to Unsafe, so no javac warning; the JIT inlines
 * the constant handle to the same load). Measured on the host, JDK 17: 0.69 ns against 1.26 ns for the
 * {@code ByteBuffer} VarHandle view (and 0.33 ns for a volatile field), see {@code EnableWordReadBenchmark}. Without
 * {@code jdk.unsupported} (a jlink image), with {@code -Duserevents.nativeMemory=bytebuffer}, and on JDK 22+ when
 * this class is used there (a jar built without a JDK 22 compiler), reads go through the view instead: Unsafe is
 * never touched on 22+, where it warns.
 */
public final class NativeMemory {
    /** Volatile: the kernel sets and clears bits asynchronously; the read must not be hoisted or cached. */
    private static final VarHandle BUFFER_INT =
            MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    /** Unsafe.getIntVolatile bound to the instance, or null for the view. */
    private static final MethodHandle UNSAFE_GET_INT_VOLATILE = unsafeGetIntVolatile();

    private NativeMemory() {}

    private static MethodHandle unsafeGetIntVolatile() {
        if (Runtime.version().feature() >= 22 || "bytebuffer".equals(System.getProperty("userevents.nativeMemory"))) {
            return null;
        }
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            java.lang.reflect.Field instance = unsafeClass.getDeclaredField("theUnsafe");
            instance.setAccessible(true);
            return MethodHandles.lookup()
                    .findVirtual(
                            unsafeClass, "getIntVolatile", MethodType.methodType(int.class, Object.class, long.class))
                    .bindTo(instance.get(null));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null; // no jdk.unsupported: the view works everywhere
        }
    }

    /**
     * Whether {@link #readIntVolatile(long)} works: Unsafe is there. Without it a word is read through its block's
     * view ({@link #readIntVolatile(Object, int, long)}).
     */
    public static final boolean READS_BY_ADDRESS = UNSAFE_GET_INT_VOLATILE != null;

    /** Which implementation reads enable words, for diagnostics and tests. */
    public static String describe() {
        return UNSAFE_GET_INT_VOLATILE != null ? "jdk17: Unsafe.getIntVolatile" : "jdk17: ByteBuffer view";
    }

    /** A direct buffer in native byte order (records, iovecs, ioctl arguments). */
    public static ByteBuffer directBuffer(int capacity) {
        return ByteBuffer.allocateDirect(capacity).order(ByteOrder.nativeOrder());
    }

    /** A zeroed, {@code alignment}-aligned native block that lives as long as the returned object is reachable. */
    public static Object allocate(int bytes, int alignment) {
        return ByteBuffer.allocateDirect(bytes + alignment)
                .alignedSlice(alignment)
                .order(ByteOrder.nativeOrder());
    }

    public static long address(Object block) {
        return address((ByteBuffer) block);
    }

    /** The address of a direct buffer's first byte. */
    public static long address(ByteBuffer direct) {
        return Pointer.nativeValue(Native.getDirectBufferPointer(direct));
    }

    /** The enable word at {@code address}, {@code offset} bytes into {@code block}. */
    public static int readIntVolatile(Object block, int offset, long address) {
        if (UNSAFE_GET_INT_VOLATILE != null) {
            try {
                return (int) UNSAFE_GET_INT_VOLATILE.invokeExact((Object) null, address);
            } catch (Throwable impossible) {
                throw new AssertionError(impossible);
            }
        }
        return (int) BUFFER_INT.getVolatile((ByteBuffer) block, offset);
    }

    /** The enable word at {@code address}; only while {@link #READS_BY_ADDRESS}. */
    public static int readIntVolatile(long address) {
        try {
            return (int) UNSAFE_GET_INT_VOLATILE.invokeExact((Object) null, address);
        } catch (Throwable impossible) {
            throw new AssertionError(impossible);
        }
    }

    public static void writeIntVolatile(Object block, int offset, int value) {
        BUFFER_INT.setVolatile((ByteBuffer) block, offset, value);
    }
}
