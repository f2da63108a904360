package dev.userevents;

import static dev.userevents.kernel.UserEventsAbi.LEVEL_OFFSET;
import static dev.userevents.kernel.UserEventsAbi.MSG_OFFSET;
import static dev.userevents.kernel.UserEventsAbi.MSG_REL_LOC_OFFSET;
import static dev.userevents.kernel.UserEventsAbi.WRITE_INDEX_OFFSET;

import dev.userevents.kernel.NativeMemory;
import dev.userevents.kernel.UserEventsAbi;
import java.nio.ByteBuffer;

/**
 * Encodes one event record, exactly the bytes handed to {@code writev}:
 * {@code [u32 write_index][u32 msg rel_loc][u32 level][UTF-8 msg][NUL]} (offsets in {@link UserEventsAbi}).
 *
 * <ul>
 *   <li>UTF-8 by {@link Utf8Text}: a NUL or an unpaired surrogate becomes U+FFFD.</li>
 *   <li>Text longer than {@code maxMessageBytes} is cut at a code point boundary and ends in
 *       {@link #TRUNCATION_MARKER}, so the record never exceeds {@link #maxRecordBytes()}.</li>
 *   <li>Allocates nothing: it writes with absolute puts into the caller's native-order buffer.</li>
 * </ul>
 */
final class EventEncoder {
    /** Ends a truncated message ({@link Utf8Text#TRUNCATION_MARKER}). */
    public static final String TRUNCATION_MARKER = Utf8Text.TRUNCATION_MARKER;
    /**
     * Default bound of the text: an event then fits ftrace's default sub-buffer (about 4 KiB of data per event)
     * and perf's 8 KiB sample limit, which both drop a larger event while the write still succeeds.
     */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 3072;

    public static final int MIN_MAX_MESSAGE_BYTES = 64;
    /** rel_loc's 16-bit length counts the NUL. */
    public static final int MAX_MAX_MESSAGE_BYTES = UserEventsAbi.MAX_REL_LOC_BYTES - 1;

    private static final String NULL_MESSAGE = "null";

    private final int maxMessageBytes;

    public EventEncoder(int maxMessageBytes) {
        this.maxMessageBytes = clampMaxMessageBytes(maxMessageBytes);
    }

    /** The configured bound brought into [64, 65534]. */
    public static int clampMaxMessageBytes(int maxMessageBytes) {
        return Math.max(MIN_MAX_MESSAGE_BYTES, Math.min(MAX_MAX_MESSAGE_BYTES, maxMessageBytes));
    }

    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** The largest record {@link #encode} writes: header, text and NUL. */
    public int maxRecordBytes() {
        return MSG_OFFSET + maxMessageBytes + 1;
    }

    /**
     * Writes the record for one event at {@code offset} of {@code buffer} (native order, as
     * {@link NativeMemory#directBuffer} gives; at least
     * {@link #maxRecordBytes()} from offset) and returns its length in bytes. A null message is {@code "null"}.
     */
    public int encode(ByteBuffer buffer, int offset, int writeIndex, Level level, CharSequence message) {
        CharSequence text = message == null ? NULL_MESSAGE : message;
        int textStart = offset + MSG_OFFSET;
        int textEnd = encodeText(buffer, textStart, text);
        buffer.put(textEnd, (byte) 0);
        int lengthWithNul = textEnd - textStart + 1;
        buffer.putInt(offset + WRITE_INDEX_OFFSET, writeIndex);
        buffer.putInt(offset + MSG_REL_LOC_OFFSET, UserEventsAbi.msgRelLoc(lengthWithNul));
        buffer.putInt(offset + LEVEL_OFFSET, level.value);
        return MSG_OFFSET + lengthWithNul;
    }

    /** UTF-8 of {@code text} from {@code start}; returns the end position (where the NUL goes). */
    private int encodeText(ByteBuffer buffer, int start, CharSequence text) {
        return Utf8Text.put(buffer, start, text, 0, text.length(), maxMessageBytes);
    }
}
