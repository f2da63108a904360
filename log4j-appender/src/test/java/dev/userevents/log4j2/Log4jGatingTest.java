package dev.userevents.log4j2;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.Level;
import java.util.List;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Log4j2 front end's gating on the host, its core opened over an in-memory device (UserEventsManager's seam):
 * a traced level reaches the device and turns the level on; an untraced one does not; the filter answers onMatch and
 * onMismatch; and an appender beside UserEvents sees exactly what it sees in a configuration without UserEvents.
 */
class Log4jGatingTest {
    private static final String LOGGER = "app.Service";

    @RegisterExtension
    final Log4jDevice device = new Log4jDevice();

    private static String withUserEvents(String prefix, String onMismatch) {
        return "<Configuration status=\"OFF\"><UserEventsFilter prefix=\"" + prefix + "\" onMismatch=\"" + onMismatch
                + "\"/>"
                + "<Appenders><UserEvents name=\"ue\" prefix=\"" + prefix + "\" mode=\"SYNC\"/></Appenders>"
                + "<Loggers><Root level=\"info\"><AppenderRef ref=\"ue\"/></Root></Loggers></Configuration>";
    }

    private static final String WITHOUT_USER_EVENTS =
            "<Configuration status=\"OFF\"><Appenders/>" + "<Loggers><Root level=\"info\"/></Loggers></Configuration>";

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
    void aTracedLevelIsWrittenAndTurnedOnAnUntracedOneIsNot() throws Exception {
        Log4jDevice.Capture capture = new Log4jDevice.Capture();
        LoggerContext context = Log4jDevice.start("gating", withUserEvents("gate_", "NEUTRAL"), capture);
        try {
            Logger logger = context.getLogger(LOGGER);
            assertTrue(device.opened(), "the managers opened their cores through the seam");
            assertFalse(logger.isDebugEnabled(), "untraced: the configured INFO decides (onMismatch NEUTRAL)");
            device.trace(LOGGER, Level.DEBUG, true);
            assertTrue(logger.isDebugEnabled(), "traced: the filter's onMatch (ACCEPT) turns DEBUG on");
            assertFalse(logger.isTraceEnabled());
            device.trace(LOGGER, Level.DEBUG, false);

            logTheSequence(
                    logger,
                    () -> device.trace(LOGGER, Level.DEBUG, true),
                    () -> device.trace(LOGGER, Level.DEBUG, false));
            assertEquals(List.of("DEBUG debug traced 1"), device.written(), "only the traced level reaches the device");
            device.trace(LOGGER, Level.INFO, true);
            logger.info("info traced");
            logger.debug("debug untraced");
            assertEquals(List.of("DEBUG debug traced 1", "INFO info traced"), device.written());
        } finally {
            context.stop();
        }
    }

    @Test
    void theFilterAnswersOnMatchWhenTracedAndOnMismatchOtherwise() throws Exception {
        Log4jDevice.Capture capture = new Log4jDevice.Capture();
        LoggerContext context = Log4jDevice.start("answers", withUserEvents("answer_", "DENY"), capture);
        try {
            UserEventsFilter filter =
                    (UserEventsFilter) context.getConfiguration().getFilter();
            org.apache.logging.log4j.core.Logger logger = context.getLogger(LOGGER);
            assertEquals(
                    Filter.Result.DENY,
                    filter.filter(logger, org.apache.logging.log4j.Level.ERROR, null, "m", (Object) null));
            assertFalse(logger.isErrorEnabled(), "onMismatch DENY: untraced is off whatever Root says");
            device.trace(LOGGER, Level.ERROR, true);
            assertEquals(
                    Filter.Result.ACCEPT,
                    filter.filter(logger, org.apache.logging.log4j.Level.ERROR, null, "m", (Object) null));
            assertTrue(logger.isErrorEnabled());
            logger.error("traced error");
            logger.warn("untraced warn");
            assertEquals(List.of("ERROR traced error"), device.written());
            assertEquals(
                    List.of("ERROR traced error"),
                    capture.lines,
                    "the configured level lets ERROR through to the other appender");
        } finally {
            context.stop();
        }
    }

    @Test
    void anotherAppenderSeesExactlyWhatItSeesWithoutUserEvents() throws Exception {
        Log4jDevice.Capture alone = new Log4jDevice.Capture();
        LoggerContext plain = Log4jDevice.start("plain", WITHOUT_USER_EVENTS, alone);
        try {
            logTheSequence(plain.getLogger(LOGGER), () -> {}, () -> {});
        } finally {
            plain.stop();
        }
        Log4jDevice.Capture beside = new Log4jDevice.Capture();
        LoggerContext traced = Log4jDevice.start("beside", withUserEvents("beside_", "NEUTRAL"), beside);
        try {
            logTheSequence(
                    traced.getLogger(LOGGER),
                    () -> device.trace(LOGGER, Level.DEBUG, true),
                    () -> device.trace(LOGGER, Level.DEBUG, false));
        } finally {
            traced.stop();
        }
        assertEquals(List.of("INFO info before", "INFO info while debug traced", "WARN warn after"), alone.lines);
        assertEquals(alone.lines, beside.lines, "the traced DEBUG line reaches UserEvents only");
        assertEquals(List.of("DEBUG debug traced 1"), device.written());
    }
}
