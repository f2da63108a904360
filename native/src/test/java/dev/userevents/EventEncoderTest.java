package dev.userevents;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.kernel.NativeMemory;
import dev.userevents.kernel.UserEventsAbi;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventEncoderTest {
    private final EventEncoder encoder = new EventEncoder(100);
    private final ByteBuffer buffer = NativeMemory.directBuffer(8 + encoder.maxRecordBytes());

    private String encode(CharSequence message) {
        int length = encoder.encode(buffer, 8, 42, Level.WARN, message);
        assertEquals(42, buffer.getInt(8 + UserEventsAbi.WRITE_INDEX_OFFSET));
        assertEquals(3, buffer.getInt(8 + UserEventsAbi.LEVEL_OFFSET));
        int relLoc = buffer.getInt(8 + UserEventsAbi.MSG_REL_LOC_OFFSET);
        assertEquals(4, relLoc & 0xFFFF, "msg follows the u32 level");
        int withNul = relLoc >>> 16;
        assertEquals(UserEventsAbi.MSG_OFFSET + withNul, length);
        assertEquals(0, buffer.get(8 + UserEventsAbi.MSG_OFFSET + withNul - 1), "NUL-terminated");
        byte[] text = new byte[withNul - 1];
        buffer.get(8 + UserEventsAbi.MSG_OFFSET, text);
        for (byte b : text) {
            assertNotEquals(0, b, "no NUL inside the text");
        }
        return new String(text, StandardCharsets.UTF_8);
    }

    @Test
    void asciiRoundTrips() {
        assertEquals("hello world", encode("hello world"));
    }

    @Test
    void emptyMessageIsOneNulByte() {
        assertEquals("", encode(""));
        assertEquals(1, buffer.getInt(8 + UserEventsAbi.MSG_REL_LOC_OFFSET) >>> 16);
    }

    @Test
    void nullMessageReadsNull() {
        assertEquals("null", encode(null));
    }

    @Test
    void unicodeIncludingNonBmpRoundTrips() {
        String text = "caf\u00e9 \u4e2d\u6587 \uD83D\uDE80 done";
        assertEquals(text, encode(text));
        assertArrayEquals(
                text.getBytes(StandardCharsets.UTF_8),
                encode(new StringBuilder(text)).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void embeddedNulAndUnpairedSurrogatesAreReplaced() {
        assertEquals("a\uFFFDb", encode("a\0b"));
        assertEquals("x\uFFFDy", encode("x\uD800y"));
        assertEquals("x\uFFFDy", encode("x\uDC00y"));
        assertEquals("x\uFFFD", encode("x\uD83D"), "high surrogate at the end");
    }

    @Test
    void longMessageIsTruncatedWithMarkerAtCodePointBoundary() {
        String text = encode("\u00e9".repeat(200)); // 400 bytes of 2-byte characters
        assertTrue(text.endsWith(EventEncoder.TRUNCATION_MARKER), text);
        assertTrue(text.getBytes(StandardCharsets.UTF_8).length <= 100);
        assertFalse(text.contains("\uFFFD"), "no split character");
        String kept = text.substring(0, text.length() - EventEncoder.TRUNCATION_MARKER.length());
        assertEquals("\u00e9".repeat(kept.length()), kept);
        assertEquals(43, kept.length(), "(100 - 14) / 2 characters kept");
    }

    @Test
    void messageOfExactlyTheBoundIsNotTruncated() {
        assertEquals("z".repeat(100), encode("z".repeat(100)));
        assertTrue(encode("z".repeat(101)).endsWith(EventEncoder.TRUNCATION_MARKER));
    }

    @Test
    void oneMebibyteMessageIsBounded() {
        EventEncoder defaults = new EventEncoder(EventEncoder.DEFAULT_MAX_MESSAGE_BYTES);
        ByteBuffer big = NativeMemory.directBuffer(defaults.maxRecordBytes());
        int length = defaults.encode(big, 0, 1, Level.INFO, "m".repeat(1 << 20));
        assertEquals(defaults.maxRecordBytes(), length);
    }

    @Test
    void boundIsClamped() {
        assertEquals(EventEncoder.MIN_MAX_MESSAGE_BYTES, new EventEncoder(1).maxMessageBytes());
        assertEquals(65534, new EventEncoder(Integer.MAX_VALUE).maxMessageBytes());
    }
}
