package dev.userevents.jul;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.Level;
import dev.userevents.Mode;
import dev.userevents.UserEvents;
import dev.userevents.UserEventsConfig;
import dev.userevents.spi.CapturedDiagnostics;
import dev.userevents.testing.InMemoryDevice;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.ConsoleHandler;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The LogManager's logger over an in-process device double (the LogManager's wiring: {@code LogManagerTest}; the
 * kernel: {@code JulKernelTest}): gating, where records go, and JUL's handlers left as they are.
 */
class UserEventsLoggerTest {
    @RegisterExtension
    final CapturedDiagnostics diagnostics = new CapturedDiagnostics();

    private final InMemoryDevice device = new InMemoryDevice();
    private final UserEvents core = UserEvents.open(
            UserEventsConfig.builder()
                    .mode(Mode.SYNC)
                    .shutdownHook(false)
                    .eventHeaderProvider("ktJul")
                    .build(),
            device);
    private final RecordingHandler handler = new RecordingHandler();

    @AfterEach
    void close() {
        core.close();
    }

    /** A logger as the LogManager makes it, at INFO, whose handlers are {@link #handler} alone. */
    private UserEventsLogger logger(String name) {
        UserEventsLogger logger = new UserEventsLogger(name);
        logger.attach(core);
        logger.setLevel(java.util.logging.Level.INFO);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        return logger;
    }

    private void trace(String name, Level level, boolean on) {
        device.setEnabled(core.logger(name), level, on);
    }

    private List<String> kernel() {
        return device.records().stream().map(r -> r.level + " " + r.message).collect(Collectors.toList());
    }

    @Test
    void isLoggableIsTheConfiguredLevelOrTheTracedEvent() {
        UserEventsLogger logger = logger("t.gate");
        assertTrue(logger.isLoggable(java.util.logging.Level.INFO));
        assertFalse(logger.isLoggable(java.util.logging.Level.FINE));
        trace("t.gate", Level.DEBUG, true);
        assertTrue(logger.isLoggable(java.util.logging.Level.FINE));
        assertTrue(logger.isLoggable(java.util.logging.Level.CONFIG), "CONFIG is DEBUG too");
        assertFalse(logger.isLoggable(java.util.logging.Level.FINER), "FINER is TRACE: its own event");
        assertTrue(logger.isLoggable(System.Logger.Level.DEBUG), "System.Logger's DEBUG is FINE");
        trace("t.gate", Level.DEBUG, false);
        assertFalse(logger.isLoggable(java.util.logging.Level.FINE));
        assertFalse(logger.isLoggable(System.Logger.Level.DEBUG));
    }

    @Test
    void aLineOnlyTracingLetsThroughGoesToTheKernelAndNoHandler() {
        UserEventsLogger logger = logger("t.only");
        logger.fine("not traced yet");
        trace("t.only", Level.DEBUG, true);
        logger.fine("traced");
        logger.log(java.util.logging.Level.FINE, "with {0}", 42);
        trace("t.only", Level.DEBUG, false);
        logger.fine("not traced any more");
        assertEquals(List.of("5 traced", "5 with 42"), kernel());
        assertEquals(List.of(), handler.messages(), "the console never sees what only tracing allowed");
    }

    @Test
    void aConfiguredLineGoesToTheHandlersAlwaysAndToTheKernelWhileTraced() {
        UserEventsLogger logger = logger("t.both");
        logger.info("untraced");
        trace("t.both", Level.INFO, true);
        logger.info("traced");
        assertEquals(List.of("4 traced"), kernel());
        assertEquals(List.of("INFO untraced", "INFO traced"), handler.messages());
    }

    @Test
    void theLoggersFilterIsAskedOnceAndDecidesForBoth() {
        UserEventsLogger logger = logger("t.filter");
        AtomicInteger asked = new AtomicInteger();
        logger.setFilter(
                record -> asked.incrementAndGet() > 0 && !record.getMessage().startsWith("drop"));
        trace("t.filter", Level.INFO, true);
        trace("t.filter", Level.DEBUG, true);
        logger.info("keep info");
        logger.info("drop info");
        logger.fine("keep fine");
        logger.fine("drop fine");
        assertEquals(4, asked.get(), "once per record, traced and configured included");
        assertEquals(List.of("4 keep info", "5 keep fine"), kernel());
        assertEquals(List.of("INFO keep info"), handler.messages());
    }

    @Test
    void withUserEventsHandlerInTheChainAConfiguredLineIsWrittenOnce() {
        UserEventsLogger logger = logger("t.once");
        UserEventsHandler userEventsHandler = new UserEventsHandler() {
            @Override
            public void publish(LogRecord record) {
                handler.publish(record); // count what reaches it instead of writing through JulCore's core
            }
        };
        logger.addHandler(userEventsHandler);
        trace("t.once", Level.INFO, true);
        trace("t.once", Level.DEBUG, true);
        logger.info("configured");
        logger.fine("traced only");
        assertEquals(List.of("5 traced only"), kernel(), "the configured line is the handler's to write");
        assertEquals(List.of("INFO configured", "INFO configured"), handler.messages(), "both handlers got it once");
    }

    @Test
    void throwablesParametersAndBundlesReachTheKernelFormatted() {
        UserEventsLogger logger = logger("t.format");
        trace("t.format", Level.ERROR, true);
        trace("t.format", Level.INFO, true);
        logger.log(java.util.logging.Level.SEVERE, "failed {0}", new Object[] {"x"});
        IllegalStateException thrown = new IllegalStateException("bad", new RuntimeException("cause"));
        thrown.setStackTrace(new StackTraceElement[] {new StackTraceElement("app.Orders", "place", "Orders.java", 42)});
        thrown.getCause()
                .setStackTrace(new StackTraceElement[] {new StackTraceElement("app.Db", "save", "Db.java", 7)});
        logger.log(java.util.logging.Level.SEVERE, "boom", thrown);
        logger.logrb(java.util.logging.Level.INFO, new dev.userevents.jul.app.Messages(), "greeting", "ann", 3);
        List<InMemoryDevice.Record> records = device.records();
        assertEquals("failed x", records.get(0).message);
        assertEquals(
                "boom\njava.lang.IllegalStateException: bad\n\tat app.Orders.place(Orders.java:42)\n"
                        + "Caused by: java.lang.RuntimeException: cause\n\tat app.Db.save(Db.java:7)",
                records.get(1).message);
        assertEquals("Hello ann, you have 3 messages", records.get(2).message);
    }

    @Test
    void badInputIsBoundedAndNeverThrowsIntoTheCaller() {
        UserEventsLogger logger = logger("t.bad");
        trace("t.bad", Level.INFO, true);
        trace("t.bad", Level.DEBUG, true);
        logger.logrb(java.util.logging.Level.FINE, new dev.userevents.jul.app.ThrowingBundle(), "key", "x");
        logger.fine((String) null);
        logger.log(java.util.logging.Level.FINE, "big {0}", "y".repeat(1 << 20));
        List<InMemoryDevice.Record> records = device.records();
        assertEquals(List.of("key", "null"), List.of(records.get(0).message, records.get(1).message));
        assertTrue(
                records.get(2).message.endsWith("...[truncated]"),
                records.get(2).message.substring(0, 40));
        assertTrue(records.get(2).message.getBytes(StandardCharsets.UTF_8).length
                <= core.config().maxMessageBytes());
        assertEquals(1, diagnostics.lines().size(), "one diagnostic, for the bundle: " + diagnostics.lines());
        assertEquals(List.of(), handler.messages());
    }

    @Test
    void bothStreamsWhileTheProvidersTracepointIsTraced() {
        UserEventsLogger logger = logger("t.provider");
        device.setEnabled(
                core.logger("t.provider").enableWordAddress(),
                Integer.numberOfTrailingZeros(Level.DEBUG.providerMask),
                true);
        logger.fine("to the provider");
        assertEquals(List.of(), kernel(), "the per-logger DEBUG event is not traced");
        assertEquals(1, device.eventHeaderWrites().size());
        assertEquals("ktJul_L5K1", device.eventHeaderWrites().get(0).getKey());
    }

    @Test
    void systemLoggerCallsTakeTheSamePath() {
        UserEventsLogger logger = logger("t.system");
        trace("t.system", Level.DEBUG, true);
        System.Logger system = logger;
        system.log(System.Logger.Level.DEBUG, "sys {0}", 7);
        system.log(System.Logger.Level.DEBUG, () -> "supplied");
        system.log(System.Logger.Level.TRACE, "trace is not traced");
        assertEquals(List.of("5 sys 7", "5 supplied"), kernel());
        assertEquals(List.of(), handler.messages());
    }

    /**
     * A real {@link ConsoleHandler} at ALL under a logger at INFO (the common set-up) with a format that prints the
     * source, which JUL infers from the stack: the same bytes with DEBUG, INFO and TRACE traced as without.
     */
    @Test
    void aConsoleHandlerPrintsTheSameBytesWithAndWithoutTracing() {
        String[] printed = new String[2];
        for (int run = 0; run < 2; run++) { // one call site: the printed stack trace names this line both times
            printed[run] = console("t.console", run == 1);
        }
        String untraced = printed[0];
        String traced = printed[1];
        assertTrue(
                untraced.startsWith("INFO t.console dev.userevents.jul.UserEventsLoggerTest console started\n"),
                "the source is the calling method, not the logger: " + untraced);
        assertTrue(untraced.contains("java.lang.IllegalStateException: shown"), untraced);
        assertEquals(untraced, traced);
        assertEquals(5, device.records().size(), "the traced run wrote its lines to the kernel: " + kernel());
    }

    private String console(String name, boolean traced) {
        String format = "java.util.logging.SimpleFormatter.format";
        String previousFormat = System.setProperty(format, "%4$s %3$s %2$s %5$s%6$s%n");
        PrintStream previousErr = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            ConsoleHandler console = new ConsoleHandler(); // binds System.err now
            console.setLevel(java.util.logging.Level.ALL);
            UserEventsLogger logger = logger(name);
            logger.removeHandler(handler);
            logger.addHandler(console);
            for (Level level : new Level[] {Level.TRACE, Level.DEBUG, Level.INFO}) {
                trace(name, level, traced);
            }
            logger.info("started");
            logger.fine("detail");
            logger.finest("noise");
            logger.log(java.util.logging.Level.INFO, "with {0}", "param");
            logger.log(java.util.logging.Level.WARNING, "warned", new IllegalStateException("shown"));
            logger.config("configured");
            console.flush();
        } finally {
            System.setErr(previousErr);
            if (previousFormat == null) {
                System.clearProperty(format);
            } else {
                System.setProperty(format, previousFormat);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
