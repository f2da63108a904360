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
        for (Level level :
                new Level[] {Level.ERROR, Level.WARN, Level.INFO, Level.DEBUG, Level.TRACE, Level.ALL, Level.OFF}) {
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
        ConfiguredLevelFilter filter =
                new ConfiguredLevelFilter(context, ch.qos.logback.classic.Logger::getEffectiveLevel);
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
        assertTrue(
                context.getStatusManager().getCopyOfStatusList().stream()
                        .anyMatch(s -> s.getMessage().contains("queueFullPolicy=nonsense")),
                "one status line names the bad value");
        appender.stop();
    }

    @Test
    void theCreationHookHearsEveryLoggerAskedForOnceAndKeepsTheExistingOnes() {
        LoggerContext context = new LoggerContext();
        ch.qos.logback.classic.Logger before = context.getLogger("app.Before");
        java.util.List<String> problems = new java.util.ArrayList<>();
        LoggerCreationHook.Cache cache = LoggerCreationHook.install(context, problems::add);
        assertNotNull(cache, problems.toString());
        assertSame(cache, LoggerCreationHook.install(context, problems::add), "installed once per context");
        java.util.List<String> created = new java.util.ArrayList<>();
        java.util.function.Consumer<ch.qos.logback.classic.Logger> listener = logger -> created.add(logger.getName());
        cache.listen(listener);
        assertSame(before, context.getLogger("app.Before"), "the loggers made before the swap are kept");
        assertSame(before, context.exists("app.Before"));
        context.getLogger("app.web.Servlet");
        context.getLogger("app.web.Servlet");
        context.getLogger("app.web"); // made as Servlet's parent: not asked for then, not registered now
        assertEquals(
                java.util.List.of("app.web.Servlet"), created, "each logger asked for, once; not the packages between");
        assertNotNull(context.exists("app.web"));
        cache.listen(logger -> {
            throw new IllegalStateException("a listener that fails");
        });
        assertNotNull(context.getLogger("app.Throws"), "a failing listener never reaches getLogger's caller");
        cache.unlisten(listener);
        context.getLogger("app.After");
        assertFalse(created.contains("app.After"));
        assertTrue(context.getLoggerList().stream().anyMatch(l -> l.getName().equals("app.After")));
        assertEquals(java.util.List.of(), problems);
    }
}
