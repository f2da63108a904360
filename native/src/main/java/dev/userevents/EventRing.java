package dev.userevents;

import static dev.userevents.kernel.UserEventsAbi.IOVEC_BASE_OFFSET;
import static dev.userevents.kernel.UserEventsAbi.IOVEC_LEN_OFFSET;
import static dev.userevents.kernel.UserEventsAbi.IOVEC_SIZE;

import dev.userevents.kernel.NativeMemory;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A bounded multi-producer, single-consumer ring of preallocated event records (Disruptor-style sequences).
 *
 * <p>Memory: {@link #records} holds slot {@code i} at {@code i * slotBytes}, each a whole record exactly as
 * {@code writev} takes it ({@link EventEncoder}); {@link #iovecs} holds one {@code struct iovec} per slot whose
 * base is fixed at construction, so a producer encodes straight into its slot, stores the length into the
 * slot's iovec, and the writer passes that iovec to the kernel: no second copy.
 *
 * <p>Sequences: producers claim sequence numbers with a CAS on {@link #CLAIM}; sequence {@code s} lives in slot
 * {@code s & mask}. A producer publishes by storing {@code s} into {@code published[slot]}; the single
 * consumer reads slots strictly in sequence order and advances {@link #CONSUMED}, which frees slots for
 * producers. {@link #close()} sets the sign bit of the claim sequence, so no claim can succeed after it and the
 * returned value is exactly the number of events ever claimed.
 */
final class EventRing {
    static final long FULL = -1;
    static final long CLOSED = -2;
    private static final long CLOSED_BIT = Long.MIN_VALUE;

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    /** 128 bytes of longs: two cache lines, so an adjacent-line prefetch cannot make two sequences share one. */
    private static final int PAD_LONGS = 16;
    /**
     * Claim sequence, consumed sequence and the producers' copy of the consumed sequence, {@link #PAD_LONGS} apart
     * in one array (and from its ends): no false sharing.
     */
    private static final int CLAIM = PAD_LONGS - 1;

    private static final int CONSUMED = CLAIM + PAD_LONGS;
    /**
     * A consumed sequence some producer read, never ahead of {@link #CONSUMED} (which only grows), so a claim that
     * fits under it fits. Producers read the writer's line only when it says the ring may be full: once per
     * {@code capacity} claims instead of once per claim (Disruptor's gating-sequence cache).
     */
    private static final int CONSUMED_SEEN = CONSUMED + PAD_LONGS;

    private final long[] sequences = new long[CONSUMED_SEEN + PAD_LONGS];
    /** published[slot] = the sequence last published in that slot (-1: none yet). */
    private final long[] published;

    final int capacity;
    private final int mask;
    final int slotBytes;
    final ByteBuffer records;
    final ByteBuffer iovecs;
    final long iovecsAddress;
    private final long recordsAddress;

    EventRing(int requestedCapacity, int maxRecordBytes) {
        this.capacity = capacityFor(requestedCapacity);
        this.mask = capacity - 1;
        this.slotBytes = (maxRecordBytes + 7) & ~7; // 8-aligned records keep u32 fields naturally aligned
        this.records = NativeMemory.directBuffer(capacity * slotBytes);
        this.iovecs = NativeMemory.directBuffer(capacity * IOVEC_SIZE);
        this.iovecsAddress = NativeMemory.address(iovecs);
        this.recordsAddress = NativeMemory.address(records);
        for (int slot = 0; slot < capacity; slot++) {
            iovecs.putLong(slot * IOVEC_SIZE + IOVEC_BASE_OFFSET, recordsAddress + (long) slot * slotBytes);
        }
        this.published = new long[capacity];
        Arrays.fill(published, -1L);
        // Plain writes above are made visible to other threads by the Thread.start() of the writer and by the
        // safe publication of the owning writer object.
    }

    /** Power of two in [2, 2^20]. */
    static int capacityFor(int requested) {
        int bounded = Math.max(2, Math.min(1 << 20, requested));
        return Integer.highestOneBit(bounded - 1) << 1;
    }

    /** Byte offset in {@link #records} of the slot of {@code sequence}. */
    int recordOffset(long sequence) {
        return (int) (sequence & mask) * slotBytes;
    }

    /** Address of the iovec of the slot of {@code sequence}. */
    long iovecAddress(long sequence) {
        return iovecsAddress + (sequence & mask) * IOVEC_SIZE;
    }

    /** A sequence whose slot is now this producer's, or {@link #FULL}, or {@link #CLOSED}. */
    long tryClaim() {
        while (true) {
            // Acquire: a claim must not be reordered before reading how far the consumer got (below).
            long current = (long) LONGS.getAcquire(sequences, CLAIM);
            if (current < 0) {
                return CLOSED;
            }
            // Acquire pairs with the release that stored it (below), which followed an acquire of CONSUMED: the
            // writer's reads of every slot under it happen before this claim's writes, as if we read CONSUMED.
            long consumed = (long) LONGS.getAcquire(sequences, CONSUMED_SEEN);
            if (current - capacity >= consumed) {
                // Acquire pairs with the consumer's release in markConsumed: once we see a slot freed, the writer's
                // reads of its old record are done, so overwriting it is safe.
                consumed = (long) LONGS.getAcquire(sequences, CONSUMED);
                if (current - capacity >= consumed) {
                    return FULL;
                }
                // Release: a producer that reads it (acquire) inherits our acquire of CONSUMED. A racing producer may
                // store an older value over it; that is still a lower bound, and only costs a re-read.
                LONGS.setRelease(sequences, CONSUMED_SEEN, consumed);
            }
            if (LONGS.compareAndSet(sequences, CLAIM, current, current + 1)) {
                return current;
            }
        }
    }

    /** Length of an aborted slot: no encoded record is that short (the header alone is 12 bytes). */
    static final int ABORTED = 0;

    /**
     * Length of a slot whose record the writer encodes from a {@link CapturedEvent} and writes through its own iovec
     * ({@link #recordAddress}).
     */
    static final int CAPTURED = -1;

    /**
     * Hands back a claimed slot whose record could not be encoded (its producer counts the failure): the writer
     * skips it silently, and never waits on a slot nobody will publish.
     */
    void abort(long sequence) {
        publish(sequence, ABORTED);
    }

    /**
     * Hands the claimed slot to the writer: {@code length} bytes of record ({@link #ABORTED}: skip it). Volatile
     * (not just release) store: it must be ordered before the producer's later read of the writer's "parked"
     * flag (a Dekker handshake, see AsyncWriter), and release alone allows that load to move above it.
     */
    void publish(long sequence, int length) {
        iovecs.putLong((int) (sequence & mask) * IOVEC_SIZE + IOVEC_LEN_OFFSET, length);
        LONGS.setVolatile(published, (int) (sequence & mask), sequence);
    }

    /** Whether {@code sequence} is published; acquire pairs with publish so its record bytes are visible. */
    boolean isPublished(long sequence) {
        return (long) LONGS.getAcquire(published, (int) (sequence & mask)) == sequence;
    }

    /** Address of the slot of {@code sequence} in {@link #records}. */
    long recordAddress(long sequence) {
        return recordsAddress + (long) recordOffset(sequence);
    }

    /** Slot index of {@code sequence}. */
    int slot(long sequence) {
        return (int) (sequence & mask);
    }

    /** Length of the published record of {@code sequence} ({@link #ABORTED}: skip it). */
    int length(long sequence) {
        return (int) iovecs.getLong((int) (sequence & mask) * IOVEC_SIZE + IOVEC_LEN_OFFSET);
    }

    /** The writer is done with every sequence below {@code next}; release, paired with tryClaim's acquire. */
    void markConsumed(long next) {
        LONGS.setRelease(sequences, CONSUMED, next);
    }

    /** Refuses every later claim; returns the number of sequences ever claimed. Idempotent. */
    long close() {
        return (long) LONGS.getAndBitwiseOr(sequences, CLAIM, CLOSED_BIT) & ~CLOSED_BIT;
    }
}
