package dev.userevents.slf4j;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.testing.EventHeaderCapture;
import dev.userevents.testing.KernelTestExtension;
import dev.userevents.testing.Perf;
import dev.userevents.testing.Tracefs;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The provider through SLF4J's LoggerFactory (ServiceLoader discovery, default async mode) on the real kernel. */
@Tag("kernel")
class Slf4jKernelTest {
    @RegisterExtension
    final KernelTestExtension kernel = new KernelTestExtension();

    @Test
    void providerIsFoundByServiceLoader() {
        assertInstanceOf(UserEventsLogger.class, LoggerFactory.getLogger("kt.slf4j.discovery"));
    }

    /**
     * With {@code userevents.eventheader.provider=ktSlf4j} (test resources): one call with both streams traced writes
     * one event to each; the provider's carries the message as body, MDC and typed key-values as fields, and the
     * MDC's trace context in PartA.
     */
    @Test
    void oneCallWritesOneEventToEachStreamAndTheProviderEventCarriesMdcAndTypedKeyValues() throws Exception {
        Logger logger = LoggerFactory.getLogger("kt.slf4j.Provider");
        kernel.enable("kt_slf4j_Provider_INFO");
        kernel.closeAfter(MDC::clear);
        MDC.put("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
        MDC.put("span_id", "00f067aa0ba902b7");
        MDC.put("tenant", "acme");
        List<EventHeaderCapture.Captured> captured = EventHeaderCapture.record(
                List.of("ktSlf4j_L4K1"),
                () -> logger.atInfo()
                        .addKeyValue("count", 3)
                        .addKeyValue("ok", true)
                        .addKeyValue("ratio", 0.5)
                        .log("order {} placed für 😀", 42));
        List<String> own = Tracefs.awaitPayloads("kt_slf4j_Provider_INFO", 1);
        assertEquals(1, own.size(), own.toString());
        assertTrue(own.get(0).startsWith("msg=order 42 placed für 😀 count=3 ok=true ratio=0.5"), own.get(0));
        assertEquals(1, captured.size(), captured.toString());
        assertEquals("kt.slf4j.Provider", captured.get(0).event.name);
        java.util.Map<String, Object> fields = captured.get(0).fields();
        assertEquals("order 42 placed für 😀", fields.get("PartB.body"));
        assertEquals("INFO", fields.get("PartB.severityText"));
        assertEquals(9L, fields.get("PartB.severityNumber"));
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", fields.get("PartA.ext_dt.traceId"));
        assertEquals("00f067aa0ba902b7", fields.get("PartA.ext_dt.spanId"));
        assertEquals("acme", fields.get("PartC.tenant"));
        assertEquals(3L, fields.get("PartC.count"));
        assertEquals(true, fields.get("PartC.ok"));
        assertEquals(0.5, fields.get("PartC.ratio"));
        assertEquals(Thread.currentThread().getName(), fields.get("PartC.thread.name"));
    }

    @Test
    void theProvidersVerboseTracepointTurnsDebugAndTraceOnForEveryLogger() {
        Logger a = LoggerFactory.getLogger("kt.slf4j.VerboseA");
        assertFalse(a.isDebugEnabled());
        kernel.enable("ktSlf4j_L5K1");
        Logger b = LoggerFactory.getLogger("kt.slf4j.VerboseB"); // created while enabled
        for (Logger logger : List.of(a, b)) {
            assertTrue(logger.isDebugEnabled() && logger.isTraceEnabled(), logger.getName());
            assertFalse(logger.isInfoEnabled(), logger.getName());
        }
        kernel.disable("ktSlf4j_L5K1");
        assertFalse(a.isDebugEnabled());
        assertFalse(a.isTraceEnabled());
    }

    @Test
    void enablingInfoFlipsIsInfoEnabledWhileDebugStaysOff() {
        Logger logger = LoggerFactory.getLogger("kt.slf4j.Gate");
        assertFalse(logger.isInfoEnabled());
        kernel.enable("kt_slf4j_Gate_INFO");
        assertTrue(logger.isInfoEnabled());
        assertFalse(logger.isDebugEnabled());
        assertFalse(logger.isTraceEnabled());
        kernel.disable("kt_slf4j_Gate_INFO");
        assertFalse(logger.isInfoEnabled());
    }

    @Test
    void messagesParametersUnicodeAndExceptionsDecodeInTrace() throws Exception {
        Logger logger = LoggerFactory.getLogger("kt.slf4j.Trace");
        kernel.enable("kt_slf4j_Trace_INFO");
        kernel.enable("kt_slf4j_Trace_ERROR");
        logger.info("user {} bought {} items", "ann", 3);
        logger.info("unicode {} \uD83D\uDE80", "\u00e9\u4e2d");
        logger.debug("not enabled {}", "x");
        logger.error("failed", new IllegalStateException("boom"));
        List<String> info = Tracefs.awaitPayloads("kt_slf4j_Trace_INFO", 2);
        List<String> error = Tracefs.awaitPayloads("kt_slf4j_Trace_ERROR", 1);
        assertEquals(
                List.of(
                        Tracefs.payload("user ann bought 3 items", 4),
                        Tracefs.payload("unicode \u00e9\u4e2d \uD83D\uDE80", 4)),
                info);
        assertEquals(1, error.size());
        // The message holds newlines, so in trace the record spans lines: "msg=failed", the stack, " level=...".
        assertEquals("msg=failed", error.get(0));
        String trace = Tracefs.read(Tracefs.ROOT.resolve("trace"));
        assertTrue(
                trace.contains(
                        "msg=failed\njava.lang.IllegalStateException: boom\n\tat dev.userevents.slf4j.Slf4jKernelTest."
                                + "messagesParametersUnicodeAndExceptionsDecodeInTrace("),
                trace);
        String lastLine = java.util.Arrays.stream(trace.split("\n"))
                .filter(line -> line.endsWith(" level=0x2 (2)"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ERROR record end: " + trace));
        assertTrue(lastLine.startsWith("\tat "), "the level follows the last stack frame: " + lastLine);
        assertTrue(Tracefs.payloads("kt_slf4j_Trace_DEBUG").isEmpty());
    }

    @Test
    void perfScriptDecodesMessagesWithTheirLevel() throws Exception {
        Logger logger = LoggerFactory.getLogger("kt.slf4j.Perf");
        String script = Perf.recordAndScript(
                List.of("kt_slf4j_Perf_WARN", "kt_slf4j_Perf_ERROR"),
                () -> logger.isWarnEnabled() && logger.isErrorEnabled(),
                () -> {
                    logger.warn("careful {} \u00e9", 1);
                    logger.error("bad {}", 2, new RuntimeException("perf-visible"));
                    try {
                        Thread.sleep(500); // async: let the writer submit before perf stops
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        assertTrue(script.contains("kt_slf4j_Perf_WARN: msg=careful 1 \u00e9 level=3"), script);
        assertTrue(script.contains("kt_slf4j_Perf_ERROR: msg=bad 2"), script);
        assertTrue(script.contains("java.lang.RuntimeException: perf-visible"), script);
    }
}
