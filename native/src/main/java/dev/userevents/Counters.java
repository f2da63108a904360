package dev.userevents;

import dev.userevents.kernel.UserEventsAbi;
import dev.userevents.spi.Diagnostics;
import java.util.concurrent.atomic.LongAdder;

/** Event counters of one {@link UserEvents} instance; read with the accessors, any thread, any time. */
public final class Counters {
    final LongAdder written = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder disabledRace = new LongAdder();
    final LongAdder errors = new LongAdder();

    Counters() {}

    /** Events the kernel accepted. */
    public long written() {
        return written.sum();
    }

    /** Events dropped by the DROP queue-full policy or because they came after close. */
    public long dropped() {
        return dropped.sum();
    }

    /** EBADF: the event was disabled between the enable check and the write (nothing lost that a tracer wanted). */
    public long disabledRace() {
        return disabledRace.sum();
    }

    /** Writes that failed for any other reason. */
    public long errors() {
        return errors.sum();
    }

    /** Accounts one writev result: bytes written, or -errno. */
    void recordWrite(long result) {
        if (result >= 0) {
            written.increment();
        } else if (result == -UserEventsAbi.EBADF) {
            disabledRace.increment();
        } else {
            errors.increment();
            int errno = (int) -result;
            Diagnostics.reportOnce(
                    "write:" + errno,
                    "writing an event failed: " + UserEventsAbi.errnoName(errno)
                            + " (reported once per error; see Counters.errors()).");
        }
    }

    @Override
    public String toString() {
        return "written=" + written() + " dropped=" + dropped() + " disabledRace=" + disabledRace() + " errors="
                + errors();
    }
}
