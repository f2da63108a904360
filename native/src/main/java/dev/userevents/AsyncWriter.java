package dev.userevents;

import static dev.userevents.kernel.UserEventsAbi.IOVEC_BASE_OFFSET;
import static dev.userevents.kernel.UserEventsAbi.IOVEC_LEN_OFFSET;
import static dev.userevents.kernel.UserEventsAbi.IOVEC_SIZE;

import dev.userevents.kernel.NativeMemory;
import dev.userevents.spi.Diagnostics;
import dev.userevents.spi.EventDevice;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Producers encode into {@link EventRing} slots on their own threads; one background thread submits each
 * published record with its own {@code writev}, in sequence order (so each thread's events keep their order).
 *
 * <p>Shutdown ({@link #close}): the ring's claim sequence is closed, so the events to deliver are exactly those
 * claimed before; the writer drains them within the timeout, and what it cannot deliver in time is counted as
 * dropped and reported. Producers arriving after that write synchronously, once the writer has delivered the
 * events claimed before (so one thread's events keep their order); this is how the JVM's shutdown hook leaves
 * the writer, while other shutdown hooks may still log.
 */
final class AsyncWriter implements EventWriter {
    /** Events per hold of the device (and per update of the shared written counter). */
    private static final int MAX_BATCH = 256;

    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** CAS on {@link #writerParked}: the one producer that clears it unparks the writer (see wakeWriter). */
    private static final VarHandle WRITER_PARKED;

    static {
        try {
            WRITER_PARKED = MethodHandles.lookup().findVarHandle(AsyncWriter.class, "writerParked", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final EventRing ring;
    private final EventEncoder encoder;
    private final EventDevice device;
    private final Counters counters;
    private final QueueFullPolicy policy;
    private final SyncWriter syncWriter;
    private final DropReporter dropReporter;
    private final Thread writerThread;
    /** Encodes captured EventHeader events on the writer's thread; null without a provider. */
    private final EventHeaderEncoder eventHeaderEncoder;
    /**
     * By slot, the captured event the writer encodes there ({@link EventRing#CAPTURED}); null without a provider. A
     * producer copies its filled one into the slot's after claiming (plain stores, published by the slot's publish);
     * the writer only reads them.
     */
    private final CapturedEvent[] captured;
    /**
     * The writer's own iovec for a record it encoded: the slot's shared iovec line is the producers' (they store the
     * lengths of the next slots there), so the writer stores nothing into it.
     */
    private final ByteBuffer encodedIovec = NativeMemory.directBuffer(IOVEC_SIZE);

    private final long encodedIovecAddress = NativeMemory.address(encodedIovec);

    /**
     * Dekker handshake with producers: set by the writer before it parks, read by producers after their volatile
     * publish, and cleared by the one producer that unparks it (CAS) or by the writer when it wakes.
     */
    private volatile boolean writerParked;

    private volatile boolean closing;
    /** Sequence count at close(): the writer stops after delivering every sequence below it. */
    private volatile long finalSequence = Long.MAX_VALUE;

    private volatile long drainDeadlineNanos = Long.MAX_VALUE;
    private volatile boolean writerDone;

    /** {@code maxRecordBytes}: the slot size, the largest record of either layout. */
    AsyncWriter(
            EventDevice device,
            EventEncoder encoder,
            int maxRecordBytes,
            Counters counters,
            int bufferSize,
            QueueFullPolicy policy,
            SyncWriter syncWriter,
            DropReporter dropReporter,
            EventHeaderEncoder eventHeaderEncoder) {
        this.device = device;
        this.eventHeaderEncoder = eventHeaderEncoder;
        this.encoder = encoder;
        this.counters = counters;
        this.policy = policy;
        this.syncWriter = syncWriter;
        this.dropReporter = dropReporter;
        this.ring = new EventRing(bufferSize, maxRecordBytes);
        this.captured = eventHeaderEncoder == null ? null : new CapturedEvent[ring.capacity];
        if (captured != null) {
            Arrays.setAll(captured, slot -> eventHeaderEncoder.newCapturedEvent());
        }
        this.writerThread = new Thread(this::drainLoop, "userevents-writer");
        writerThread.setDaemon(true); // never keeps the JVM alive; the shutdown hook flushes
        writerThread.start();
    }

    @Override
    public void write(LoggerEvents logger, Level level, CharSequence message) {
        long sequence = claim();
        if (sequence < 0) {
            if (sequence == WRITE_ON_CALLER) {
                syncWriter.write(logger, level, message);
            }
            return;
        }
        int length;
        try {
            length =
                    encoder.encode(ring.records, ring.recordOffset(sequence), logger.writeIndex(level), level, message);
        } catch (RuntimeException e) {
            // The message's charAt threw: the writer must never wait on a dead slot. Counted once, by the caller.
            ring.abort(sequence);
            wakeWriter();
            throw e;
        }
        ring.publish(sequence, length);
        wakeWriter();
    }

    /** A record encoded before the claim (so no user code runs while a slot is held): copied into the slot. */
    @Override
    public void write(byte[] head, int headLength, byte[] tail, int tailLength) {
        int length = headLength + tailLength;
        if (length > ring.slotBytes) {
            throw new IllegalArgumentException("record of " + length + " bytes, slots hold " + ring.slotBytes);
        }
        long sequence = claim();
        if (sequence < 0) {
            if (sequence == WRITE_ON_CALLER) {
                syncWriter.write(head, headLength, tail, tailLength);
            }
            return;
        }
        int offset = ring.recordOffset(sequence);
        ring.records.put(offset, head, 0, headLength);
        ring.records.put(offset + headLength, tail, 0, tailLength);
        ring.publish(sequence, length);
        wakeWriter();
    }

    @Override
    public boolean takesCapturedEvents() {
        return captured != null;
    }

    @Override
    public boolean writeCaptured(CapturedEvent event) {
        long sequence = claim();
        if (sequence < 0) {
            return sequence != WRITE_ON_CALLER;
        }
        captured[ring.slot(sequence)].copyFrom(event); // no user code: the values were taken before the claim
        ring.publish(sequence, EventRing.CAPTURED);
        wakeWriter();
        return true;
    }

    /**
     * The record of a {@link EventRing#CAPTURED} slot, encoded into the slot and described by
     * {@link #encodedIovec}; its length, or {@link EventRing#ABORTED} if the encode failed (counted, reported once:
     * the writer goes on).
     */
    private int encodeCaptured(long sequence) {
        try {
            int length = eventHeaderEncoder.encodeCaptured(
                    captured[ring.slot(sequence)], ring.records, ring.recordOffset(sequence));
            encodedIovec.putLong(IOVEC_BASE_OFFSET, ring.recordAddress(sequence));
            encodedIovec.putLong(IOVEC_LEN_OFFSET, length);
            return length;
        } catch (RuntimeException e) {
            counters.errors.increment();
            Diagnostics.reportOnce("encode:" + e.getClass().getName(), "encoding an event failed: " + e);
            return EventRing.ABORTED;
        }
    }

    /** From {@link #claim()}: the policy dropped the event (counted). */
    private static final long DROPPED = -1;
    /** From {@link #claim()}: write the event on the caller's thread (SYNC policy, or the ring is closed). */
    private static final long WRITE_ON_CALLER = -2;

    /** A claimed sequence, or {@link #DROPPED} (counted here), or {@link #WRITE_ON_CALLER}. */
    private long claim() {
        long sequence = ring.tryClaim();
        if (sequence >= 0) {
            return sequence;
        }
        sequence = onNoSlot(sequence);
        if (sequence >= 0) {
            return sequence;
        }
        if (sequence == EventRing.FULL) { // DROP
            counters.dropped.increment();
            return DROPPED;
        }
        if (closing && Thread.currentThread() != writerThread) {
            awaitWriterDone(); // this thread's earlier events may still be in the ring
        }
        return WRITE_ON_CALLER;
    }

    /**
     * After a publish (volatile, see EventRing.publish): unpark the writer if it said it parks. Only the producer
     * whose CAS clears the flag unparks, so one park costs one unpark. Before, every publish until the writer ran
     * again and cleared the flag itself paid an unpark syscall (a JFR profile of one saturated producer: 62% of its
     * samples in unpark).
     */
    private void wakeWriter() {
        if (writerParked && WRITER_PARKED.compareAndSet(this, true, false)) {
            LockSupport.unpark(writerThread);
        }
    }

    /**
     * FULL or CLOSED from tryClaim: a sequence (BLOCK got one), FULL (drop it) or CLOSED (write it sync). The writer
     * itself never waits on its own full ring (it alone frees slots): if something it calls logs, that event is
     * written on it directly, whatever the policy. Checked here, off the fast path.
     */
    private long onNoSlot(long claimResult) {
        if (claimResult == EventRing.CLOSED
                || policy == QueueFullPolicy.SYNC
                || Thread.currentThread() == writerThread) {
            return EventRing.CLOSED;
        }
        if (policy == QueueFullPolicy.DROP) {
            return EventRing.FULL;
        }
        for (int attempt = 0; ; attempt++) { // BLOCK
            Backoff.awaitFreeSlot(attempt);
            long sequence = ring.tryClaim();
            if (sequence != EventRing.FULL) {
                return sequence;
            }
            if (writerDone) {
                return EventRing.CLOSED; // the writer gave up at its deadline; nobody will free a slot
            }
        }
    }

    private void drainLoop() {
        long next = 0;
        int idle = 0;
        while (true) {
            if (closing && (next >= finalSequence || pastDrainDeadline())) {
                break;
            }
            if (ring.isPublished(next)) {
                next = drainBatch(next);
                idle = 0;
                continue;
            }
            dropReporter.maybeReport();
            if (Backoff.spinOrYield(idle)) {
                writerParked = true;
                // Re-check after the volatile write: a producer that published before it will see no parked
                // writer and not unpark; one that publishes after it sees writerParked and unparks.
                if (!ring.isPublished(next) && !closing) {
                    LockSupport.parkNanos(this, MAX_PARK_NANOS);
                }
                writerParked = false;
            }
            idle++;
        }
        long undelivered = finalSequence - next;
        if (undelivered > 0) {
            counters.dropped.add(undelivered);
            Diagnostics.report(
                    "shutdown timeout: " + undelivered + " queued events were not delivered (counted as dropped)");
        }
        dropReporter.report(System.nanoTime());
        writerDone = true;
    }

    private boolean pastDrainDeadline() {
        return closing && System.nanoTime() - drainDeadlineNanos > 0;
    }

    /**
     * Writes published records from {@code next} on, up to {@link #MAX_BATCH}, under one hold of the device;
     * frees each slot right after its writev. Returns the next sequence to read.
     */
    private long drainBatch(long next) {
        if (!device.holdForWrites()) {
            return next; // the device is closing under us (only after a shutdown timeout); the loop ends then
        }
        long written = 0;
        try {
            for (int i = 0; i < MAX_BATCH && ring.isPublished(next) && !pastDrainDeadline(); i++) {
                int length = ring.length(next);
                long iovec = ring.iovecAddress(next);
                if (length == EventRing.CAPTURED) {
                    length = encodeCaptured(next);
                    iovec = encodedIovecAddress;
                }
                if (length != EventRing.ABORTED) { // an aborted slot was counted by its producer
                    long result = device.writevHeld(iovec, 1);
                    if (result >= 0) {
                        written++;
                    } else {
                        counters.recordWrite(result);
                    }
                }
                next++;
                ring.markConsumed(next);
            }
        } finally {
            device.releaseWrites();
            counters.written.add(written);
        }
        return next;
    }

    @Override
    public void close(long timeoutMillis) {
        if (closing) {
            joinWriter(timeoutMillis);
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, timeoutMillis));
        drainDeadlineNanos = deadline;
        finalSequence = ring.close();
        closing = true;
        LockSupport.unpark(writerThread);
        joinWriter(timeoutMillis);
    }

    /** Bounded by the drain deadline (the writer gives up then) plus the time it needs to count what it left. */
    private void awaitWriterDone() {
        while (!writerDone && System.nanoTime() - drainDeadlineNanos < TimeUnit.SECONDS.toNanos(1)) {
            LockSupport.parkNanos(50_000);
        }
    }

    private void joinWriter(long timeoutMillis) {
        try {
            // A little past the drain deadline: the writer needs it to count and report what it could not send.
            writerThread.join(Math.max(1, timeoutMillis) + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
