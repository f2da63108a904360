package dev.userevents.log4j2;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.testing.EventHeaderCapture;
import dev.userevents.testing.KernelTestExtension;
import dev.userevents.testing.Perf;
import dev.userevents.testing.Soak;
import dev.userevents.testing.Tracefs;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** log4j2-test.xml (UserEventsFilter + UserEvents appender, async) on the real kernel. */
@Tag("kernel")
class Log4jKernelTest {
    @RegisterExtension
    final KernelTestExtension kernel = new KernelTestExtension();

    private static LoggerContext context() {
        return (LoggerContext) LogManager.getContext(false);
    }

    @Test
    void enablingTheDebugEventFlipsIsDebugEnabled() {
        Logger logger = LogManager.getLogger("kt.log4j.Gate");
        assertFalse(logger.isDebugEnabled());
        assertFalse(logger.isInfoEnabled(), "the filter denies what tracing has not enabled, whatever Root says");
        kernel.enable("kt_log4j_Gate_DEBUG");
        assertTrue(logger.isDebugEnabled());
        assertFalse(logger.isTraceEnabled());
        kernel.disable("kt_log4j_Gate_DEBUG");
        assertFalse(logger.isDebugEnabled());
    }

    /**
     * The provider stream ({@code eventHeaderProvider="ktLog4j"} on appender and filter): its L5 tracepoint turns
     * DEBUG on through the filter; one call with both streams traced writes one event to each, the provider's
     * with the ThreadContext, the event's thread and its exception as fields.
     */
    @Test
    void theProviderStreamGatesLevelsAndCarriesTheEventsFields() throws Exception {
        Logger logger = LogManager.getLogger("kt.log4j.Provider");
        kernel.enable("ktLog4j_L5K1");
        assertTrue(logger.isDebugEnabled() && logger.isTraceEnabled());
        assertFalse(logger.isInfoEnabled());
        kernel.disable("ktLog4j_L5K1");
        assertFalse(logger.isDebugEnabled());
        kernel.enable("kt_log4j_Provider_ERROR");
        IllegalStateException failure = new IllegalStateException("boom ü", new java.io.IOException("cause"));
        failure.setStackTrace(java.util.Arrays.copyOf(failure.getStackTrace(), 2)); // the cause fits the 3 KiB bound
        kernel.closeAfter(org.apache.logging.log4j.ThreadContext::clearMap);
        org.apache.logging.log4j.ThreadContext.put("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
        org.apache.logging.log4j.ThreadContext.put("span_id", "00f067aa0ba902b7");
        org.apache.logging.log4j.ThreadContext.put("orderId", "A-17");
        List<EventHeaderCapture.Captured> captured = EventHeaderCapture.record(
                List.of("ktLog4j_L2K1"), () -> logger.error("payment {} failed 😀", 7, failure));
        List<String> own = Tracefs.awaitPayloads("kt_log4j_Provider_ERROR", 1);
        assertEquals(1, own.size(), own.toString());
        assertEquals(1, captured.size(), captured.toString());
        assertEquals("kt.log4j.Provider", captured.get(0).event.name);
        java.util.Map<String, Object> fields = captured.get(0).fields();
        assertEquals("payment 7 failed 😀", fields.get("PartB.body"));
        assertEquals(17L, fields.get("PartB.severityNumber"));
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", fields.get("PartA.ext_dt.traceId"));
        assertEquals("A-17", fields.get("PartC.orderId"));
        assertEquals(Thread.currentThread().getName(), fields.get("PartC.thread.name"));
        assertEquals(Thread.currentThread().getId(), fields.get("PartC.thread.id"));
        assertEquals("java.lang.IllegalStateException", fields.get("PartC.exception.type"));
        assertEquals("boom ü", fields.get("PartC.exception.message"));
        String stack = (String) fields.get("PartC.exception.stacktrace");
        assertTrue(
                stack.startsWith(
                        "java.lang.IllegalStateException: boom ü\n\tat dev.userevents.log4j2.Log4jKernelTest."),
                stack);
        assertTrue(stack.contains("Caused by: java.io.IOException: cause"), stack);
    }

    @Test
    void messagesAndStackTracesDecodeInTraceWithTheirLevel() throws Exception {
        Logger logger = LogManager.getLogger("kt.log4j.Trace");
        assertFalse(logger.isWarnEnabled()); // registered at creation (the selector), or here at first use without it
        kernel.enable("kt_log4j_Trace_WARN");
        kernel.enable("kt_log4j_Trace_ERROR");
        logger.warn("order {} for {} \u00e9\uD83D\uDE80", 17, "ann");
        logger.info("INFO is not traced");
        logger.error("it broke", new IllegalArgumentException("bad input"));
        List<String> warn = Tracefs.awaitPayloads("kt_log4j_Trace_WARN", 1);
        Tracefs.awaitPayloads("kt_log4j_Trace_ERROR", 1);
        String trace = Tracefs.read(Tracefs.ROOT.resolve("trace"));
        assertEquals(List.of(Tracefs.payload("order 17 for ann \u00e9\uD83D\uDE80", 3)), warn);
        assertTrue(
                trace.contains(
                        "kt_log4j_Trace_ERROR: msg=it broke\njava.lang.IllegalArgumentException: bad input\n\tat "
                                + "dev.userevents.log4j2.Log4jKernelTest.messagesAndStackTracesDecodeInTraceWithTheirLevel("),
                trace);
        assertTrue(trace.contains(" level=0x2 (2)\n"), trace);
        assertFalse(trace.contains("INFO is not traced"));
    }

    @Test
    void perfScriptDecodesLog4jEvents() throws Exception {
        Logger logger = LogManager.getLogger("kt.log4j.Perf");
        String script = Perf.recordAndScript(List.of("kt_log4j_Perf_INFO"), logger::isInfoEnabled, () -> {
            for (int i = 0; i < 3; i++) {
                logger.info("perf line {}", i);
            }
            try {
                Thread.sleep(500); // async: let the writer submit before perf stops
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < 3; i++) {
            assertTrue(script.contains("kt_log4j_Perf_INFO: msg=perf line " + i + " level=4"), script);
        }
    }

    /**
     * {@code <UserEventsFilter gate="levels"/>} nested in the appender, in a plain context (no selector): no
     * configuration-level filter; the poller registers the logger, enabling its DEBUG event in tracefs sets the
     * logger's level within a few polls, its line is captured, disabling puts INFO back.
     */
    @Test
    void gateLevelsSetsATracedLoggersLevelWithoutTheSelector() throws Exception {
        String xml = "<Configuration status=\"WARN\"><Appenders><UserEvents name=\"ue\" prefix=\"ktlv_\">"
                + "<UserEventsFilter prefix=\"ktlv_\" gate=\"levels\"/></UserEvents></Appenders>"
                + "<Loggers><Root level=\"info\"><AppenderRef ref=\"ue\"/></Root></Loggers></Configuration>";
        LoggerContext context = new LoggerContext("kt-levels");
        context.start(new org.apache.logging.log4j.core.config.xml.XmlConfiguration(
                context,
                new org.apache.logging.log4j.core.config.ConfigurationSource(
                        new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
        kernel.closeAfter(context::stop);
        assertNull(context.getConfiguration().getFilter(), "isDebugEnabled() asks no filter");
        Logger logger = context.getLogger("kt.levels.Gate");
        awaitTrue(() -> Tracefs.statusEventNames().contains("ktlv_kt_levels_Gate_DEBUG"), "a pass registers it");
        assertFalse(logger.isDebugEnabled());

        kernel.enable("ktlv_kt_levels_Gate_DEBUG");
        awaitTrue(logger::isDebugEnabled, "the poller sets DEBUG");
        assertFalse(logger.isTraceEnabled());
        logger.debug("levels traced {}", 7);
        assertEquals(
                List.of(Tracefs.payload("levels traced 7", 5)), Tracefs.awaitPayloads("ktlv_kt_levels_Gate_DEBUG", 1));

        kernel.disable("ktlv_kt_levels_Gate_DEBUG");
        awaitTrue(() -> !logger.isDebugEnabled(), "disabled: INFO again");
        assertEquals(
                org.apache.logging.log4j.Level.INFO,
                context.getLogger("kt.levels.Gate").getLevel());
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L; // generous: the VM runs 10-40x slower than a host
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "within 20 s: " + what);
            Thread.sleep(5);
        }
    }

    @Test
    void reconfigurationsWhileLoggingLoseNothingAndKeepOneRegistrationSet() throws Exception {
        int reconfigurations = Soak.scaled(30);
        List<String> diagnostics = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.function.Consumer<String> previousSink = dev.userevents.spi.Diagnostics.setSink(diagnostics::add);
        kernel.closeAfter(() -> dev.userevents.spi.Diagnostics.setSink(previousSink));
        LoggerContext context = context();
        Logger logger = LogManager.getLogger("kt.log4j.Reconfig");
        assertFalse(logger.isInfoEnabled()); // registered at creation (the selector), or here at first use without it
        assertTrue(Tracefs.statusEventNames().contains("kt_log4j_Reconfig_INFO"));
        UserEventsAppender first = context.getConfiguration().getAppender("userEvents");
        kernel.bufferSizeKb(8192);
        kernel.enable("kt_log4j_Reconfig_INFO");
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        kernel.closeAfter(() -> running.set(false)); // the producer stops if the test fails before it stops it
        java.util.concurrent.atomic.AtomicInteger logged = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                while (running.get()) {
                    logger.info("during reconfiguration {}", logged.getAndIncrement());
                    Thread.sleep(1); // a steady stream across every swap, not a flood of the trace buffer
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        long started = System.nanoTime();
        producer.start();
        for (int i = 0; i < reconfigurations; i++) {
            context.reconfigure();
        }
        running.set(false);
        producer.join();
        UserEventsAppender last = context.getConfiguration().getAppender("userEvents");
        assertNotSame(first, last);
        assertSame(first.counters(), last.counters(), "one manager, one registration set, across all of them");
        List<String> payloads = Tracefs.awaitPayloads("kt_log4j_Reconfig_INFO", logged.get());
        kernel.disable("kt_log4j_Reconfig_INFO"); // now: the deletion awaited below needs it off
        dev.userevents.spi.Diagnostics.setSink(previousSink);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertNull(failure.get());
        assertEquals(logged.get(), payloads.size(), last.counters() + " " + Tracefs.stats());
        for (int i = 0; i < payloads.size(); i++) {
            assertEquals(Tracefs.payload("during reconfiguration " + i, 4), payloads.get(i));
        }
        assertEquals(0, last.counters().errors(), last.counters().toString());
        assertEquals(0, last.counters().dropped(), last.counters().toString());
        assertEquals(List.of(), diagnostics, "no EADDRINUSE or any other refusal");
        System.out.printf(
                "reconfiguration: %d reconfigurations in %.1f s with %d events logged across them, all captured%n",
                reconfigurations, seconds, logged.get());

        context.stop(); // last user: flush, DIAG_IOCSUNREG everything, close the fd
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (Tracefs.statusEventNames().contains("kt_log4j_Reconfig_INFO") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(
                Tracefs.statusEventNames().contains("kt_log4j_Reconfig_INFO"),
                "no registration outlives the context: " + Tracefs.status());
        context.start(); // leave a working context for any later test in this JVM
    }
}
