package dev.userevents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Utf8Text#put} writes a heap buffer's ASCII runs straight into its array and every other buffer through
 * the buffer, and has a twin for a plain array (the EventHeader encoder's): all must write the same bytes, whatever
 * the text and the bound, and what they write is the JDK's UTF-8 of the text when it fits.
 */
class Utf8TextTest {
    private static final String[] PIECES = {
        "a", "plain ascii ", "é", "😀", "\0", "\uD800", "\uDC00", "中文", "~", "\u0080"
    };

    @Test
    void heapAndDirectBuffersGetTheSameBytes() {
        SplittableRandom random = new SplittableRandom(12);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(12);
            for (int i = 0; i < pieces; i++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            int maxBytes = Utf8Text.TRUNCATION_MARKER.length() + random.nextInt(40);
            int from = text.length() == 0 ? 0 : random.nextInt(text.length());
            int at = random.nextInt(8);
            CharSequence input = random.nextBoolean() ? text.toString() : text;
            byte[] heap = written(ByteBuffer.allocate(64 + maxBytes), at, input, from, maxBytes);
            byte[] direct = written(ByteBuffer.allocateDirect(64 + maxBytes), at, input, from, maxBytes);
            byte[] array = new byte[64 + maxBytes];
            int end = Utf8Text.put(array, at, input, from, input.length(), maxBytes);
            String what = "'" + input + "' from " + from + ", at most " + maxBytes;
            assertEquals(hex(direct), hex(heap), what);
            assertEquals(hex(direct), hex(java.util.Arrays.copyOfRange(array, at, end)), what);
        }
    }

    @Test
    void textThatFitsIsTheJdksUtf8() {
        String text = "héllo wörld 😀 and some ascii";
        byte[] heap = written(ByteBuffer.allocate(128), 3, text, 0, 100);
        assertEquals(hex(text.getBytes(StandardCharsets.UTF_8)), hex(heap));
    }

    private static byte[] written(ByteBuffer buffer, int at, CharSequence text, int from, int maxBytes) {
        int end = Utf8Text.put(buffer, at, text, from, text.length(), maxBytes);
        byte[] bytes = new byte[end - at];
        buffer.get(at, bytes);
        return bytes;
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
