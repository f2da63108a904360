package dev.userevents;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 without a {@link java.nio.charset.CharsetEncoder}, for both payload layouts: allocates nothing, writes with
 * absolute puts. A NUL or an unpaired surrogate becomes U+FFFD (a NUL ends a string early for many consumers; a
 * lone surrogate is not UTF-8). Text over its byte bound is cut at a code point boundary and ends in
 * {@link #TRUNCATION_MARKER}, so a truncation is visible to whoever reads the event.
 */
final class Utf8Text {
    /** Ends a truncated text; plain ASCII so every consumer shows it. */
    public static final String TRUNCATION_MARKER = "...[truncated]";

    private static final byte[] MARKER_BYTES = TRUNCATION_MARKER.getBytes(StandardCharsets.US_ASCII);
    private static final int REPLACEMENT = 0xFFFD;

    private Utf8Text() {}

    /**
     * Writes {@code text[from, to)} at {@code start}, at most {@code maxBytes} bytes (at least the marker's length);
     * returns the end position.
     */
    static int put(ByteBuffer buffer, int start, CharSequence text, int from, int to, int maxBytes) {
        final int limit = start + maxBytes;
        final int markerStart = limit - MARKER_BYTES.length;
        int position = start;
        int lastBoundaryBeforeMarker = start; // end of the last code point that still leaves room for the marker
        if (buffer.hasArray() && from < to) { // the ASCII run straight into the array: no index check per char
            byte[] array = buffer.array();
            int base = buffer.arrayOffset();
            int runEnd = from + Math.min(to - from, markerStart - position);
            int i = from;
            for (char c; i < runEnd && (c = text.charAt(i)) < 0x80 && c != 0; i++) {
                array[base + position++] = (byte) c;
            }
            if (i == to) {
                return position;
            }
            lastBoundaryBeforeMarker = position;
            from = i;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            // ASCII run (most log text): one compare and one put per char while the marker still fits after it.
            while (c < 0x80 && c != 0 && position < markerStart) {
                buffer.put(position++, (byte) c);
                lastBoundaryBeforeMarker = position;
                if (++i == to) {
                    return position;
                }
                c = text.charAt(i);
            }
            int codePoint;
            if (c == 0) {
                codePoint = REPLACEMENT;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                codePoint = Character.toCodePoint(c, text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                codePoint = REPLACEMENT;
            } else {
                codePoint = c;
            }
            int size = size(codePoint);
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

    /**
     * {@link #put(ByteBuffer, int, CharSequence, int, int, int)} into an array. The same algorithm twice, on purpose:
     * the tracefs record is encoded straight into the ring's native slot, the EventHeader record into a heap array,
     * and a target interface between them would sit in both hot loops; {@code Utf8TextTest} holds the two to the same
     * bytes. (Reading a {@code String}'s characters in bulk with {@code getChars} first measured slower in the encoder
     * on JDK 17 and 25.)
     */
    static int put(byte[] out, int start, CharSequence text, int from, int to, int maxBytes) {
        final int limit = start + maxBytes;
        final int markerStart = limit - MARKER_BYTES.length;
        if (from >= to) {
            return start;
        }
        int i = asciiRun(out, start, text, from, from + Math.min(to - from, markerStart - start));
        int position = start + (i - from);
        if (i == to) {
            return position;
        }
        int lastBoundaryBeforeMarker = position; // end of the last code point that still leaves room for the marker
        for (; i < to; i++) {
            char c = text.charAt(i);
            while (c < 0x80 && c != 0 && position < markerStart) {
                out[position++] = (byte) c;
                lastBoundaryBeforeMarker = position;
                if (++i == to) {
                    return position;
                }
                c = text.charAt(i);
            }
            int codePoint;
            if (c == 0) {
                codePoint = REPLACEMENT;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                codePoint = Character.toCodePoint(c, text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                codePoint = REPLACEMENT;
            } else {
                codePoint = c;
            }
            int size = size(codePoint);
            if (position + size > limit) {
                System.arraycopy(MARKER_BYTES, 0, out, lastBoundaryBeforeMarker, MARKER_BYTES.length);
                return lastBoundaryBeforeMarker + MARKER_BYTES.length;
            }
            position = putCodePoint(out, position, codePoint, size);
            if (position <= markerStart) {
                lastBoundaryBeforeMarker = position;
            }
        }
        return position;
    }

    /**
     * Copies {@code text[from, end)} to {@code out} at {@code at} while it is ASCII without NUL; returns the index of
     * the first character not copied.
     */
    private static int asciiRun(byte[] out, int at, CharSequence text, int from, int end) {
        int i = from;
        for (char c; i < end && (c = text.charAt(i)) < 0x80 && c != 0; i++) {
            out[at + (i - from)] = (byte) c;
        }
        return i;
    }

    /** The bytes {@link #put} writes for {@code text[from, to)} without a bound, counting stops once past {@code cap}. */
    static int length(CharSequence text, int from, int to, int cap) {
        int bytes = 0;
        for (int i = from; i < to && bytes <= cap; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += c == 0 ? 3 : 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3; // BMP, or a lone surrogate's replacement
            }
        }
        return bytes;
    }

    /** What a budget counts for {@code text[from, to)}: its UTF-8 length, or {@code bound} when longer. */
    static int cappedLength(CharSequence text, int from, int to, int bound) {
        return Math.min(bound, length(text, from, to, bound));
    }

    private static int size(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }

    private static int writeMarker(ByteBuffer buffer, int position) {
        for (byte b : MARKER_BYTES) {
            buffer.put(position++, b);
        }
        return position;
    }

    private static int putCodePoint(byte[] out, int position, int codePoint, int size) {
        switch (size) {
            case 1:
                out[position] = (byte) codePoint;
                break;
            case 2:
                out[position] = (byte) (0xC0 | (codePoint >> 6));
                out[position + 1] = (byte) (0x80 | (codePoint & 0x3F));
                break;
            case 3:
                out[position] = (byte) (0xE0 | (codePoint >> 12));
                out[position + 1] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                out[position + 2] = (byte) (0x80 | (codePoint & 0x3F));
                break;
            default:
                out[position] = (byte) (0xF0 | (codePoint >> 18));
                out[position + 1] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                out[position + 2] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                out[position + 3] = (byte) (0x80 | (codePoint & 0x3F));
                break;
        }
        return position + size;
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
