package dev.userevents;

import static dev.userevents.UserEventsAbi.IOVEC_BASE_OFFSET;
import static dev.userevents.UserEventsAbi.IOVEC_LEN_OFFSET;
import static dev.userevents.UserEventsAbi.IOVEC_SIZE;

import java.nio.ByteBuffer;

/**
 * Writes each event on the caller's thread: encode into a per-thread buffer, one {@code writev}. The kernel
 * then records the caller's pid/tid and the time of the log call.
 */
final class SyncWriter implements EventWriter {
    private final EventDevice device;
    private final EventEncoder encoder;
    private final Counters counters;
    private final ThreadLocal<ThreadBuffer> buffers;

    /** One thread's native buffer: a one-entry iovec, then the record it points at. */
    private static final class ThreadBuffer {
        final ByteBuffer bytes;
        final long address;

        ThreadBuffer(int recordCapacity) {
            bytes = NativeMemory.directBuffer(IOVEC_SIZE + recordCapacity);
            address = NativeMemory.address(bytes);
            bytes.putLong(IOVEC_BASE_OFFSET, address + IOVEC_SIZE);
        }
    }

    SyncWriter(EventDevice device, EventEncoder encoder, Counters counters) {
        this.device = device;
        this.encoder = encoder;
        this.counters = counters;
        int recordCapacity = encoder.maxRecordBytes();
        this.buffers = ThreadLocal.withInitial(() -> new ThreadBuffer(recordCapacity));
    }

    @Override
    public void write(LoggerEvents logger, Level level, CharSequence message) {
        ThreadBuffer buffer = buffers.get();
        int length = encoder.encode(buffer.bytes, IOVEC_SIZE, logger.writeIndex(level), level, message);
        buffer.bytes.putLong(IOVEC_LEN_OFFSET, length);
        counters.recordWrite(device.writev(buffer.address, 1));
    }

    @Override
    public void close(long timeoutMillis) {
        // Nothing is pending: every write completed on its caller's thread.
    }
}
