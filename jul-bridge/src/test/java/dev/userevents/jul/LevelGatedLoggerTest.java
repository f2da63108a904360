package dev.userevents.jul;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.Level;
import dev.userevents.Mode;
import dev.userevents.UserEvents;
import dev.userevents.UserEventsConfig;
import dev.userevents.testing.InMemoryDevice;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code userevents.jul.gate=levels} on the host: the gate's pass ({@link JulLevelGate#update}, run by hand here,
 * by its thread in the application) sets and restores JUL levels from the enable words an in-memory device holds.
 */
class LevelGatedLoggerTest {
    private final InMemoryDevice device = new InMemoryDevice();
    private final UserEvents core = UserEvents.open(
            UserEventsConfig.builder().mode(Mode.SYNC).shutdownHook(false).build(), device);
    private final RecordingHandler handler = new RecordingHandler();
    private final JulLevelGate gate = new JulLevelGate(0); // no thread: the test runs each pass

    @AfterEach
    void close() {
        core.close();
    }

    private LevelGatedLogger logger(String name) {
        LevelGatedLogger logger = new LevelGatedLogger(name, gate);
        logger.setParent(java.util.logging.Logger.getLogger(""));
        logger.attach(core);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        return logger;
    }

    private void trace(LevelGatedLogger logger, Level level, boolean on) {
        device.setEnabled(core.logger(logger.getName()), level, on);
        gate.update(logger, logger.word().read());
    }

    @Test
    void aTracedFinerLevelIsSetWhileTracedAndTheConfiguredOneComesBack() {
        LevelGatedLogger logger = logger("t.jgate.Service");
        logger.setLevel(java.util.logging.Level.INFO);
        assertFalse(logger.isLoggable(java.util.logging.Level.FINE));
        trace(logger, Level.DEBUG, true);
        assertEquals(java.util.logging.Level.FINE, logger.getLevel());
        assertTrue(
                logger.isLoggable(java.util.logging.Level.FINE) && logger.isLoggable(java.util.logging.Level.CONFIG));
        assertFalse(logger.isLoggable(java.util.logging.Level.FINER), "FINER is TRACE: its own event");
        assertFalse(gate.configuredAllows(logger, java.util.logging.Level.FINE), "configured: INFO");
        logger.fine("traced");
        logger.info("configured");
        assertEquals(
                List.of("5 traced"),
                device.records().stream().map(r -> r.level + " " + r.message).collect(Collectors.toList()));
        assertEquals(
                List.of("INFO configured"), handler.messages(), "the handler never sees what only tracing allowed");
        trace(logger, Level.TRACE, true);
        assertEquals(java.util.logging.Level.FINEST, logger.getLevel(), "the finest traced level");
        trace(logger, Level.TRACE, false);
        trace(logger, Level.DEBUG, false);
        assertEquals(java.util.logging.Level.INFO, logger.getLevel(), "the configured level again");
        assertFalse(logger.isLoggable(java.util.logging.Level.FINE));
    }

    @Test
    void anInheritedLevelComesBackAsInheritedAndALevelSetMeanwhileStays() {
        LevelGatedLogger logger = logger("t.jgate.Inherits");
        trace(logger, Level.DEBUG, true);
        assertEquals(java.util.logging.Level.FINE, logger.getLevel());
        assertEquals(java.util.logging.Logger.getLogger("").getLevel(), gate.configuredEffective(logger));
        trace(logger, Level.DEBUG, false);
        assertNull(logger.getLevel(), "inherited again");
        trace(logger, Level.DEBUG, true);
        logger.setLevel(java.util.logging.Level.WARNING); // an operator, through JMX
        trace(logger, Level.DEBUG, false);
        assertEquals(java.util.logging.Level.WARNING, logger.getLevel());
    }

    @Test
    void aLevelAlreadyOnChangesNothing() {
        LevelGatedLogger logger = logger("t.jgate.Info");
        logger.setLevel(java.util.logging.Level.INFO);
        trace(logger, Level.WARN, true);
        assertEquals(java.util.logging.Level.INFO, logger.getLevel());
    }
}
