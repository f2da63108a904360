package dev.userevents;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.format.EventHeaderDecoder;
import dev.userevents.format.EventHeaderFormat;
import dev.userevents.kernel.UserEventsAbi;
import dev.userevents.spi.CapturedDiagnostics;
import dev.userevents.testing.InMemoryDevice;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The EventHeader provider stream's pure logic: bytes, gating, bounds, bad names (the kernel's side: EventHeaderKernelTest). */
class EventHeaderTest {
    @RegisterExtension
    final CapturedDiagnostics captured = new CapturedDiagnostics();

    private final InMemoryDevice device = new InMemoryDevice();

    /** A fixed event: time, thread and attributes given. */
    static final class Fixed implements LogEventReader<Object> {
        final long time;
        final String thread;
        final long threadId;
        final Object[] keyValues;

        Fixed(long time, String thread, long threadId, Object... keyValues) {
            this.time = time;
            this.thread = thread;
            this.threadId = threadId;
            this.keyValues = keyValues;
        }

        @Override
        public long timeEpochNanos(Object event) {
            return time;
        }

        @Override
        public String threadName(Object event) {
            return thread;
        }

        @Override
        public long threadId(Object event) {
            return threadId;
        }

        @Override
        public void forEachAttribute(Object event, BiConsumer<String, Object> sink) {
            for (int i = 0; i < keyValues.length; i += 2) {
                sink.accept((String) keyValues[i], keyValues[i + 1]);
            }
        }
    }

    /** Little-endian bytes, built by hand from eventheader.h and the OTel exporter's field choices. */
    private static final class Bytes {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes u8(int... values) {
            for (int v : values) out.write(v);
            return this;
        }

        Bytes u16(int v) {
            return u8(v & 0xFF, (v >>> 8) & 0xFF);
        }

        Bytes u32(int v) {
            return u16(v & 0xFFFF).u16(v >>> 16);
        }

        Bytes u64(long v) {
            return u32((int) v).u32((int) (v >>> 32));
        }

        Bytes z(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            out.write(0);
            return this;
        }

        Bytes str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u16(b.length);
            out.writeBytes(b);
            return this;
        }

        Bytes all(Bytes other) {
            out.writeBytes(other.out.toByteArray());
            return this;
        }

        int size() {
            return out.size();
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    private static byte[] encode(
            EventHeaderEncoder encoder,
            int writeIndex,
            String logger,
            Level level,
            String body,
            Throwable thrown,
            LogEventReader<Object> reader) {
        EventHeaderEncoding encoding = encoder.acquire();
        try {
            int length = encoder.encode(
                    encoding, writeIndex, EventHeaderEncoder.eventNameMeta(logger), level, body, thrown, null, reader);
            return java.util.Arrays.copyOf(encoding.record(), length);
        } finally {
            encoder.release(encoding);
        }
    }

    @Test
    void recordIsByteForByteTheLayoutOfOpenTelemetrysExporter() {
        long time = 1_700_000_000L * 1_000_000_000L + 123_456_000L; // 2023-11-14T22:13:20.123456Z
        byte[] actual = encode(
                new EventHeaderEncoder(3072),
                7,
                "a.b;c",
                Level.INFO,
                "hi",
                null,
                new Fixed(time, "main", 1, "k", "v", "n", 5L, "b", true, "d", 1.5));
        Bytes meta = new Bytes()
                .z("a.b_c")
                .z("__csver__")
                .u8(0x84, 0x01)
                .z("PartA")
                .u8(0x81, 1)
                .z("time")
                .u8(0x0A)
                .z("PartC")
                .u8(0x81, 6)
                .z("thread.name")
                .u8(0x0A)
                .z("thread.id")
                .u8(0x85, 0x02)
                .z("k")
                .u8(0x0A)
                .z("n")
                .u8(0x85, 0x02)
                .z("b")
                .u8(0x82, 0x07)
                .z("d")
                .u8(0x85, 0x08)
                .z("PartB")
                .u8(0x81, 4)
                .z("_typeName")
                .u8(0x0A)
                .z("body")
                .u8(0x0A)
                .z("severityNumber")
                .u8(0x83, 0x02)
                .z("severityText")
                .u8(0x0A);
        Bytes data = new Bytes()
                .u32(0x400)
                .str("2023-11-14T22:13:20.123456+00:00")
                .str("main")
                .u64(1)
                .str("v")
                .u64(5)
                .u8(1)
                .u64(Double.doubleToLongBits(1.5))
                .str("Log")
                .str("hi")
                .u16(9)
                .str("INFO");
        Bytes expected = new Bytes()
                .u32(7)
                .u8(0x07, 0, 0, 0, 0, 0, 0, 4) // flags, version, id, tag, opcode, level
                .u16(meta.size())
                .u16(1)
                .all(meta)
                .all(data);
        assertArrayEquals(expected.bytes(), actual);
    }

    @Test
    void timeFollowsRfc3339AsTheRustExporterWritesIt() {
        EventHeaderEncoder encoder = new EventHeaderEncoder(3072);
        String[][] cases = {
            {"0", "1970-01-01T00:00:00+00:00"},
            {"951782400500000000", "2000-02-29T00:00:00.500+00:00"},
            {"4102444799999999999", "2099-12-31T23:59:59.999999999+00:00"},
            {"1709251199000001000", "2024-02-29T23:59:59.000001+00:00"},
        };
        for (String[] c : cases) {
            byte[] bytes = encode(encoder, 0, "x", Level.WARN, "", null, new Fixed(Long.parseLong(c[0]), "t", 1));
            assertEquals(
                    c[1],
                    EventHeaderDecoder.decode(bytes, 4, bytes.length - 4)
                            .flatten()
                            .get("PartA.time"));
        }
    }

    private UserEvents openWithProvider(String provider) {
        return UserEvents.open(
                UserEventsConfig.builder()
                        .mode(Mode.SYNC)
                        .eventHeaderProvider(provider)
                        .build(),
                device);
    }

    private void enableProvider(LoggerEvents logger, int providerLevel, boolean enabled) {
        device.setEnabled(logger.word().address, Level.PROVIDER_BIT_BASE + providerLevel, enabled);
    }

    @Test
    void providerRegistersFiveLevelsPerLoggerWordAndItsBitsEnableTheLevels() {
        UserEvents events = openWithProvider("MyApp");
        LoggerEvents a = events.logger("a");
        LoggerEvents b = events.logger("b");
        assertEquals(2 * (6 + 5), device.liveRegistrations());
        for (int level = 1; level <= 5; level++) {
            assertTrue(device.liveCommands().contains("MyApp_L" + level + "K1 " + EventHeaderFormat.COMMAND_FIELDS));
        }
        assertEquals(a.providerWriteIndex(Level.INFO), b.providerWriteIndex(Level.INFO), "one event, one write_index");
        assertEquals(a.providerWriteIndex(Level.DEBUG), a.providerWriteIndex(Level.TRACE), "DEBUG and TRACE share L5");

        enableProvider(a, 5, true);
        enableProvider(b, 5, true); // the kernel sets the bit at every registered address
        for (LoggerEvents logger : List.of(a, b)) {
            assertTrue(logger.isEnabled(Level.TRACE));
            assertTrue(logger.isEnabled(Level.DEBUG));
            assertFalse(logger.isEnabled(Level.INFO));
            assertFalse(logger.isTracepointEnabled(Level.DEBUG));
        }
        events.emit(a, Level.DEBUG, new StringBuilder("only provider"), null);
        events.emitEventHeader(a, Level.DEBUG, "only provider", null, null, LogEventReader.currentThread());
        assertEquals(0, device.records().size(), "the logger's own event is not traced: no tracefs record");
        assertEquals(1, device.eventHeaderWrites().size());
        assertEquals("MyApp_L5K1", device.eventHeaderWrites().get(0).getKey());

        device.setEnabled(a, Level.DEBUG, true); // both streams now
        events.emit(a, Level.DEBUG, new StringBuilder("both"), null);
        events.emitEventHeader(a, Level.DEBUG, "both", null, null, LogEventReader.currentThread());
        assertEquals(1, device.records().size());
        assertEquals(2, device.eventHeaderWrites().size());

        enableProvider(a, 5, false);
        enableProvider(b, 5, false);
        assertFalse(b.isEnabled(Level.DEBUG));
        events.close();
        assertEquals(0, device.liveRegistrations(), "close unregisters the provider bits too");
    }

    @Test
    void everyFieldComesBackAsLogged() {
        UserEvents events = openWithProvider("MyApp");
        LoggerEvents logger = events.logger("com.example.Wörld");
        enableProvider(logger, 2, true);
        java.io.IOException cause = new java.io.IOException("inner 😀");
        cause.setStackTrace(new StackTraceElement[] {new StackTraceElement("C", "m", "C.java", 2)});
        IllegalStateException thrown = new IllegalStateException("outer ü", cause);
        thrown.setStackTrace(new StackTraceElement[] {new StackTraceElement("A", "m", "A.java", 1)});
        Fixed reader = new Fixed(
                1_700_000_000_000_000_000L,
                "worker-ü",
                42,
                "trace_id",
                "0af7651916cd43dd8448eb211c80319c",
                "span_id",
                "b7ad6b7169203331",
                "trace_flags",
                "01",
                "user",
                "wörld",
                "count",
                3,
                "ratio",
                0.25f,
                "ok",
                false,
                "obj",
                new Object() {
                    @Override
                    public String toString() {
                        throw new IllegalStateException("bad toString");
                    }
                });
        events.emitEventHeader(logger, Level.ERROR, "héllo wörld 😀", thrown, null, reader);
        List<Map.Entry<String, byte[]>> writes = device.eventHeaderWrites();
        assertEquals(1, writes.size());
        assertEquals("MyApp_L2K1", writes.get(0).getKey());
        byte[] bytes = writes.get(0).getValue();
        EventHeaderDecoder.Event event = EventHeaderDecoder.decode(bytes, 0, bytes.length);
        assertEquals("com.example.Wörld", event.name);
        assertEquals(2, event.level);
        Map<String, Object> fields = event.flatten();
        assertEquals(0x400L, fields.get("__csver__"));
        assertEquals("2023-11-14T22:13:20+00:00", fields.get("PartA.time"));
        assertEquals("0af7651916cd43dd8448eb211c80319c", fields.get("PartA.ext_dt.traceId"));
        assertEquals("b7ad6b7169203331", fields.get("PartA.ext_dt.spanId"));
        assertEquals("worker-ü", fields.get("PartC.thread.name"));
        assertEquals(42L, fields.get("PartC.thread.id"));
        assertEquals("java.lang.IllegalStateException", fields.get("PartC.exception.type"));
        assertEquals("outer ü", fields.get("PartC.exception.message"));
        String stack = (String) fields.get("PartC.exception.stacktrace");
        assertEquals(
                "java.lang.IllegalStateException: outer ü\n\tat A.m(A.java:1)\n"
                        + "Caused by: java.io.IOException: inner 😀\n\tat C.m(C.java:2)",
                stack);
        assertFalse(fields.containsKey("PartC.trace_id"), "trace context is in PartA only");
        assertEquals("01", fields.get("PartC.trace_flags"));
        assertEquals("wörld", fields.get("PartC.user"));
        assertEquals(3L, fields.get("PartC.count"));
        assertEquals(0.25, fields.get("PartC.ratio"));
        assertEquals(false, fields.get("PartC.ok"));
        assertEquals("[toString() failed: java.lang.IllegalStateException]", fields.get("PartC.obj"));
        assertEquals("Log", fields.get("PartB._typeName"));
        assertEquals("héllo wörld 😀", fields.get("PartB.body"));
        assertEquals(17L, fields.get("PartB.severityNumber"));
        assertEquals("ERROR", fields.get("PartB.severityText"));
    }

    @Test
    void aHugeMessageStackAndAttributesStayWithinTheBoundAndShowTheirTruncation() {
        for (int maxMessageBytes : new int[] {64, 3072, 65534}) {
            EventHeaderEncoder encoder = new EventHeaderEncoder(maxMessageBytes);
            String body = "é".repeat(70_000);
            Throwable deep = new RuntimeException("deep");
            for (int i = 0; i < 40; i++) {
                deep = new RuntimeException("level " + i + " " + "x".repeat(500), deep);
            }
            List<Object> keyValues = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                keyValues.add("key" + i);
                keyValues.add("v".repeat(2000));
            }
            byte[] bytes = encode(
                    encoder,
                    1,
                    "x".repeat(400),
                    Level.INFO,
                    body,
                    deep,
                    new Fixed(0, "t".repeat(1000), 1, keyValues.toArray()));
            assertTrue(bytes.length <= encoder.maxRecordBytes(), bytes.length + " > " + encoder.maxRecordBytes());
            assertTrue(encoder.maxRecordBytes() <= EventHeaderFormat.MAX_EVENT_BYTES);
            Map<String, Object> fields =
                    EventHeaderDecoder.decode(bytes, 4, bytes.length - 4).flatten();
            String decodedBody = (String) fields.get("PartB.body");
            assertTrue(decodedBody.endsWith(Utf8Text.TRUNCATION_MARKER), "body shows its truncation");
            assertTrue(decodedBody.startsWith("éé"), decodedBody);
            assertTrue(((String) fields.get("PartC.exception.stacktrace")).endsWith(Utf8Text.TRUNCATION_MARKER));
            assertTrue(
                    (Long) fields.get("PartC.userevents.attributes_dropped") > 0,
                    fields.keySet().toString());
            assertEquals("INFO", fields.get("PartB.severityText"), "fields after the body are intact");
        }
    }

    @Test
    void aBadProviderNameGetsOneDiagnosticAndNoProviderStream() {
        for (String bad : new String[] {"my app", "a:b", "x".repeat(300), " "}) {
            InMemoryDevice fresh = new InMemoryDevice();
            captured.forgetReported();
            int before = captured.lines().size();
            UserEvents events = UserEvents.open(
                    UserEventsConfig.builder()
                            .mode(Mode.SYNC)
                            .eventHeaderProvider(bad)
                            .build(),
                    fresh);
            LoggerEvents logger = events.logger("a");
            events.logger("b");
            assertNull(events.eventHeaderProvider());
            assertEquals(12, fresh.liveRegistrations(), "the loggers' own events only");
            List<String> lines =
                    captured.lines().subList(before, captured.lines().size());
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).contains("EventHeader provider name"), lines.get(0));
            fresh.setEnabled(logger, Level.INFO, true);
            events.emitEventHeader(logger, Level.INFO, "x", null, null, LogEventReader.currentThread());
            events.emit(logger, Level.INFO, new StringBuilder("still logs"), null);
            assertEquals(1, fresh.records().size());
            assertEquals(0, fresh.eventHeaderWrites().size());
            events.close();
        }
    }

    @Test
    void aRefusedProviderRegistrationTurnsTheStreamOffOnceAndKeepsTheLoggersEvents() {
        device.failRegistrationsAfter(6 + 2, UserEventsAbi.EADDRINUSE); // the logger's six, then two provider levels
        UserEvents events = openWithProvider("Taken");
        LoggerEvents a = events.logger("a");
        assertTrue(a.isRegistered());
        assertEquals(6, device.liveRegistrations(), "the two provider levels that succeeded were unregistered again");
        assertEquals(-1, a.providerWriteIndex(Level.INFO));
        assertEquals(1, captured.lines().size(), captured.lines().toString());
        assertTrue(
                captured.lines().get(0).contains("EventHeader provider Taken is off"),
                captured.lines().get(0));
    }

    @Test
    void asyncModeWritesTheSameRecordThroughTheRing() {
        UserEvents events = UserEvents.open(
                UserEventsConfig.builder().eventHeaderProvider("MyApp").build(), device);
        LoggerEvents logger = events.logger("a");
        enableProvider(logger, 4, true);
        for (int i = 0; i < 100; i++) {
            events.emitEventHeader(logger, Level.INFO, "line " + i, null, null, LogEventReader.currentThread());
        }
        events.close();
        List<Map.Entry<String, byte[]>> writes = device.eventHeaderWrites();
        assertEquals(100, writes.size());
        for (int i = 0; i < 100; i++) {
            byte[] bytes = writes.get(i).getValue();
            Map<String, Object> fields =
                    EventHeaderDecoder.decode(bytes, 0, bytes.length).flatten();
            assertEquals("line " + i, fields.get("PartB.body"));
            assertEquals(
                    Thread.currentThread().getName(),
                    fields.get("PartC.thread.name"),
                    "the caller's thread, not the writer's");
        }
    }

    @Test
    void dropReportsReachTheProviderStreamWithTheirCountsTyped() throws Exception {
        AsyncWriterTest.GatedDevice gated = new AsyncWriterTest.GatedDevice();
        UserEvents events = UserEvents.open(
                UserEventsConfig.builder()
                        .bufferSize(4)
                        .queueFullPolicy(QueueFullPolicy.DROP)
                        .dropReportIntervalMillis(1)
                        .shutdownHook(false)
                        .eventHeaderProvider("MyApp")
                        .build(),
                gated);
        LoggerEvents logger = events.logger("drop");
        gated.recorder.setEnabled(logger.word().address, Level.PROVIDER_BIT_BASE + 3, true);
        LoggerEvents internal = events.logger(DropReporter.LOGGER_NAME);
        gated.recorder.setEnabled(internal.word().address, Level.PROVIDER_BIT_BASE + 3, true);
        events.emitEventHeader(logger, Level.WARN, "first", null, null, LogEventReader.currentThread());
        assertTrue(gated.firstWriteStarted.await(10, java.util.concurrent.TimeUnit.SECONDS));
        for (int i = 0; i < 10; i++) { // "first" keeps its slot while being written: 3 free, 7 dropped
            events.emitEventHeader(logger, Level.WARN, "m" + i, null, null, LogEventReader.currentThread());
        }
        assertEquals(7, events.counters().dropped());
        gated.gate.countDown();
        events.close();
        List<Map<String, Object>> reports = new ArrayList<>();
        for (Map.Entry<String, byte[]> write : gated.recorder.eventHeaderWrites()) {
            EventHeaderDecoder.Event event = EventHeaderDecoder.decode(write.getValue(), 0, write.getValue().length);
            if (event.name.equals(DropReporter.LOGGER_NAME)) {
                reports.add(event.flatten());
            }
        }
        assertEquals(1, reports.size(), reports.toString());
        assertEquals(7L, reports.get(0).get("PartC.userevents.dropped"));
        assertEquals(7L, reports.get(0).get("PartC.userevents.dropped_total"));
        assertEquals("WARN", reports.get(0).get("PartB.severityText"));
        assertTrue(((String) reports.get(0).get("PartB.body")).startsWith("dropped 7 events"));
    }
}
