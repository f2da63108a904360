package dev.userevents.perf.nativecall;

import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Row A: the core's JDK 17-21 call exactly (native/.../kernel/NativeCalls): JNA direct mapping, primitive
 * arguments, errno read through {@code Native.getLastError()} only when the call failed.
 */
final class JnaDirect implements CallLoop {
    static {
        Native.register(JnaDirect.class, Platform.C_LIBRARY_NAME);
    }

    static native int open(String path, int flags);

    static native long writev(int fd, long iovAddress, int iovCount);

    static long call(int fd, long iovAddress, int iovCount) {
        long written = writev(fd, iovAddress, iovCount);
        return written >= 0 ? written : -Native.getLastError();
    }

    @Override
    public String name() {
        return "A jna-direct (core)";
    }

    @Override
    public long run(int fd, long iovAddress, int calls, long expected) {
        long bad = 0;
        for (int i = 0; i < calls; i++) {
            if (call(fd, iovAddress, 1) != expected) {
                bad++;
            }
        }
        return bad;
    }
}
