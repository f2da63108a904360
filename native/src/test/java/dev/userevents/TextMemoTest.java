package dev.userevents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A thread's encoding keeps {@link TextMemo}s of its strings from one event to the next; whatever it kept, a record
 * must be the bytes a fresh encoding writes for the same event. Events here reuse a small pool of string instances
 * (as an MDC does across a request's lines), shift them between attribute positions, mix in values that are not
 * strings, a mutable {@code CharSequence} changed between events, over-long and non-ASCII text, and trace context.
 */
class TextMemoTest {
    private static final String[] KEYS = {
        "trace_id", "span_id", "tenant", "user", "héllo", "k".repeat(300), "trace_flags", "a", "b", "c", "d", "e",
    };

    private final SplittableRandom random = new SplittableRandom(20261202);
    private final StringBuilder mutable = new StringBuilder("mutable");
    private final List<Object> values = new ArrayList<>(List.of(
            "4bf92f3577b34da6a3ce929d0e0e4736",
            "00f067aa0ba902b7",
            "acme",
            "",
            "zoë 😀",
            "nul\0inside",
            "lone \uD800 surrogate",
            "v".repeat(1500),
            "é".repeat(600),
            42,
            true,
            2.5,
            mutable,
            new Object() {
                @Override
                public String toString() {
                    return "object";
                }
            }));
    private final String[] threads = {"main", "http-nio-8080-exec-1", "t".repeat(400), "þráður"};

    @Test
    void aReusedEncodingWritesWhatAFreshOneWrites() {
        for (int maxMessageBytes : new int[] {64, 3072}) {
            EventHeaderEncoder reused = new EventHeaderEncoder(maxMessageBytes);
            EventHeaderTest.Fixed previous = null;
            for (int i = 0; i < 4000; i++) {
                EventHeaderTest.Fixed event = random.nextInt(3) == 0 && previous != null ? previous : randomEvent();
                if (random.nextInt(10) == 0) {
                    mutable.append((char) ('a' + random.nextInt(26)));
                }
                Throwable thrown = random.nextInt(20) == 0 ? new IllegalStateException("boom " + i) : null;
                String body = "line " + i + " " + "b".repeat(random.nextInt(80));
                byte[] fresh = encode(new EventHeaderEncoder(maxMessageBytes), event, body, thrown);
                byte[] kept = encode(reused, event, body, thrown);
                assertArrayEquals(fresh, kept, "event " + i + " (" + maxMessageBytes + ")");
                previous = event;
            }
        }
    }

    @Test
    void aMutableTextChangedInPlaceIsEncodedAgain() {
        byte[] out = new byte[64];
        TextMemo memo = new TextMemo();
        StringBuilder text = new StringBuilder("aaaa");
        memo.put(out, 0, text, 32);
        text.setCharAt(0, 'b');
        assertEquals(4, memo.put(out, 0, text, 32));
        assertEquals("baaa", new String(out, 0, 4, java.nio.charset.StandardCharsets.UTF_8));
        String kept = "cccc";
        memo.put(out, 0, kept, 32);
        assertEquals(12, memo.put(out, 8, new String("dddd"), 32));
        assertEquals("dddd", new String(out, 8, 4, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(16, memo.cappedLength("x".repeat(100), 16));
    }

    private EventHeaderTest.Fixed randomEvent() {
        int count = random.nextInt(7);
        Object[] keyValues = new Object[2 * count];
        for (int i = 0; i < count; i++) {
            keyValues[2 * i] = KEYS[random.nextInt(KEYS.length)];
            keyValues[2 * i + 1] = values.get(random.nextInt(values.size()));
        }
        long time = 1_700_000_000_000_000_000L + random.nextLong(5_000_000_000L);
        return new EventHeaderTest.Fixed(time, threads[random.nextInt(threads.length)], 7, keyValues);
    }

    private static byte[] encode(
            EventHeaderEncoder encoder, EventHeaderTest.Fixed event, String body, Throwable thrown) {
        EventHeaderEncoding encoding = encoder.acquire();
        try {
            int length = encoder.encode(
                    encoding, 3, EventHeaderEncoder.eventNameMeta("memo.Test"), Level.INFO, body, thrown, null, event);
            return java.util.Arrays.copyOf(encoding.record(), length);
        } finally {
            encoder.release(encoding);
        }
    }
}
