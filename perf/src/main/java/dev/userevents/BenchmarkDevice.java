package dev.userevents;

import com.sun.jna.Native;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A device for host benchmarks, where the kernel has no user_events: registration hands out indexes and sets
 * (or leaves clear) the enable word as the kernel would; writes are real {@code writev} calls on a real fd
 * ({@code /dev/null}), or nothing at all ({@link #noSyscall()}) to isolate the hand-off.
 */
public final class BenchmarkDevice implements EventDevice {
    private final int fd;
    private final boolean enableAll;
    private final AtomicInteger nextIndex = new AtomicInteger();

    private BenchmarkDevice(int fd, boolean enableAll) {
        this.fd = fd;
        this.enableAll = enableAll;
    }

    /** Writes go to /dev/null through the same direct-mapped writev as user_events_data. */
    public static BenchmarkDevice devNull(boolean enableAll) {
        int fd = UserEventsAbi.Libc.open("/dev/null", UserEventsAbi.O_RDWR | UserEventsAbi.O_CLOEXEC);
        if (fd < 0) {
            throw new IllegalStateException("open /dev/null: errno " + Native.getLastError());
        }
        return new BenchmarkDevice(fd, enableAll);
    }

    /** Writes cost nothing: the ring and encoder alone. */
    public static BenchmarkDevice noSyscall(boolean enableAll) {
        return new BenchmarkDevice(-1, enableAll);
    }

    @Override
    public int register(String command, long enableAddress, int enableBit) {
        if (enableAll) {
            com.sun.jna.Pointer word = new com.sun.jna.Pointer(enableAddress);
            word.setInt(0, word.getInt(0) | (1 << enableBit));
        }
        return nextIndex.getAndIncrement();
    }

    @Override
    public int unregister(long enableAddress, int enableBit) {
        new com.sun.jna.Pointer(enableAddress).setInt(0, 0);
        return 0;
    }

    @Override
    public long writev(long iovAddress, int iovCount) {
        if (fd < 0) {
            return 1;
        }
        long written = UserEventsAbi.Libc.writev(fd, iovAddress, iovCount);
        return written >= 0 ? written : -Native.getLastError();
    }

    @Override
    public String describe() {
        return fd < 0 ? "no-syscall device" : "/dev/null";
    }

    @Override
    public void close() {
        if (fd >= 0) {
            UserEventsAbi.Libc.close(fd);
        }
    }
}
