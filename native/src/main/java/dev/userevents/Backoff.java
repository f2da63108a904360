package dev.userevents;

import java.util.concurrent.locks.LockSupport;

/**
 * How the ring's two sides wait. The writer, for a published slot: spin first (a producer is usually microseconds
 * away), then yield the core, then let the caller park. A BLOCK producer, for a free slot: yield, then sleep,
 * never spin.
 */
final class Backoff {
    static final int SPIN_TRIES = 100;
    static final int YIELD_TRIES = 10;
    /**
     * How long a BLOCK producer facing a full ring sleeps, after its yields, before it looks again. It does not
     * spin: polling the ring's sequence lines pulled them away from the writer on every event (JMH ring to
     * writev(/dev/null), JDK 25, interleaved: 0.78-0.81x the C loop with spins and yields first, 0.88-0.93x
     * parking at once). It still yields first: parking at once halved the rate of the 4-producer load in the test
     * VM, where the two vCPUs share one host thread (66.5 s against 33.1 s for 4 million events, one boot each),
     * for 5-10% on the host (JDK 25, interleaved: 615-622k events/s parking at once, 560-595k yielding first). A
     * full ring holds bufferSize events of work for the writer (about 1 ms at 1024 slots and a 1 µs writev), so
     * 50 µs costs no throughput.
     */
    static final long FULL_RING_PARK_NANOS = 50_000;

    private Backoff() {}

    /** The writer: spins or yields for attempt number {@code attempt} (0, 1, ...); true once it is time to park. */
    static boolean spinOrYield(int attempt) {
        if (attempt < SPIN_TRIES) {
            Thread.onSpinWait();
            return false;
        }
        if (attempt < SPIN_TRIES + YIELD_TRIES) {
            Thread.yield();
            return false;
        }
        return true;
    }

    /** A BLOCK producer before its attempt number {@code attempt} (0, 1, ...) to claim a slot of a full ring. */
    static void awaitFreeSlot(int attempt) {
        if (attempt < YIELD_TRIES) {
            Thread.yield(); // where CPUs are scarce, this is what lets the writer run at once
        } else {
            LockSupport.parkNanos(FULL_RING_PARK_NANOS);
        }
    }
}
