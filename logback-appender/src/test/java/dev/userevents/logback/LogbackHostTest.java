package dev.userevents.logback;

import static org.junit.jupiter.api.Assertions.*;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

/** Pure logic of the Logback front end, on the host (no user_events here: the kernel tests cover writing). */
class LogbackHostTest {
    @Test
    void levelsMapByTheirInt() {
        assertEquals(dev.userevents.Level.ERROR, LogbackLevels.toCore(Level.ERROR));
        assertEquals(dev.userevents.Level.WARN, LogbackLevels.toCore(Level.WARN));
        assertEquals(dev.userevents.Level.INFO, LogbackLevels.toCore(Level.INFO));
        assertEquals(dev.userevents.Level.DEBUG, LogbackLevels.toCore(Level.DEBUG));
        assertEquals(dev.userevents.Level.TRACE, LogbackLevels.toCore(Level.TRACE));
        assertEquals(dev.userevents.Level.TRACE, LogbackLevels.toCore(Level.ALL));
    }

    @Test
    void theTurboFilterMaskIsTheMappedLevelsMask() {
        for (Level level : new Level[] {Level.ERROR, Level.WARN, Level.INFO, Level.DEBUG, Level.TRACE, Level.ALL, Level.OFF}) {
            assertEquals(LogbackLevels.toCore(level).enableMask, LogbackLevels.enableMask(level), level.toString());
        }
    }

    @Test
    void aTurboFilterThatIsNotStartedIsNeutral() {
        LoggerContext context = new LoggerContext();
        UserEventsTurboFilter filter = new UserEventsTurboFilter();
        filter.setContext(context);
        assertEquals(FilterReply.NEUTRAL, filter.decide(null, context.getLogger("x"), Level.DEBUG, "m", null, null));
    }

    @Test
    void theConfiguredLevelFilterDropsOnlyWhatTheLoggerLevelWouldDrop() {
        LoggerContext context = new LoggerContext();
        context.getLogger("app").setLevel(Level.WARN);
        ConfiguredLevelFilter filter = new ConfiguredLevelFilter(context);
        ch.qos.logback.classic.spi.LoggingEvent debug = new ch.qos.logback.classic.spi.LoggingEvent(
                "fqcn", context.getLogger("app.Server"), Level.DEBUG, "m", null, null);
        ch.qos.logback.classic.spi.LoggingEvent error = new ch.qos.logback.classic.spi.LoggingEvent(
                "fqcn", context.getLogger("app.Server"), Level.ERROR, "m", null, null);
        assertEquals(FilterReply.DENY, filter.decide(debug));
        assertEquals(FilterReply.NEUTRAL, filter.decide(error));
    }

    @Test
    void withoutUserEventsTheAppenderStartsAndWritesNothingWithoutThrowing() {
        LoggerContext context = new LoggerContext();
        UserEventsAppender appender = new UserEventsAppender();
        appender.setContext(context);
        appender.setDataFile("/nonexistent/user_events_data");
        appender.setMode("sync");
        appender.setQueueFullPolicy("nonsense");
        appender.start();
        assertTrue(appender.isStarted());
        assertFalse(appender.isAvailable());
        ch.qos.logback.classic.Logger logger = context.getLogger("host.Logger");
        logger.addAppender(appender);
        logger.error("nowhere", new RuntimeException("x"));
        assertEquals(0, appender.counters().written());
        assertTrue(context.getStatusManager().getCopyOfStatusList().stream()
                .anyMatch(s -> s.getMessage().contains("queueFullPolicy=nonsense")), "one status line names the bad value");
        appender.stop();
    }
}
