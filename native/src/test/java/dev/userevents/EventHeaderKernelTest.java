package dev.userevents;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.format.EventHeaderDecoder;
import dev.userevents.spi.CapturedDiagnostics;
import dev.userevents.testing.KernelTestExtension;
import dev.userevents.testing.Perf;
import dev.userevents.testing.PerfData;
import dev.userevents.testing.Tracefs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The EventHeader provider stream against the real kernel: registration, gating by the provider's bits, perf capture. */
@Tag("kernel")
class EventHeaderKernelTest {
    @RegisterExtension
    final KernelTestExtension kernel = new KernelTestExtension();

    @RegisterExtension
    final CapturedDiagnostics captured = new CapturedDiagnostics();

    private UserEvents open(String provider, Mode mode) {
        return kernel.open(UserEventsConfig.builder()
                .mode(mode)
                .eventHeaderProvider(provider)
                .build());
    }

    /** An event whose attributes are given: MDC-like strings first, then typed key-values. */
    private static final class Attributes implements LogEventReader<Map<String, Object>> {
        static final Attributes INSTANCE = new Attributes();

        @Override
        public void forEachAttribute(Map<String, Object> event, BiConsumer<String, Object> sink) {
            event.forEach(sink);
        }
    }

    private static int eventId(String event) {
        return Integer.parseInt(
                Tracefs.read(Tracefs.USER_EVENTS.resolve(event).resolve("id")).trim());
    }

    @Test
    void perfCapturesEveryFieldAsLoggedOnTheInfoAndErrorTracepoints() throws Exception {
        UserEvents events = open("ktPerf", Mode.ASYNC);
        LoggerEvents logger = events.logger("kt.eh.Wörld");
        LoggerEvents other = events.logger("kt.eh.Other");
        String huge = "ä".repeat(40_000); // 80 000 bytes of UTF-8
        java.io.IOException cause = new java.io.IOException("inner cause 😀");
        IllegalStateException thrown = new IllegalStateException("outer ü", cause);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
        context.put("span_id", "00f067aa0ba902b7");
        context.put("user", "wörld");
        context.put("count", 42L);
        context.put("ratio", 0.5);
        context.put("ok", true);
        long before = System.currentTimeMillis();
        Path data = Perf.record(
                List.of("ktPerf_L4K1", "ktPerf_L2K1"),
                () -> logger.isEnabled(Level.INFO) && other.isEnabled(Level.ERROR),
                () -> {
                    events.emitEventHeader(logger, Level.INFO, "plain ascii", null, Map.of(), Attributes.INSTANCE);
                    events.emitEventHeader(logger, Level.INFO, "héllo wörld 😀", null, context, Attributes.INSTANCE);
                    events.emitEventHeader(logger, Level.INFO, huge, null, Map.of(), Attributes.INSTANCE);
                    events.emitEventHeader(other, Level.ERROR, "failed", thrown, context, Attributes.INSTANCE);
                    events.emitEventHeader(
                            logger, Level.DEBUG, "not traced: L5 is off", null, Map.of(), Attributes.INSTANCE);
                    events.flushForShutdown();
                });
        List<PerfData.RawSample> samples = PerfData.rawSamples(data);
        int info = eventId("ktPerf_L4K1");
        int error = eventId("ktPerf_L2K1");
        List<Map<String, Object>> infos = new ArrayList<>();
        List<EventHeaderDecoder.Event> decoded = new ArrayList<>();
        for (PerfData.RawSample sample : samples) {
            EventHeaderDecoder.Event event = EventHeaderDecoder.decode(sample.payload, 0, sample.payload.length);
            decoded.add(event);
            assertEquals(sample.eventId == info ? 4 : 2, event.level, "header level = the tracepoint's level");
            assertTrue(sample.eventId == info || sample.eventId == error, "only the two recorded tracepoints");
            if (sample.eventId == info) {
                infos.add(event.flatten());
                assertEquals("kt.eh.Wörld", event.name);
            }
        }
        assertEquals(4, samples.size(), decoded.toString());
        assertEquals("plain ascii", infos.get(0).get("PartB.body"));
        assertEquals("héllo wörld 😀", infos.get(1).get("PartB.body"));
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", infos.get(1).get("PartA.ext_dt.traceId"));
        assertEquals("00f067aa0ba902b7", infos.get(1).get("PartA.ext_dt.spanId"));
        assertEquals("wörld", infos.get(1).get("PartC.user"));
        assertEquals(42L, infos.get(1).get("PartC.count"));
        assertEquals(0.5, infos.get(1).get("PartC.ratio"));
        assertEquals(true, infos.get(1).get("PartC.ok"));
        assertEquals(Thread.currentThread().getName(), infos.get(1).get("PartC.thread.name"));
        String cut = (String) infos.get(2).get("PartB.body");
        assertTrue(
                cut.startsWith("ää") && cut.endsWith(Utf8Text.TRUNCATION_MARKER),
                "a 80 KB message arrives cut, and says so");
        assertTrue(cut.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                <= events.config().maxMessageBytes());
        java.time.Instant loggedAt = java.time.OffsetDateTime.parse(
                        (String) infos.get(0).get("PartA.time"))
                .toInstant();
        assertTrue(Math.abs(loggedAt.toEpochMilli() - before) < 120_000, "time of the log call: " + loggedAt);
        assertEquals(9L, infos.get(0).get("PartB.severityNumber"));

        EventHeaderDecoder.Event failed = decoded.get(3);
        assertEquals("kt.eh.Other", failed.name);
        Map<String, Object> fields = failed.flatten();
        assertEquals("failed", fields.get("PartB.body"));
        assertEquals("ERROR", fields.get("PartB.severityText"));
        assertEquals(17L, fields.get("PartB.severityNumber"));
        assertEquals("java.lang.IllegalStateException", fields.get("PartC.exception.type"));
        assertEquals("outer ü", fields.get("PartC.exception.message"));
        String stack = (String) fields.get("PartC.exception.stacktrace");
        assertTrue(
                stack.startsWith("java.lang.IllegalStateException: outer ü\n\tat dev.userevents.EventHeaderKernelTest"),
                stack);
        assertEquals(0x400L, fields.get("__csver__"));
    }

    @Test
    void enablingTheVerboseTracepointTurnsDebugAndTraceOnForEveryLoggerAndDisablingTurnsThemOff() throws Exception {
        UserEvents events = open("ktGate", Mode.SYNC);
        LoggerEvents a = events.logger("kt.gate.A");
        LoggerEvents b = events.logger("kt.gate.B");
        kernel.enable("ktGate_L5K1");
        LoggerEvents later =
                events.logger("kt.gate.Later"); // registered while enabled: the kernel sets its bit at once
        for (LoggerEvents logger : List.of(a, b, later)) {
            assertTrue(logger.isEnabled(Level.DEBUG), logger.toString());
            assertTrue(logger.isEnabled(Level.TRACE), logger.toString());
            assertFalse(logger.isEnabled(Level.INFO), logger.toString());
            assertFalse(logger.isTracepointEnabled(Level.DEBUG), "the logger's own event stays off");
        }
        events.emitEventHeader(later, Level.TRACE, "trace line", null, Map.of(), Attributes.INSTANCE);
        assertEquals(1, Tracefs.awaitPayloads("ktGate_L5K1", 1).size());
        kernel.disable("ktGate_L5K1");
        for (LoggerEvents logger : List.of(a, b)) {
            assertFalse(logger.isEnabled(Level.DEBUG));
            assertFalse(logger.isEnabled(Level.TRACE));
        }
    }

    @Test
    void withBothStreamsTracedOneCallWritesOneEventToEach() throws Exception {
        UserEvents events = open("ktBoth", Mode.ASYNC);
        LoggerEvents logger = events.logger("kt.both.Foo");
        kernel.enable("ktBoth_L4K1");
        kernel.enable("kt_both_Foo_INFO");
        StringBuilder message = new StringBuilder("one call");
        events.emitEventHeader(logger, Level.INFO, message, null, Map.of(), Attributes.INSTANCE);
        events.emit(logger, Level.INFO, message, null);
        events.flushForShutdown();
        assertEquals(List.of(Tracefs.payload("one call", 4)), Tracefs.awaitPayloads("kt_both_Foo_INFO", 1));
        List<String> provider = Tracefs.awaitPayloads("ktBoth_L4K1", 1);
        assertEquals(1, provider.size(), provider.toString());
        assertTrue(
                provider.get(0).contains("eventheader_flags=(7)")
                        && provider.get(0).contains("level=(4)"),
                provider.get(0));
    }

    @Test
    void restartsKeepOneRegistrationSetAndCloseLeavesNone() throws Exception {
        for (int i = 0; i < 20; i++) {
            UserEvents events = open("ktRestart", i % 2 == 0 ? Mode.SYNC : Mode.ASYNC);
            events.logger("kt.restart.A");
            events.logger("kt.restart.B");
            events.close();
        }
        UserEvents live = open("ktRestart", Mode.SYNC);
        LoggerEvents a = live.logger("kt.restart.A");
        assertEquals(
                5,
                Tracefs.statusEventNames().stream()
                        .filter(name -> name.startsWith("ktRestart_L"))
                        .count());
        kernel.enable("ktRestart_L4K1");
        live.emitEventHeader(a, Level.INFO, "once", null, Map.of(), Attributes.INSTANCE);
        Thread.sleep(200);
        assertEquals(1, Tracefs.payloads("ktRestart_L4K1").size());
        kernel.disable("ktRestart_L4K1"); // now: the deletion awaited below needs it off
        live.close();
        // With no registration left, the kernel deletes the (non-persistent) events: nothing leaked in 21 opens.
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (Tracefs.statusEventNames().stream().anyMatch(name -> name.startsWith("ktRestart_L"))
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertFalse(
                Tracefs.statusEventNames().stream().anyMatch(name -> name.startsWith("ktRestart_L")),
                Tracefs.statusEventNames().toString());
        assertTrue(captured.lines().isEmpty(), captured.lines().toString());
    }

    @Test
    void aBadProviderNameGetsOneDiagnosticTheStreamStaysOffAndLoggingGoesOn() throws Exception {
        for (String bad : new String[] {"bad name", "bad:name", "b".repeat(300)}) {
            captured.forgetReported();
            int before = captured.lines().size();
            UserEvents events = open(bad, Mode.SYNC);
            LoggerEvents logger = events.logger("kt.badprovider.Foo");
            assertNull(events.eventHeaderProvider());
            assertEquals(1, captured.lines().size() - before, captured.lines().toString());
            assertFalse(Tracefs.statusEventNames().stream()
                    .anyMatch(name -> name.contains("_L4K1") && name.startsWith("b")));
            kernel.enable("kt_badprovider_Foo_INFO");
            events.emit(logger, Level.INFO, new StringBuilder("still logging"), null);
            assertEquals(
                    List.of(Tracefs.payload("still logging", 4)), Tracefs.awaitPayloads("kt_badprovider_Foo_INFO", 1));
            kernel.disable("kt_badprovider_Foo_INFO"); // each round expects the event's one line
            Tracefs.clearTrace();
            events.close();
        }
    }
}
