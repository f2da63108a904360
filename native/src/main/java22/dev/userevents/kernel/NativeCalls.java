package dev.userevents.kernel;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;

/**
 * The libc calls of the core, JDK 22+ version (compiled with {@code --release 22} into META-INF/versions/22): FFM
 * downcalls, so JNA is never loaded and no native library is extracted to a temporary directory. Addresses pass as
 * {@code long} (pointers and longs travel alike on the supported 64-bit ABIs), errno is captured by the linker
 * into a per-thread segment. Each call returns its result, or {@code -errno} when it failed.
 */
final class NativeCalls {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    private static final MethodHandle OPEN =
            downcall("open", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    private static final MethodHandle CLOSE =
            downcall("close", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    /** ioctl is variadic: the request is its last fixed argument, the pointer its first variadic one. */
    private static final MethodHandle IOCTL = LINKER.downcallHandle(
            LIBC.find("ioctl").orElseThrow(),
            FunctionDescriptor.of(
                    ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG),
            CAPTURE_ERRNO,
            Linker.Option.firstVariadicArg(2));

    private static final FunctionDescriptor WRITEV_DESCRIPTOR = FunctionDescriptor.of(
            ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT);
    private static final MethodHandle WRITEV = downcall("writev", WRITEV_DESCRIPTOR);
    /**
     * A critical downcall: no Java-to-native thread-state transition (no safepoint poll on return), so the call is
     * cheaper, but GC cannot run until it returns. Only for writes that never block (user_events_data, /dev/null).
     */
    private static final MethodHandle WRITEV_CRITICAL = LINKER.downcallHandle(
            LIBC.find("writev").orElseThrow(), WRITEV_DESCRIPTOR, CAPTURE_ERRNO, Linker.Option.critical(false));

    /** Where the linker stores errno after a call, one per thread (the writer, a sync caller, the registrar). */
    private static final ThreadLocal<MemorySegment> CALL_STATES =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CALL_STATE));

    private NativeCalls() {}

    private static MethodHandle downcall(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LIBC.find(name).orElseThrow(), descriptor, CAPTURE_ERRNO);
    }

    static String describe() {
        return "jdk22: FFM downcalls (writev to user_events_data: critical)";
    }

    private static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    static int open(String path, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = CALL_STATES.get();
            MemorySegment cPath = arena.allocateFrom(path, StandardCharsets.UTF_8);
            int fd = (int) OPEN.invokeExact(state, cPath, flags);
            return fd >= 0 ? fd : -errno(state);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    static int close(int fd) {
        try {
            MemorySegment state = CALL_STATES.get();
            int result = (int) CLOSE.invokeExact(state, fd);
            return result == 0 ? 0 : -errno(state);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    static int ioctl(int fd, long request, long argAddress) {
        try {
            MemorySegment state = CALL_STATES.get();
            int result = (int) IOCTL.invokeExact(state, fd, request, argAddress);
            return result >= 0 ? result : -errno(state);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    static long writev(int fd, long iovAddress, int iovCount) {
        return writev(WRITEV, fd, iovAddress, iovCount);
    }

    /** {@link #writev} as a critical downcall: only for a file whose writes never block. */
    static long writevNeverBlocking(int fd, long iovAddress, int iovCount) {
        return writev(WRITEV_CRITICAL, fd, iovAddress, iovCount);
    }

    /** One writev through {@code handle}; inlined into its two callers, where the handle is a constant. */
    private static long writev(MethodHandle handle, int fd, long iovAddress, int iovCount) {
        try {
            MemorySegment state = CALL_STATES.get();
            long written = (long) handle.invokeExact(state, fd, iovAddress, iovCount);
            return written >= 0 ? written : -errno(state);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(e);
    }
}
