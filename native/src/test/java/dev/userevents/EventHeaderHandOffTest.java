package dev.userevents;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.format.EventHeaderDecoder;
import dev.userevents.testing.InMemoryDevice;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The EventHeader record handed to each writer in its two parts (definitions, then data) arrives whole: the device
 * gets one record that decodes, with the body, the level and the attributes in place.
 */
class EventHeaderHandOffTest {
    @ParameterizedTest
    @EnumSource(
            value = Mode.class,
            names = {"SYNC", "ASYNC"})
    void theRecordArrivesWhole(Mode mode) {
        InMemoryDevice device = new InMemoryDevice();
        UserEvents core = UserEvents.open(
                UserEventsConfig.builder()
                        .mode(mode)
                        .eventHeaderProvider("HandOff")
                        .build(),
                device);
        LoggerEvents logger = core.logger("app.HandOff");
        device.setEnabled(logger.word().address, Level.PROVIDER_BIT_BASE + Level.WARN.providerLevel, true);
        String body = "héllo wörld, a body longer than the definitions before it: " + "x".repeat(300);
        for (int i = 0; i < 3; i++) {
            core.log(logger, Level.WARN, body + i, new Attributed());
        }
        core.close(); // the async writer delivers what is queued

        List<Map.Entry<String, byte[]>> writes = device.eventHeaderWrites();
        assertEquals(3, writes.size());
        for (int i = 0; i < 3; i++) {
            byte[] record = writes.get(i).getValue();
            Map<String, Object> fields =
                    EventHeaderDecoder.decode(record, 0, record.length).flatten();
            assertEquals(body + i, fields.get("PartB.body"), fields.toString());
            assertEquals("WARN", fields.get("PartB.severityText"), fields.toString());
            assertEquals("v1", fields.get("PartC.k1"), fields.toString());
        }
    }

    /**
     * The async writer encodes what the caller captured ({@link CapturedEvent}): the same bytes as the caller's own
     * encode (the synchronous writer's) for strings, numbers, booleans, null, a missing key, the trace context and a
     * body past the bound, though the body changes after each call. With a full ring and the SYNC policy the caller
     * encodes the capture itself (its writes then come before queued ones: compared as sets).
     */
    @ParameterizedTest
    @EnumSource(
            value = QueueFullPolicy.class,
            names = {"BLOCK", "SYNC"})
    void theWriterEncodesTheBytesTheCallerWould(QueueFullPolicy policy) {
        List<String> sync = records(Mode.SYNC, policy, false);
        List<String> async = records(Mode.ASYNC, policy, false);
        assertEquals(Calls.COUNT, sync.size());
        if (policy == QueueFullPolicy.SYNC) {
            sync.sort(null);
            async.sort(null);
        }
        assertEquals(sync, async);
    }

    /**
     * A value that can change, or whose text is user code, is taken as its string at the call: the record shows the
     * value as it was then, a failing {@code toString()} its marker, and a {@code toString()} that logs gets its own
     * event (encoded on the caller).
     */
    @Test
    void valuesThatCanChangeAreTakenAtTheCall() {
        List<String> records = records(Mode.ASYNC, QueueFullPolicy.BLOCK, true);
        assertEquals(2 * Calls.COUNT, records.size(), records.toString());
        for (int i = 0; i < Calls.COUNT; i++) {
            assertTrue(records.get(2 * i).contains("PartB.body=nested " + i + ","), records.get(2 * i));
            String record = records.get(2 * i + 1);
            for (String field : List.of(
                    "PartC.counter=" + (7 + i) + ",",
                    "PartC.builder=sb-" + i + ",",
                    "PartC.failing=[toString() failed: java.lang.IllegalStateException],",
                    "PartC.logging=logged,",
                    "PartB.body=body " + i + " ")) {
                assertTrue(record.contains(field), field + " in " + record);
            }
            assertFalse(record.contains("attributes_dropped"), record);
        }
    }

    /** Each record decoded, in the device's order. */
    private static List<String> records(Mode mode, QueueFullPolicy policy, boolean changingValues) {
        InMemoryDevice device = new InMemoryDevice();
        UserEvents core = UserEvents.open(
                UserEventsConfig.builder()
                        .mode(mode)
                        .queueFullPolicy(policy)
                        .bufferSize(4) // fills: the SYNC policy falls back to the caller
                        .maxMessageBytes(256)
                        .eventHeaderProvider("HandOff")
                        .build(),
                device);
        LoggerEvents logger = core.logger("app.Captured");
        for (Level level : Level.values()) {
            device.setEnabled(logger.word().address, Level.PROVIDER_BIT_BASE + level.providerLevel, true);
        }
        new Calls(core, logger, changingValues).run();
        core.close();
        return device.eventHeaderWrites().stream()
                .map(Map.Entry::getValue)
                .map(record -> Arrays.toString(record) + " "
                        + EventHeaderDecoder.decode(record, 0, record.length).flatten())
                .collect(Collectors.toList());
    }

    /** The calls both cores get; the body and the counter change after each call. */
    private static final class Calls implements LogEventReader<Integer> {
        static final int COUNT = 40;
        private final UserEvents core;
        private final LoggerEvents logger;
        private final boolean changingValues;
        private final AtomicLong counter = new AtomicLong(7);

        Calls(UserEvents core, LoggerEvents logger, boolean changingValues) {
            this.core = core;
            this.logger = logger;
            this.changingValues = changingValues;
        }

        void run() {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < COUNT; i++) {
                body.setLength(0);
                body.append("body ").append(i).append(i % 3 == 2 ? " ü😀" + "é".repeat(300) : " ü😀");
                core.emitEventHeader(logger, i % 2 == 0 ? Level.INFO : Level.DEBUG, body, null, i, this);
                body.setLength(0);
                body.append("changed after the call");
                counter.incrementAndGet();
            }
        }

        @Override
        public long timeEpochNanos(Integer call) {
            return 1_700_000_000_000_000_000L + call * 1_234_567L;
        }

        @Override
        public void forEachAttribute(Integer call, BiConsumer<String, Object> sink) {
            sink.accept("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
            sink.accept("span_id", "00f067aa0ba902b7");
            sink.accept("call", call);
            sink.accept("ratio", call / 4.0);
            sink.accept("even", call % 2 == 0);
            sink.accept("small", (short) 3);
            sink.accept("text", "value " + call);
            sink.accept(null, "no key");
            if (!changingValues) {
                sink.accept("nothing", null);
                return;
            }
            sink.accept("counter", counter);
            sink.accept("builder", new StringBuilder("sb-").append(call));
            sink.accept("failing", new Object() {
                @Override
                public String toString() {
                    throw new IllegalStateException("no text");
                }
            });
            sink.accept("logging", new Object() {
                @Override
                public String toString() {
                    core.emitEventHeader(logger, Level.WARN, "nested " + call, null, call, NESTED);
                    return "logged";
                }
            });
        }
    }

    private static final LogEventReader<Integer> NESTED = new LogEventReader<>() {};

    /** A message with one attribute. */
    private static final class Attributed implements LogEventReader<String> {
        @Override
        public void appendMessage(String event, StringBuilder out) {
            out.append(event);
        }

        @Override
        public void forEachAttribute(String event, java.util.function.BiConsumer<String, Object> sink) {
            sink.accept("k1", "v1");
        }
    }
}
