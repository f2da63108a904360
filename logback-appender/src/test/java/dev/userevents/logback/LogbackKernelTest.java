package dev.userevents.logback;

import static org.junit.jupiter.api.Assertions.*;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import dev.userevents.testing.EventHeaderCapture;
import dev.userevents.testing.KernelTestExtension;
import dev.userevents.testing.Perf;
import dev.userevents.testing.Soak;
import dev.userevents.testing.Tracefs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A real logback.xml (console + UserEvents appender + turbo filter, root at INFO) on the real kernel. */
@Tag("kernel")
class LogbackKernelTest {
    @RegisterExtension
    final KernelTestExtension kernel = new KernelTestExtension();

    private LoggerContext context;

    @BeforeEach
    void configure() throws Exception {
        context = new LoggerContext();
        kernel.closeAfter(context::stop);
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // as SLF4J's binding does
        configure(context);
    }

    private static void configure(LoggerContext context) throws Exception {
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogbackKernelTest.class.getResource("/logback-kernel.xml"));
    }

    /** Loggers that exist when the configuration starts are registered by the turbo filter's sweep. */
    @Test
    void loggersThatExistWhenTheConfigurationStartsAreRegistered() throws Exception {
        context.getLogger("kt.logback.Early");
        context.reset();
        configure(context);
        assertTrue(
                Tracefs.statusEventNames().contains("kt_logback_Early_DEBUG"),
                "registered by the sweep, before any call");
    }

    /**
     * A logger created after the configuration started and not used yet (DispatcherServlet's, made on the first
     * request) has its events at once: an operator who enables it before its first call gets that first line.
     */
    @Test
    void aLoggerCreatedAndNotUsedIsRegisteredAndItsFirstDebugIsCaptured() throws Exception {
        Logger logger = context.getLogger("kt.logback.Created");
        assertTrue(
                Tracefs.statusEventNames().contains("kt_logback_Created_DEBUG"),
                "registered at creation, before any call");
        kernel.enable("kt_logback_Created_DEBUG");
        logger.debug("the first line {}", 1);
        assertEquals(
                List.of(Tracefs.payload("the first line 1", 5)), Tracefs.awaitPayloads("kt_logback_Created_DEBUG", 1));
        assertTrue(
                context.getStatusManager().getCopyOfStatusList().stream()
                        .noneMatch(s -> s.getMessage().contains("first check")),
                "the hook was installed");
    }

    @Test
    void enablingTheDebugEventFlipsIsDebugEnabled() {
        Logger logger = context.getLogger("kt.logback.Gate");
        assertFalse(logger.isDebugEnabled());
        assertTrue(logger.isInfoEnabled(), "root's INFO still decides what tracing has not turned on");
        kernel.enable("kt_logback_Gate_DEBUG");
        assertTrue(logger.isDebugEnabled());
        assertFalse(logger.isTraceEnabled());
        kernel.disable("kt_logback_Gate_DEBUG");
        assertFalse(logger.isDebugEnabled());
    }

    /**
     * The provider stream ({@code eventHeaderProvider} on appender and turbo filter): L5 turns DEBUG on; one call with
     * both streams traced writes one event to each, the provider's with MDC, typed key-values and the thread name.
     */
    @Test
    void theProviderStreamGatesLevelsAndCarriesMdcAndKeyValues() throws Exception {
        Logger logger = context.getLogger("kt.logback.Provider");
        assertFalse(logger.isDebugEnabled());
        kernel.enable("ktLogback_L5K1");
        assertTrue(logger.isDebugEnabled() && logger.isTraceEnabled());
        kernel.disable("ktLogback_L5K1");
        assertFalse(logger.isDebugEnabled());
        kernel.enable("kt_logback_Provider_WARN");
        kernel.closeAfter(context.getMDCAdapter()::clear);
        context.getMDCAdapter().put("tenant", "acme");
        List<EventHeaderCapture.Captured> captured = EventHeaderCapture.record(
                List.of("ktLogback_L3K1"),
                () -> logger.atWarn()
                        .addKeyValue("attempt", 2)
                        .addKeyValue("retry", true)
                        .log("slow disk ü {}", "/var"));
        assertEquals(1, Tracefs.awaitPayloads("kt_logback_Provider_WARN", 1).size());
        assertEquals(1, captured.size(), captured.toString());
        assertEquals("kt.logback.Provider", captured.get(0).event.name);
        java.util.Map<String, Object> fields = captured.get(0).fields();
        assertEquals("slow disk ü /var", fields.get("PartB.body"));
        assertEquals("WARN", fields.get("PartB.severityText"));
        assertEquals(13L, fields.get("PartB.severityNumber"));
        assertEquals("acme", fields.get("PartC.tenant"));
        assertEquals(2L, fields.get("PartC.attempt"));
        assertEquals(true, fields.get("PartC.retry"));
        assertEquals(Thread.currentThread().getName(), fields.get("PartC.thread.name"));
        assertFalse(fields.containsKey("PartC.thread.id"), "Logback records no thread id");
    }

    @Test
    void messagesAndStackTracesDecodeInTrace() throws Exception {
        Logger logger = context.getLogger("kt.logback.Trace");
        assertFalse(logger.isDebugEnabled()); // registered at creation (LoggerCreationHook); not traced yet
        kernel.enable("kt_logback_Trace_DEBUG");
        kernel.enable("kt_logback_Trace_ERROR");
        logger.debug("order {} for {} \u00e9\uD83D\uDE80", 17, "ann");
        logger.error(
                "it broke",
                shortTrace(new IllegalArgumentException("bad input", shortTrace(new IllegalStateException("cause")))));
        List<String> debug = Tracefs.awaitPayloads("kt_logback_Trace_DEBUG", 1);
        Tracefs.awaitPayloads("kt_logback_Trace_ERROR", 1);
        String trace = Tracefs.read(Tracefs.ROOT.resolve("trace"));
        assertEquals(List.of(Tracefs.payload("order 17 for ann \u00e9\uD83D\uDE80", 5)), debug);
        assertTrue(
                trace.contains("kt_logback_Trace_ERROR: msg=it broke\njava.lang.IllegalArgumentException: bad input\n"
                        + "\tat kt.App.handle(App.java:42)\n"),
                trace);
        assertTrue(trace.contains("Caused by: java.lang.IllegalStateException: cause"), trace);
        assertTrue(trace.contains(" level=0x2 (2)\n"), trace);
    }

    /** One frame, so the cause fits within maxMessageBytes (a JUnit stack alone would fill it). */
    private static <T extends Throwable> T shortTrace(T throwable) {
        throwable.setStackTrace(new StackTraceElement[] {new StackTraceElement("kt.App", "handle", "App.java", 42)});
        return throwable;
    }

    @Test
    void perfScriptDecodesLogbackEvents() throws Exception {
        Logger logger = context.getLogger("kt.logback.Perf");
        assertFalse(logger.isDebugEnabled()); // registered at creation; not traced yet
        // DEBUG, below root's INFO: isDebugEnabled() turns true exactly when perf has attached.
        String script = Perf.recordAndScript(List.of("kt_logback_Perf_DEBUG"), logger::isDebugEnabled, () -> {
            for (int i = 0; i < 3; i++) {
                logger.debug("perf line {} \u00e9", i);
            }
            try {
                Thread.sleep(500); // async: let the writer submit before perf stops
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < 3; i++) {
            assertTrue(script.contains("kt_logback_Perf_DEBUG: msg=perf line " + i + " \u00e9 level=5"), script);
        }
    }

    private static void logSequence(Logger logger) {
        logger.trace("trace line");
        logger.debug("debug line {}", 1);
        logger.info("info line {}", 2);
        logger.warn("warn line {}", 3);
    }

    @Test
    void theConsolePrintsTheSameBytesWithAndWithoutKernelTracing() throws Exception {
        Logger logger = context.getLogger("kt.logback.Console");
        assertFalse(logger.isDebugEnabled()); // registered at creation; not traced yet
        PrintStream stdout = System.out;
        ByteArrayOutputStream untraced = new ByteArrayOutputStream();
        ByteArrayOutputStream traced = new ByteArrayOutputStream();
        kernel.closeAfter(() -> System.setOut(stdout));
        System.setOut(new PrintStream(untraced, true, StandardCharsets.UTF_8));
        logSequence(logger);
        kernel.enable("kt_logback_Console_DEBUG");
        kernel.enable("kt_logback_Console_TRACE");
        System.setOut(new PrintStream(traced, true, StandardCharsets.UTF_8));
        logSequence(logger);
        List<String> debug = Tracefs.awaitPayloads("kt_logback_Console_DEBUG", 1);
        assertEquals(List.of(Tracefs.payload("trace line", 6)), Tracefs.awaitPayloads("kt_logback_Console_TRACE", 1));
        System.setOut(stdout);
        assertEquals(List.of(Tracefs.payload("debug line 1", 5)), debug, "the kernel got the traced DEBUG line");
        String expected =
                "INFO [main] kt.logback.Console - info line 2\nWARN [main] kt.logback.Console - warn line 3\n";
        assertEquals(
                expected,
                untraced.toString(StandardCharsets.UTF_8)
                        .replace("[" + Thread.currentThread().getName() + "]", "[main]"));
        assertArrayEquals(
                untraced.toByteArray(),
                traced.toByteArray(),
                "console bytes: " + traced.toString(StandardCharsets.UTF_8));
    }

    /**
     * As {@code scan="true"} does: reset then configure, 40 times in CI ({@link Soak} for more; 100 before
     * 2026-12-02); then the last stop leaves no registration.
     */
    @Test
    void repeatedRescansKeepOneRegistrationSet() throws Exception {
        int rescans = Soak.scaled(40);
        List<String> diagnostics = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.function.Consumer<String> previousSink = dev.userevents.spi.Diagnostics.setSink(diagnostics::add);
        kernel.closeAfter(() -> dev.userevents.spi.Diagnostics.setSink(previousSink));
        Logger logger = context.getLogger("kt.logback.Rescan");
        assertFalse(logger.isDebugEnabled()); // registers; every later configuration's sweep finds it
        for (int i = 0; i < rescans; i++) {
            context.reset();
            configure(context);
        }
        assertTrue(Tracefs.statusEventNames().contains("kt_logback_Rescan_INFO"));
        kernel.enable("kt_logback_Rescan_INFO");
        logger.info("after " + rescans + " rescans");
        assertEquals(
                List.of(Tracefs.payload("after " + rescans + " rescans", 4)),
                Tracefs.awaitPayloads("kt_logback_Rescan_INFO", 1));
        kernel.disable("kt_logback_Rescan_INFO"); // now: the deletion awaited below needs it off
        dev.userevents.spi.Diagnostics.setSink(previousSink);
        assertEquals(List.of(), diagnostics, "no EADDRINUSE or any other refusal");
        context.stop(); // the last users: flush, DIAG_IOCSUNREG everything
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (Tracefs.statusEventNames().contains("kt_logback_Rescan_INFO") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(
                Tracefs.statusEventNames().contains("kt_logback_Rescan_INFO"),
                "no registration of the " + rescans + " earlier configurations outlives the context: "
                        + Tracefs.status());
    }
}
