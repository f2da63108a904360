package dev.userevents.perf.nativecall;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.util.Map;

/**
 * Row B: direct mapping registered through a {@code NativeLibrary} with the options JNA documents for mapping
 * ({@code OPTION_ALLOW_OBJECTS=false}, no type mapper), to see whether any option reaches the direct call.
 */
final class JnaDirectOptions implements CallLoop {
    static {
        Map<String, Object> options = Map.of(Library.OPTION_ALLOW_OBJECTS, Boolean.FALSE);
        Native.register(JnaDirectOptions.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME, options));
    }

    static native long writev(int fd, long iovAddress, int iovCount);

    @Override
    public String name() {
        return "B jna-direct ALLOW_OBJECTS=false";
    }

    @Override
    public long run(int fd, long iovAddress, int calls, long expected) {
        long bad = 0;
        for (int i = 0; i < calls; i++) {
            long written = writev(fd, iovAddress, 1);
            if ((written >= 0 ? written : -Native.getLastError()) != expected) {
                bad++;
            }
        }
        return bad;
    }
}
