package dev.userevents;

import static dev.userevents.kernel.UserEventsAbi.IOVEC_BASE_OFFSET;
import static dev.userevents.kernel.UserEventsAbi.IOVEC_LEN_OFFSET;
import static dev.userevents.kernel.UserEventsAbi.IOVEC_SIZE;

import dev.userevents.kernel.NativeMemory;
import java.nio.ByteBuffer;

/**
 * A native buffer holding one whole record ready for {@code writev}: a one-entry iovec at {@link #address}, then
 * the record at {@link #RECORD_OFFSET}. The sync writer keeps one per thread: it encodes a tracefs record into it,
 * or copies in an EventHeader record (encoded on the heap before any ring slot is claimed, so no user code, such as
 * an attribute's {@code toString()}, runs while a slot is held), and writes it in place.
 */
final class EncodedRecord {
    /** Where the record starts in {@link #bytes}. */
    static final int RECORD_OFFSET = IOVEC_SIZE;

    final ByteBuffer bytes;
    final long address;
    /** Bytes of record after {@link #RECORD_OFFSET}; set by whoever encoded it. */
    int length;

    EncodedRecord(int recordCapacity) {
        bytes = NativeMemory.directBuffer(RECORD_OFFSET + recordCapacity);
        address = NativeMemory.address(bytes);
        bytes.putLong(IOVEC_BASE_OFFSET, address + RECORD_OFFSET);
    }

    int capacity() {
        return bytes.capacity() - RECORD_OFFSET;
    }

    /** The iovec of this record, with its length, for one writev. */
    long iovecAddress() {
        bytes.putLong(IOVEC_LEN_OFFSET, length);
        return address;
    }
}
