package dev.userevents;

import dev.userevents.kernel.KernelDevice;
import dev.userevents.kernel.UserEventsAbi;
import dev.userevents.spi.EventDevice;
import java.nio.file.Path;

/**
 * The core's own {@link EventDevice}, for code outside the core (benchmarks) that writes through the real
 * {@code writev} path. Here rather than on {@code EventDevice}: the SPI sits below the kernel package, which
 * implements it, so it must not name the kernel's classes.
 */
public final class EventDevices {
    private EventDevices() {}

    /**
     * The core's own device on {@code dataFile}: {@code user_events_data}, or a stand-in such as {@code /dev/null}
     * for a double that registers by itself but writes through the real {@code writev} path (JNA on JDK 17-21,
     * FFM on 22+). Close it once.
     *
     * @throws IllegalStateException naming the errno when the file cannot be opened
     */
    public static EventDevice open(Path dataFile) {
        KernelDevice.OpenResult opened = KernelDevice.open(dataFile);
        if (opened.device == null) {
            throw new IllegalStateException("open " + dataFile + ": " + UserEventsAbi.errnoName(opened.errno));
        }
        return opened.device;
    }
}
