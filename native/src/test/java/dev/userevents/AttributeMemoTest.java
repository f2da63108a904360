package dev.userevents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * An encoding that copies the last event's attributes ({@link AttributeMemo}) writes what a fresh one writes, for
 * the lists a memo could mistake for the last one: a shorter or longer list with the same start, values whose
 * {@code toString()} must run again, and a list whose encode failed half-way.
 */
class AttributeMemoTest {
    private static final String KEY_A = "tenant";
    private static final String KEY_B = "user";
    private static final String VALUE_A = "acme";
    private static final String VALUE_B = "ann";

    private final EventHeaderEncoder reused = new EventHeaderEncoder(3072);

    @Test
    void listsSharingAStartAreEncodedEachAsTheirOwn() {
        Object[][] lists = {
            {KEY_A, VALUE_A, KEY_B, VALUE_B},
            {KEY_A, VALUE_A},
            {KEY_A, VALUE_A},
            {KEY_A, VALUE_A, KEY_B, VALUE_B},
            {
                KEY_A,
                VALUE_A,
                KEY_B,
                VALUE_B,
                "trace_id",
                "4bf92f3577b34da6a3ce929d0e0e4736",
                "span_id",
                "00f067aa0ba902b7"
            },
            {KEY_A, VALUE_A, KEY_B, VALUE_B, "trace_id", "4bf92f3577b34da6a3ce929d0e0e4736"},
            {},
            {KEY_A, VALUE_A, KEY_B, VALUE_B},
        };
        for (Object[] list : lists) {
            assertSameAsFresh(list);
        }
    }

    @Test
    void aValueConvertedByToStringIsConvertedOnEveryEvent() {
        int[] calls = {0};
        Object counting = new Object() {
            @Override
            public String toString() {
                return "call " + ++calls[0];
            }
        };
        StringBuilder mutable = new StringBuilder("one");
        Object[] list = {KEY_A, counting, KEY_B, mutable};
        for (int i = 0; i < 3; i++) {
            mutable.append(i);
            byte[] kept = encode(reused, list);
            assertEquals(i + 1, calls[0], "toString() on every event");
            calls[0]--; // the fresh encoding's call writes the same text
            assertArrayEquals(encode(new EventHeaderEncoder(3072), list), kept);
        }
    }

    @Test
    void anEncodeThatFailedHalfWayLeavesNothingToCopy() {
        CharSequence failing = new CharSequence() {
            @Override
            public int length() {
                throw new IllegalStateException("length");
            }

            @Override
            public char charAt(int index) {
                throw new IllegalStateException("charAt");
            }

            @Override
            public CharSequence subSequence(int start, int end) {
                throw new IllegalStateException("subSequence");
            }
        };
        assertSameAsFresh(new Object[] {KEY_A, VALUE_A, KEY_B, VALUE_B});
        assertThrows(IllegalStateException.class, () -> encode(reused, new Object[] {KEY_A, VALUE_B, KEY_B, failing}));
        assertSameAsFresh(new Object[] {KEY_A, VALUE_B, KEY_B, VALUE_B});
        assertSameAsFresh(new Object[] {KEY_A, VALUE_A, KEY_B, VALUE_B});
    }

    @Test
    void listsLongerThanTheMemoAreWrittenEachTime() {
        Object[] list = new Object[2 * (AttributeMemo.MAX_ATTRIBUTES + 2)];
        for (int i = 0; i < list.length; i += 2) {
            list[i] = "key" + i;
            list[i + 1] = i;
        }
        assertSameAsFresh(list);
        assertSameAsFresh(Arrays.copyOf(list, 2 * AttributeMemo.MAX_ATTRIBUTES));
        assertSameAsFresh(list);
        assertSameAsFresh(list);
    }

    private void assertSameAsFresh(Object[] list) {
        assertArrayEquals(encode(new EventHeaderEncoder(3072), list), encode(reused, list), Arrays.toString(list));
    }

    private static byte[] encode(EventHeaderEncoder encoder, Object[] keyValues) {
        EventHeaderTest.Fixed event = new EventHeaderTest.Fixed(1_700_000_000_123_456_789L, "main", 1, keyValues);
        EventHeaderEncoding encoding = encoder.acquire();
        try {
            int length = encoder.encode(
                    encoding, 3, EventHeaderEncoder.eventNameMeta("memo.Test"), Level.INFO, "body", null, null, event);
            return Arrays.copyOf(encoding.record(), length);
        } finally {
            encoder.release(encoding);
        }
    }
}
