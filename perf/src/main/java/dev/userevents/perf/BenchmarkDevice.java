package dev.userevents.perf;

import dev.userevents.EventDevices;
import dev.userevents.spi.EventDevice;
import java.nio.file.Paths;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A device for host benchmarks, where the kernel has no user_events: registration hands out indexes and sets
 * (or leaves clear) the enable word as the kernel would; writes are real {@code writev} calls through the core's
 * own device ({@link EventDevices#open}) on {@code /dev/null} (JNA on JDK 17-21, FFM on 22+), or nothing at all
 * ({@link #noSyscall}) to isolate the hand-off. Only the core's exported packages: no split package, no internal one.
 */
public final class BenchmarkDevice implements EventDevice {
    private final EventDevice devNull;
    /** Bits that registration sets in the enable word, as a tracer attached to those events would. */
    private final int enabledBits;

    private final AtomicInteger nextIndex = new AtomicInteger();

    private BenchmarkDevice(EventDevice devNull, int enabledBits) {
        this.devNull = devNull;
        this.enabledBits = enabledBits;
    }

    /** Writes go to /dev/null through the same writev as user_events_data. */
    public static BenchmarkDevice devNull(boolean enableAll) {
        return new BenchmarkDevice(EventDevices.open(Paths.get("/dev/null")), enableAll ? -1 : 0);
    }

    /** {@link #devNull}, enabling only {@code enabledBits} of each word (e.g. the provider's level bits). */
    public static BenchmarkDevice devNullEnabling(int enabledBits) {
        return new BenchmarkDevice(EventDevices.open(Paths.get("/dev/null")), enabledBits);
    }

    /** Writes cost nothing: the ring and encoder alone. */
    public static BenchmarkDevice noSyscall(boolean enableAll) {
        return new BenchmarkDevice(null, enableAll ? -1 : 0);
    }

    /** {@link #noSyscall}, enabling only {@code enabledBits} of each word (e.g. the provider's level bits). */
    public static BenchmarkDevice noSyscallEnabling(int enabledBits) {
        return new BenchmarkDevice(null, enabledBits);
    }

    @Override
    public int register(String command, long enableAddress, int enableBit) {
        if ((enabledBits & (1 << enableBit)) != 0) {
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
        return devNull == null ? 1 : devNull.writev(iovAddress, iovCount);
    }

    @Override
    public String describe() {
        return devNull == null ? "no-syscall device" : "/dev/null";
    }

    @Override
    public void close() {
        if (devNull != null) {
            devNull.close();
        }
    }
}
