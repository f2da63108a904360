package dev.userevents.perf.nativecall;

/**
 * Floor row: a hand-written JNI function (perf/native-call-probe-jni.c) that calls writev and returns -errno on
 * failure. What any JNI-based call on JDK 17 costs at least: the JVM's Java-to-native transition and back.
 * Present only when the script built the library ({@code -Dprobe.jni=PATH}).
 */
final class JniFloor implements CallLoop {
    static native long writev(int fd, long iovAddress, int iovCount);

    /** labs in C: the JNI call without a syscall (NoSyscall's JNI row). */
    static native long labs(long value);

    static void load(String path) {
        System.load(path);
    }

    @Override
    public String name() {
        return "D jni hand-written";
    }

    @Override
    public long run(int fd, long iovAddress, int calls, long expected) {
        long bad = 0;
        for (int i = 0; i < calls; i++) {
            if (writev(fd, iovAddress, 1) != expected) {
                bad++;
            }
        }
        return bad;
    }
}
