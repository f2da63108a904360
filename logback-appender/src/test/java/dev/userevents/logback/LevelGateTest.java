package dev.userevents.logback;

import static org.junit.jupiter.api.Assertions.*;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

/** UserEventsLevelGate's level logic on the host, with enable words given by the test (the kernel tests write them). */
class LevelGateTest {
    private static final int DEBUG_TRACED = dev.userevents.Level.DEBUG.tracepointMask;
    private static final int TRACE_TRACED = dev.userevents.Level.TRACE.tracepointMask;

    @Test
    void aTracedLevelBelowTheConfiguredOneIsSetAndPutBackAndOtherAppendersKeepTheConfiguredLevels() {
        LoggerContext context = new LoggerContext();
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        ListAppender<ILoggingEvent> console = new ListAppender<>();
        console.setContext(context);
        console.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(console);
        Logger service = context.getLogger("app.Service");
        Logger inner = context.getLogger("app.Service$Inner");
        UserEventsLevelGate gate = new UserEventsLevelGate();
        gate.setContext(context);

        gate.update(context, service, DEBUG_TRACED);
        assertTrue(service.isDebugEnabled(), "DEBUG traced: the logger's own level is DEBUG");
        assertFalse(service.isTraceEnabled());
        assertEquals(Level.DEBUG, service.getLevel());
        assertEquals(Level.INFO, gate.configuredEffective(context, service), "configured: inherited INFO");
        assertEquals(
                Level.INFO,
                gate.configuredEffective(context, inner),
                "the gate's level is not the child's configuration");
        LoggingEvent debug = new LoggingEvent("fqcn", service, Level.DEBUG, "traced only", null, null);
        assertEquals(FilterReply.DENY, console.getFilterChainDecision(debug), "the console keeps INFO");
        LoggingEvent info = new LoggingEvent("fqcn", service, Level.INFO, "configured", null, null);
        assertEquals(FilterReply.NEUTRAL, console.getFilterChainDecision(info));

        gate.update(context, service, TRACE_TRACED | DEBUG_TRACED);
        assertEquals(Level.TRACE, service.getLevel(), "the finest traced level");
        gate.update(context, service, 0);
        assertNull(service.getLevel(), "tracing off: the configured (inherited) level again");
        assertFalse(service.isDebugEnabled());
    }

    @Test
    void aLevelSomeoneElseSetWhileTracedIsKeptAndALevelAtOrAboveTheConfiguredOneChangesNothing() {
        LoggerContext context = new LoggerContext();
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        Logger service = context.getLogger("app.Service");
        UserEventsLevelGate gate = new UserEventsLevelGate();
        gate.setContext(context);
        gate.update(context, service, dev.userevents.Level.WARN.tracepointMask);
        assertNull(service.getLevel(), "WARN is already on at INFO");
        gate.update(context, service, DEBUG_TRACED);
        service.setLevel(Level.WARN); // an operator, through Spring Boot's actuator
        gate.update(context, service, 0);
        assertEquals(Level.WARN, service.getLevel());
    }
}
