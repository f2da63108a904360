package dev.userevents.logback;

import static org.junit.jupiter.api.Assertions.*;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import dev.userevents.Level;
import dev.userevents.testing.TracedDevice;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Logback front end's gating on the host, its cores opened over an in-memory device (LogbackCores' seam), with
 * each of the two ways to let tracing turn levels on (turbo filter, level gate): a traced level reaches the device
 * and turns the level on; an untraced one does not; and a List appender beside UserEvents sees exactly what it sees
 * in a context without UserEvents.
 */
class LogbackGatingTest {
    private static final String LOGGER = "app.Service";
    private final TracedDevice device = new TracedDevice();

    @BeforeEach
    void openOnTheDevice() {
        LogbackCores.openWith(device.opener());
    }

    @AfterEach
    void kernelAgain() {
        LogbackCores.openWithKernel();
    }

    /** Root at INFO with a List appender ("console"); with {@code prefix}, also a UserEvents appender and {@code gating}. */
    private static LoggerContext context(
            ListAppender<ILoggingEvent> console, String prefix, Consumer<LoggerContext> gating) {
        LoggerContext context = new LoggerContext();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(ch.qos.logback.classic.Level.INFO);
        console.setContext(context);
        console.start();
        root.addAppender(console);
        if (prefix != null) {
            UserEventsAppender userEvents = new UserEventsAppender();
            userEvents.setContext(context);
            userEvents.setPrefix(prefix);
            userEvents.setMode("SYNC");
            userEvents.start();
            root.addAppender(userEvents);
            gating.accept(context);
        }
        return context;
    }

    private static Consumer<LoggerContext> turboFilter(String prefix) {
        return context -> {
            UserEventsTurboFilter filter = new UserEventsTurboFilter();
            filter.setContext(context);
            filter.setPrefix(prefix);
            filter.start();
            context.addTurboFilter(filter);
        };
    }

    private static Consumer<LoggerContext> levelGate(String prefix) {
        return context -> {
            UserEventsLevelGate gate = new UserEventsLevelGate();
            gate.setContext(context);
            gate.setPrefix(prefix);
            gate.setPollMillis(1);
            gate.start();
            context.addListener(gate);
        };
    }

    private static List<String> lines(ListAppender<ILoggingEvent> appender) {
        return appender.list.stream()
                .map(e -> e.getLevel() + " " + e.getFormattedMessage())
                .collect(Collectors.toList());
    }

    /** Until the level gate's poller has seen the word (an enable takes effect up to pollMillis later). */
    private static void awaitDebug(Logger logger, boolean enabled) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (logger.isDebugEnabled() != enabled) {
            assertTrue(System.nanoTime() < deadline, "the gate never set the level");
            Thread.onSpinWait();
        }
    }

    /** The same calls, with DEBUG traced in the middle (when a tracer exists to do it). */
    private void logTheSequence(Logger logger, Runnable traceDebugOn, Runnable traceDebugOff) {
        logger.debug("debug before");
        logger.info("info before");
        traceDebugOn.run();
        logger.debug("debug traced {}", 1);
        logger.info("info while debug traced");
        traceDebugOff.run();
        logger.debug("debug after");
        logger.warn("warn after");
    }

    @Test
    void withTheTurboFilterATracedLevelIsWrittenAndTurnedOnAnUntracedOneIsNot() {
        LoggerContext context = context(new ListAppender<>(), "turbo_", turboFilter("turbo_"));
        try {
            Logger logger = context.getLogger(LOGGER);
            UserEventsTurboFilter filter =
                    (UserEventsTurboFilter) context.getTurboFilterList().get(0);
            assertTrue(device.opened(), "the Logback pieces opened their cores through the seam");
            assertEquals(
                    FilterReply.NEUTRAL,
                    filter.decide(null, logger, ch.qos.logback.classic.Level.DEBUG, "m", null, null));
            assertFalse(logger.isDebugEnabled(), "untraced: NEUTRAL, the configured INFO decides");
            device.trace(LOGGER, Level.DEBUG, true);
            assertEquals(
                    FilterReply.ACCEPT,
                    filter.decide(null, logger, ch.qos.logback.classic.Level.DEBUG, "m", null, null));
            assertTrue(logger.isDebugEnabled(), "traced: ACCEPT turns DEBUG on");
            assertFalse(logger.isTraceEnabled());
            logger.debug("debug traced");
            logger.info("info untraced");
            device.trace(LOGGER, Level.DEBUG, false);
            logger.debug("debug untraced");
            assertEquals(List.of("DEBUG debug traced"), device.written(), "only the traced level reaches the device");
        } finally {
            context.stop();
        }
    }

    @Test
    void withTheLevelGateATracedLevelIsWrittenAndTurnedOnAnUntracedOneIsNot() {
        LoggerContext context = context(new ListAppender<>(), "gate_", levelGate("gate_"));
        try {
            Logger logger = context.getLogger(LOGGER);
            context.getLogger(LOGGER + "Other")
                    .info("registers nothing new"); // loggers made after start register at creation
            assertFalse(logger.isDebugEnabled());
            device.trace(LOGGER, Level.DEBUG, true);
            awaitDebug(logger, true);
            logger.debug("debug traced");
            logger.trace("trace untraced");
            device.trace(LOGGER, Level.DEBUG, false);
            awaitDebug(logger, false);
            logger.debug("debug untraced");
            assertEquals(List.of("DEBUG debug traced"), device.written());
        } finally {
            context.stop();
        }
    }

    @Test
    void anotherAppenderSeesExactlyWhatItSeesWithoutUserEvents() {
        ListAppender<ILoggingEvent> alone = new ListAppender<>();
        LoggerContext plain = context(alone, null, null);
        logTheSequence(plain.getLogger(LOGGER), () -> {}, () -> {});
        plain.stop();
        assertEquals(List.of("INFO info before", "INFO info while debug traced", "WARN warn after"), lines(alone));

        ListAppender<ILoggingEvent> besideTurbo = new ListAppender<>();
        LoggerContext turbo = context(besideTurbo, "beside_turbo_", turboFilter("beside_turbo_"));
        logTheSequence(
                turbo.getLogger(LOGGER),
                () -> device.trace(LOGGER, Level.DEBUG, true),
                () -> device.trace(LOGGER, Level.DEBUG, false));
        turbo.stop();
        device.forgetOpened(); // closed with the context: the next one opens its own
        assertEquals(
                lines(alone),
                lines(besideTurbo),
                "with the turbo filter, the traced DEBUG line reaches UserEvents only");
        assertEquals(List.of("DEBUG debug traced 1"), device.written());

        ListAppender<ILoggingEvent> besideGate = new ListAppender<>();
        LoggerContext gated = context(besideGate, "beside_gate_", levelGate("beside_gate_"));
        Logger logger = gated.getLogger(LOGGER);
        logTheSequence(
                logger,
                () -> {
                    device.trace(LOGGER, Level.DEBUG, true);
                    awaitDebug(logger, true);
                },
                () -> {
                    device.trace(LOGGER, Level.DEBUG, false);
                    awaitDebug(logger, false);
                });
        gated.stop();
        assertEquals(
                lines(alone), lines(besideGate), "with the level gate, the traced DEBUG line reaches UserEvents only");
        assertEquals(List.of("DEBUG debug traced 1", "DEBUG debug traced 1"), device.written());
    }
}
