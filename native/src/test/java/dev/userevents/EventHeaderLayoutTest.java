package dev.userevents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userevents.format.EventHeaderDecoder;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * The sizes {@link EventHeaderLayout} derives are what a record really spends, and the attribute budget fills the
 * quarter of a record it promises, measured on encoded records rather than restated (the golden-byte records of
 * EventHeaderTest do not reach these bounds).
 */
class EventHeaderLayoutTest {
    private static final EventHeaderEncoder ENCODER = new EventHeaderEncoder(64);

    /** {@code count} attributes named a000, a001, ..., each a long. */
    private static LogEventReader<Object> reader(long threadId, int count) {
        return new LogEventReader<>() {
            @Override
            public long timeEpochNanos(Object event) {
                return 0;
            }

            @Override
            public String threadName(Object event) {
                return "";
            }

            @Override
            public long threadId(Object event) {
                return threadId;
            }

            @Override
            public void forEachAttribute(Object event, BiConsumer<String, Object> sink) {
                for (int i = 0; i < count; i++) {
                    sink.accept(String.format("a%03d", i), (long) i);
                }
            }
        };
    }

    private static byte[] encode(Level level, String body, LogEventReader<Object> reader) {
        EventHeaderEncoding encoding = ENCODER.acquire();
        try {
            int length =
                    ENCODER.encode(encoding, 0, EventHeaderEncoder.eventNameMeta("a"), level, body, null, null, reader);
            return java.util.Arrays.copyOf(encoding.record(), length);
        } finally {
            ENCODER.release(encoding);
        }
    }

    @Test
    void partBOfAnEmptyBodyWithTheLongestSeverityTextIsPartBBytes() {
        int time = 2 + "1970-01-01T00:00:00+00:00".length();
        int beforePartB = EventHeaderLayout.METADATA_OFFSET
                + "a\0".length()
                + EventHeaderLayout.CSVER_META.length
                + EventHeaderLayout.CS_VERSION_BYTES
                + EventHeaderLayout.PART_A_META.length
                + time
                + EventHeaderLayout.PART_C_META.length
                + EventHeaderLayout.LENGTH_PREFIX_BYTES;
        for (Level level : new Level[] {Level.FATAL, Level.ERROR, Level.DEBUG, Level.TRACE}) {
            byte[] bytes = encode(level, "", reader(LogEventReader.UNKNOWN_THREAD_ID, 0));
            assertEquals(EventHeaderLayout.PART_B_BYTES, bytes.length - beforePartB, level.name());
        }
        assertEquals(
                EventHeaderLayout.PART_B_BYTES - 1,
                encode(Level.INFO, "", reader(-1, 0)).length - beforePartB,
                "INFO is one letter shorter");
    }

    @Test
    void attributesFillTheirQuarterOfTheRecordAndTheRestIsCountedDropped() {
        int perAttribute = encode(Level.INFO, "", reader(1, 1)).length - encode(Level.INFO, "", reader(1, 0)).length;
        int withDropped = encode(Level.INFO, "", reader(1, 300)).length;
        Map<String, Object> fields = EventHeaderDecoder.decode(
                        encode(Level.INFO, "", reader(1, 300)), 4, withDropped - 4)
                .flatten();
        long written =
                fields.keySet().stream().filter(k -> k.startsWith("PartC.a")).count();
        int quarter = ENCODER.maxRecordBytes() / 4;
        assertTrue(
                written * perAttribute <= quarter && (written + 1) * perAttribute > quarter,
                written + " attributes of " + perAttribute + " bytes in " + quarter);
        assertEquals(300 - written, fields.get("PartC.userevents.attributes_dropped"));
        int dropped = withDropped - encode(Level.INFO, "", reader(1, (int) written)).length;
        assertEquals(EventHeaderLayout.DROPPED_FIELD_BYTES, dropped, "the drop count's field");
    }
}
