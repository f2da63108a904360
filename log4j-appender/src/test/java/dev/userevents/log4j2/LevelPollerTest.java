package dev.userevents.log4j2;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.Level;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code <UserEventsFilter gate="levels"/>} nested in the UserEvents appender, on the host over an in-memory device:
 * no configuration-level filter is asked, a traced level sets that logger's level (not its children's) within a few
 * polls, untracing puts the configured level back, a logger created later is found, a reconfiguration (or {@code updateLoggers()}) keeps a
 * traced level on, and the other appenders see what they see untraced.
 */
class LevelPollerTest {
    private static final String LOGGER = "app.Service";

    @RegisterExtension
    final Log4jDevice device = new Log4jDevice();

    private static final String GATED = "<Configuration status=\"OFF\"><Appenders>"
            + "<UserEvents name=\"ue\" prefix=\"lp_\" mode=\"SYNC\">"
            + "<UserEventsFilter prefix=\"lp_\" gate=\"levels\" pollMillis=\"1\"/></UserEvents></Appenders>"
            + "<Loggers><Root level=\"info\"><AppenderRef ref=\"ue\"/></Root></Loggers></Configuration>";

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "within 10 s: " + what);
            Thread.sleep(1);
        }
    }

    private static long pollerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("userevents-log4j2-levels"))
                .count();
    }

    @Test
    void aTracedLevelSetsThatLoggersLevelAndUntracingPutsTheConfiguredOneBack() throws Exception {
        Log4jDevice.Capture capture = new Log4jDevice.Capture();
        LoggerContext context = Log4jDevice.start("levels", GATED, capture);
        try {
            assertNull(context.getConfiguration().getFilter(), "no configuration-level filter: stock checks");
            Logger logger = context.getLogger(LOGGER);
            Logger child = context.getLogger(LOGGER + ".Child");
            assertFalse(logger.isDebugEnabled());
            logger.debug("untraced");

            device.trace(LOGGER, Level.DEBUG, true);
            await(logger::isDebugEnabled, "the poller sets DEBUG on the traced logger");
            assertEquals(org.apache.logging.log4j.Level.DEBUG, logger.getLevel());
            assertFalse(logger.isTraceEnabled());
            assertFalse(child.isDebugEnabled(), "a child keeps its own level");
            logger.debug("traced {}", 1);
            logger.info("info");

            device.trace(LOGGER, Level.DEBUG, false);
            await(() -> !logger.isDebugEnabled(), "untraced: the configured INFO again");
            assertEquals(org.apache.logging.log4j.Level.INFO, logger.getLevel());
            logger.debug("after");

            assertEquals(List.of("DEBUG traced 1"), device.written(), "only the traced line reaches the device");
            assertEquals(List.of("INFO info"), capture.lines, "the other appender prints what it prints untraced");
        } finally {
            context.stop();
        }
        assertEquals(0, pollerThreads(), "the context's stop ends the poller");
    }

    @Test
    void aLoggerCreatedLaterIsFoundAndATracedLevelSurvivesAReconfiguration() throws Exception {
        LoggerContext context = Log4jDevice.start("levels-late", GATED, new Log4jDevice.Capture());
        try {
            Logger late = context.getLogger("app.Late");
            device.trace("app.Late", Level.TRACE, true);
            await(late::isTraceEnabled, "a logger made after the start is found by a pass");
            context.updateLoggers(); // what Configurator.setLevel on any logger does: every level from the config
            await(late::isTraceEnabled, "the next pass sets TRACE again");

            context.setConfiguration(Log4jDevice.configuration(context, GATED, new Log4jDevice.Capture()));
            await(late::isTraceEnabled, "the new configuration's poller sets TRACE again");
            assertEquals(1, pollerThreads(), "the old configuration's poller ended");
            assertNotNull(late.get().getAppenders().get("ue"), "the logger runs the new configuration");
            assertSame(context.getConfiguration().getLoggerConfig("app.Late"), late.get());

            device.trace("app.Late", Level.TRACE, false);
            await(() -> !late.isDebugEnabled(), "untraced after the reconfiguration: INFO again");
        } finally {
            context.stop();
        }
    }
}
