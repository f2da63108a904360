package dev.userevents.perf.nativecall;

/**
 * One way of calling writev(fd, iov, 1), timed by {@link NativeCallProbe}. The loop sits inside each implementation
 * so the call under test is a direct (static) call; the interface is crossed once per batch only.
 */
interface CallLoop {
    /** The row's name in the report. */
    String name();

    /** Calls writev {@code calls} times; returns how many calls did not write {@code expected} bytes. */
    long run(int fd, long iovAddress, int calls, long expected);
}
