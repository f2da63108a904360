package dev.userevents;

import static dev.userevents.UserEventsAbi.LEVEL_OFFSET;
import static dev.userevents.UserEventsAbi.MSG_OFFSET;
import static dev.userevents.UserEventsAbi.MSG_REL_LOC_OFFSET;
import static dev.userevents.UserEventsAbi.WRITE_INDEX_OFFSET;

import java.nio.ByteBuffer;

/**
 * Encodes one event record, exactly the bytes handed to {@code writev}:
 * {@code [u32 write_index][u32 msg rel_loc][u32 level][UTF-8 msg][NUL]} (offsets in {@link UserEventsAbi}).
 *
 * <ul>
 *   <li>UTF-8 without a {@link java.nio.charset.CharsetEncoder}: a NUL or an unpaired surrogate becomes U+FFFD
 *       (a NUL would end the string early for every consumer; a lone surrogate is not UTF-8).</li>
 *   <li>Text longer than {@code maxMessageBytes} is cut at a code point boundary and ends in
 *       {@link #TRUNCATION_MARKER}, so the record never exceeds {@link #maxRecordBytes()}.</li>
 *   <li>Allocates nothing: it writes with absolute puts into the caller's native-order buffer.</li>
 * </ul>
 */
public final class EventEncoder {
    /** Ends a truncated message; plain ASCII so every consumer shows it. */
    public static final String TRUNCATION_MARKER = "...[truncated]";
    private static final byte[] MARKER_BYTES = TRUNCATION_MARKER.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
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
        final int limit = start + maxMessageBytes;
        final int markerStart = limit - MARKER_BYTES.length;
        int position = start;
        int lastBoundaryBeforeMarker = start; // end of the last code point that still leaves room for the marker
        final int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            int codePoint;
            if (c == 0) {
                codePoint = 0xFFFD;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                codePoint = Character.toCodePoint(c, text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                codePoint = 0xFFFD;
            } else {
                codePoint = c;
            }
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (position + size > limit) {
                return writeMarker(buffer, lastBoundaryBeforeMarker);
            }
            position = putCodePoint(buffer, position, codePoint, size);
            if (position <= markerStart) {
                lastBoundaryBeforeMarker = position;
            }
        }
        return position;
    }

    private static int writeMarker(ByteBuffer buffer, int position) {
        for (byte b : MARKER_BYTES) {
            buffer.put(position++, b);
        }
        return position;
    }

    private static int putCodePoint(ByteBuffer buffer, int position, int codePoint, int size) {
        switch (size) {
            case 1:
                buffer.put(position, (byte) codePoint);
                break;
            case 2:
                buffer.put(position, (byte) (0xC0 | (codePoint >> 6)));
                buffer.put(position + 1, (byte) (0x80 | (codePoint & 0x3F)));
                break;
            case 3:
                buffer.put(position, (byte) (0xE0 | (codePoint >> 12)));
                buffer.put(position + 1, (byte) (0x80 | ((codePoint >> 6) & 0x3F)));
                buffer.put(position + 2, (byte) (0x80 | (codePoint & 0x3F)));
                break;
            default:
                buffer.put(position, (byte) (0xF0 | (codePoint >> 18)));
                buffer.put(position + 1, (byte) (0x80 | ((codePoint >> 12) & 0x3F)));
                buffer.put(position + 2, (byte) (0x80 | ((codePoint >> 6) & 0x3F)));
                buffer.put(position + 3, (byte) (0x80 | (codePoint & 0x3F)));
                break;
        }
        return position + size;
    }
}
