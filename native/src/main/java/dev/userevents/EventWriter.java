package dev.userevents;

/** Takes enabled events to the device: {@link SyncWriter} on the caller's thread, {@link AsyncWriter} via the ring. */
interface EventWriter {
    /** Writes or enqueues one event whose level the caller found enabled. */
    void write(LoggerEvents logger, Level level, CharSequence message);

    /** Writes or enqueues a record encoded already (EventHeader); the caller keeps {@code record}. */
    void write(EncodedRecord record);

    /** Delivers what is pending within {@code timeoutMillis}, then stops. Idempotent. */
    void close(long timeoutMillis);
}
