package dev.userevents;

/** Where the {@code writev} happens. */
public enum Mode {
    /**
     * Producers encode into a lock-free ring; a background thread writes. The kernel then records the writer
     * thread's pid/tid and the time of the write, not of the log call.
     */
    ASYNC,
    /** Every event is written on the caller's thread: the kernel records the caller's pid/tid and time. */
    SYNC
}
