package dev.userevents.perf.nativecall;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Row B: direct mapping declaring {@code throws LastErrorException}: JNA then clears errno before the call and
 * throws on a non-zero errno (the other errno mode JNA's direct dispatch has).
 */
final class JnaDirectThrows implements CallLoop {
    static {
        Native.register(JnaDirectThrows.class, Platform.C_LIBRARY_NAME);
    }

    static native long writev(int fd, long iovAddress, int iovCount) throws LastErrorException;

    @Override
    public String name() {
        return "B jna-direct throws LastErrorException";
    }

    @Override
    public long run(int fd, long iovAddress, int calls, long expected) {
        long bad = 0;
        for (int i = 0; i < calls; i++) {
            try {
                if (writev(fd, iovAddress, 1) != expected) {
                    bad++;
                }
            } catch (LastErrorException e) {
                bad++;
            }
        }
        return bad;
    }
}
