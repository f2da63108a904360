package dev.userevents.perf.nativecall;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/** Reference row: JNA interface mapping (proxy, Object[] arguments), the design direct mapping replaced. */
final class JnaInterface implements CallLoop {
    interface Libc extends Library {
        Libc INSTANCE = Native.load(Platform.C_LIBRARY_NAME, Libc.class);

        long writev(int fd, long iovAddress, int iovCount);
    }

    @Override
    public String name() {
        return "ref jna-interface";
    }

    @Override
    public long run(int fd, long iovAddress, int calls, long expected) {
        Libc libc = Libc.INSTANCE;
        long bad = 0;
        for (int i = 0; i < calls; i++) {
            long written = libc.writev(fd, iovAddress, 1);
            if ((written >= 0 ? written : -Native.getLastError()) != expected) {
                bad++;
            }
        }
        return bad;
    }
}
