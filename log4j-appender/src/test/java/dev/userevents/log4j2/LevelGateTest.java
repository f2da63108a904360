package dev.userevents.log4j2;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.EnableWord;
import dev.userevents.LoggerEvents;
import dev.userevents.Mode;
import dev.userevents.UserEvents;
import dev.userevents.UserEventsConfig;
import dev.userevents.testing.InMemoryDevice;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The selector's loggers answer isEnabled without Log4j's filter dispatch: the same answer as UserEventsFilter then
 * the configured level, from a word an in-process device sets as the kernel would. The kernel's own part (an
 * operator enabling the event) is Log4jLifeKernelTest's.
 */
class LevelGateTest {
    /** Between INFO (400) and DEBUG (500): its nearest standard level is DEBUG. */
    private static final Level CUSTOM_BELOW_INFO = Level.forName("GATE_DETAIL", 480);

    @Test
    void theWordsBitAcceptsAndTheConfiguredLevelDecidesOnNeutral() throws Exception {
        InMemoryDevice device = new InMemoryDevice();
        UserEvents core = UserEvents.open(
                UserEventsConfig.builder().mode(Mode.SYNC).shutdownHook(false).build(), device);
        LoggerContext neutral = context("<UserEventsFilter onMismatch=\"NEUTRAL\"/>");
        LoggerContext deny = context("<UserEventsFilter onMismatch=\"DENY\"/>");
        try {
            LoggerEvents events = core.logger("gate.t");
            EnableWord word = events.word();
            Configuration configuration = neutral.getConfiguration();
            UserEventsFilter filter = (UserEventsFilter) configuration.getFilter();
            LevelGate gate = LevelGate.of(configuration, Level.INFO, filter.manager());
            assertEquals(LevelGate.NO, gate.answer(word, Level.DEBUG), "below INFO, not traced");
            assertEquals(LevelGate.YES, gate.answer(word, Level.WARN), "the configured level");
            assertEquals(LevelGate.NO, gate.answer(word, CUSTOM_BELOW_INFO), "a custom level: Log4j's intLevel test");
            device.setEnabled(events, dev.userevents.Level.DEBUG, true);
            assertEquals(LevelGate.YES, gate.answer(word, Level.DEBUG), "traced: onMatch ACCEPT");
            assertEquals(LevelGate.NO, gate.answer(word, Level.TRACE), "only DEBUG is traced");
            assertEquals(LevelGate.YES, gate.answer(word, CUSTOM_BELOW_INFO), "its nearest standard level is traced");
            assertEquals(LevelGate.ASK, gate.answer(word, null));

            Configuration denying = deny.getConfiguration();
            LevelGate tracingOnly =
                    LevelGate.of(denying, Level.INFO, ((UserEventsFilter) denying.getFilter()).manager());
            assertEquals(LevelGate.NO, tracingOnly.answer(word, Level.ERROR), "onMismatch DENY: tracing only");
            assertEquals(LevelGate.YES, tracingOnly.answer(word, Level.DEBUG));

            configuration.addFilter(org.apache.logging.log4j.core.filter.ThresholdFilter.createFilter(
                    Level.TRACE, Filter.Result.NEUTRAL, Filter.Result.NEUTRAL)); // now a composite: Log4j must ask both
            assertEquals(
                    LevelGate.ASK,
                    LevelGate.of(configuration, Level.INFO, filter.manager()).answer(word, Level.DEBUG),
                    "the gate read at the next updateLoggers()");
        } finally {
            neutral.stop();
            deny.stop();
            core.close();
        }
    }

    @Test
    void aFilterOfAnotherManagerOrNoneLeavesTheAnswerToLog4j() throws Exception {
        LoggerContext context = context("<UserEventsFilter/>");
        try {
            Configuration configuration = context.getConfiguration();
            UserEventsFilter other =
                    UserEventsFilter.newBuilder().setPrefix("other_").build();
            assertFalse(LevelGate.of(configuration, Level.INFO, other.manager()).answersAlone());
            assertFalse(LevelGate.of(null, Level.INFO, other.manager()).answersAlone());
            assertTrue(LevelGate.of(configuration, Level.INFO, ((UserEventsFilter) configuration.getFilter()).manager())
                    .answersAlone());
        } finally {
            context.stop();
        }
    }

    @Test
    void aSelectorLoggerFollowsSetLevelAndAnswersAsLog4jWithACompositeFilter() throws Exception {
        LoggerContext alone = context("<UserEventsFilter onMismatch=\"NEUTRAL\"/>");
        LoggerContext composite = context("<Filters><UserEventsFilter onMismatch=\"NEUTRAL\"/>"
                + "<ThresholdFilter level=\"TRACE\" onMatch=\"NEUTRAL\" onMismatch=\"NEUTRAL\"/></Filters>");
        try {
            RegisteredLogger logger = assertInstanceOf(RegisteredLogger.class, alone.getLogger("gate.selector"));
            assertTrue(logger.gateAnswersAlone());
            assertFalse(logger.isDebugEnabled());
            assertTrue(logger.isInfoEnabled());
            logger.setLevel(Level.DEBUG); // a new PrivateConfig: the gate is read again
            assertTrue(logger.isDebugEnabled());
            assertFalse(logger.isTraceEnabled());
            logger.setLevel(Level.ERROR);
            assertFalse(logger.isWarnEnabled());
            assertFalse(logger.isEnabled(Level.WARN, null, "x {}", 1));
            assertTrue(logger.isEnabled(Level.ERROR, null, "x {}", 1, 2));

            RegisteredLogger asking = assertInstanceOf(RegisteredLogger.class, composite.getLogger("gate.composite"));
            assertFalse(asking.gateAnswersAlone(), "two global filters: Log4j's dispatch asks both");
            assertFalse(asking.isDebugEnabled());
            assertTrue(asking.isInfoEnabled());

            composite.getConfiguration().getLoggerConfig("").setLevel(Level.WARN);
            composite.updateLoggers();
            assertFalse(asking.isInfoEnabled(), "Log4j's own path, with the new level");

            alone.getConfiguration().getLoggerConfig("").setLevel(Level.TRACE);
            alone.updateLoggers(); // Log4j's reconfiguration call: updateConfiguration on every logger
            RegisteredLogger other = (RegisteredLogger) alone.getLogger("gate.other");
            assertTrue(other.isTraceEnabled(), "the new root level, read again at updateConfiguration");
        } finally {
            alone.stop();
            composite.stop();
        }
    }

    private static LoggerContext context(String filters) throws Exception {
        String xml = "<Configuration status=\"OFF\">" + filters
                + "<Loggers><Root level=\"info\"/></Loggers></Configuration>";
        LoggerContext context = new UserEventsLoggerContext("gate-" + filters.hashCode(), null, null);
        context.start(new XmlConfiguration(
                context, new ConfigurationSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))));
        return context;
    }
}
