package dev.userevents;

import dev.userevents.spi.EventDevice;

/**
 * Writes each event on the caller's thread: encode into a per-thread buffer, one {@code writev}. The kernel
 * then records the caller's pid/tid and the time of the log call.
 */
final class SyncWriter implements EventWriter {
    private final EventDevice device;
    private final EventEncoder encoder;
    private final Counters counters;
    /** One thread's native buffer: a one-entry iovec, then the record it points at. */
    private final ThreadLocal<EncodedRecord> buffers;

    /** {@code recordCapacity}: the largest record, of {@code encoder}'s or given to {@link #write(byte[], int, byte[], int)}. */
    SyncWriter(EventDevice device, EventEncoder encoder, int recordCapacity, Counters counters) {
        this.device = device;
        this.encoder = encoder;
        this.counters = counters;
        this.buffers = ThreadLocal.withInitial(() -> new EncodedRecord(recordCapacity));
    }

    @Override
    public void write(LoggerEvents logger, Level level, CharSequence message) {
        EncodedRecord buffer = buffers.get();
        buffer.length =
                encoder.encode(buffer.bytes, EncodedRecord.RECORD_OFFSET, logger.writeIndex(level), level, message);
        write(buffer);
    }

    @Override
    public void write(byte[] head, int headLength, byte[] tail, int tailLength) {
        EncodedRecord buffer = buffers.get();
        buffer.bytes.put(EncodedRecord.RECORD_OFFSET, head, 0, headLength);
        buffer.bytes.put(EncodedRecord.RECORD_OFFSET + headLength, tail, 0, tailLength);
        buffer.length = headLength + tailLength;
        write(buffer);
    }

    private void write(EncodedRecord record) {
        counters.recordWrite(device.writev(record.iovecAddress(), 1));
    }

    @Override
    public void close(long timeoutMillis) {
        // Nothing is pending: every write completed on its caller's thread.
    }
}
