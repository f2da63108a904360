package dev.userevents;

/** Takes enabled events to the device: {@link SyncWriter} on the caller's thread, {@link AsyncWriter} via the ring. */
interface EventWriter {
    /** Writes or enqueues one event whose level the caller found enabled. */
    void write(LoggerEvents logger, Level level, CharSequence message);

    /**
     * Writes or enqueues a record encoded already (EventHeader): {@code head[0, headLength)} then
     * {@code tail[0, tailLength)}, heap arrays the caller keeps; one copy of each into native memory (the ring's
     * slot, or the caller's write buffer).
     */
    void write(byte[] head, int headLength, byte[] tail, int tailLength);

    /** Whether {@link #writeCaptured} can take EventHeader events to encode on the writer's thread. */
    default boolean takesCapturedEvents() {
        return false;
    }

    /**
     * Enqueues a copy of {@code captured}, whose record the writer encodes ({@link EventHeaderEncoder#encodeCaptured});
     * or, false: the caller encodes and writes it itself (the ring is closed, or the queue-full policy is SYNC). A
     * dropped event (DROP policy) is true, counted.
     */
    default boolean writeCaptured(CapturedEvent captured) {
        return false;
    }

    /** Delivers what is pending within {@code timeoutMillis}, then stops. Idempotent. */
    void close(long timeoutMillis);
}
