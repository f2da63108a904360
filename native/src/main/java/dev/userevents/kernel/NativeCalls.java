package dev.userevents.kernel;

import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * The libc calls of the core, JDK 17-21 version: JNA direct mapping ({@code Native.register}), arguments are
 * primitives only (addresses as {@code long}), so a call marshals nothing and allocates nothing. A JDK 22+ version
 * replaces it in the multi-release jar (FFM downcalls; JNA is then never loaded). Each call returns its result, or
 * {@code -errno} when it failed.
 */
final class NativeCalls {
    private NativeCalls() {}

    static String describe() {
        return "jdk17: JNA direct mapping";
    }

    static int open(String path, int flags) {
        int fd = Libc.open(path, flags);
        return fd >= 0 ? fd : -Native.getLastError();
    }

    static int close(int fd) {
        return Libc.close(fd) == 0 ? 0 : -Native.getLastError();
    }

    static int ioctl(int fd, long request, long argAddress) {
        int result = Libc.ioctl(fd, request, argAddress);
        return result >= 0 ? result : -Native.getLastError();
    }

    static long writev(int fd, long iovAddress, int iovCount) {
        long written = Libc.writev(fd, iovAddress, iovCount);
        return written >= 0 ? written : -Native.getLastError();
    }

    /** {@link #writev} for a file whose writes never block; JDK 17-21 has one kind of call. */
    static long writevNeverBlocking(int fd, long iovAddress, int iovCount) {
        return writev(fd, iovAddress, iovCount);
    }

    private static final class Libc {
        private Libc() {}

        static {
            Native.register(Libc.class, Platform.C_LIBRARY_NAME);
        }

        static native int open(String path, int flags);

        static native int close(int fd);

        /** ioctl is variadic; on the supported 64-bit ABIs an integer third argument is passed the same way. */
        static native int ioctl(int fd, long request, long argAddress);

        static native long writev(int fd, long iovAddress, int iovCount);
    }
}
