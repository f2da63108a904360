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
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The selector's loggers answer isEnabled without Log4j's filter dispatch: the same answer as UserEventsFilter then
 * the configured level, from a word an in-process device sets as the kernel would. The kernel's own part (an
 * operator enabling the event) is Log4jLifeKernelTest's.
 */
class LevelGateTest {
    private static UserEventsFilter filter(Filter.Result onMismatch) {
        return UserEventsFilter.newBuilder().setOnMismatch(onMismatch).build();
    }

    @Test
    void theWordsBitAcceptsAndTheConfiguredLevelDecidesOnNeutral() {
        InMemoryDevice device = new InMemoryDevice();
        UserEvents core = UserEvents.open(UserEventsConfig.builder().mode(Mode.SYNC).shutdownHook(false).build(), device);
        try {
            LoggerEvents events = core.logger("gate.t");
            EnableWord word = events.word();
            UserEventsFilter filter = filter(Filter.Result.NEUTRAL);
            LevelGate gate = LevelGate.of(new Object(), filter, Level.INFO, filter.manager());
            assertEquals(LevelGate.NO, gate.answer(filter, word, Level.DEBUG), "below INFO, not traced");
            assertEquals(LevelGate.YES, gate.answer(filter, word, Level.WARN), "the configured level");
            device.setEnabled(events, dev.userevents.Level.DEBUG, true);
            assertEquals(LevelGate.YES, gate.answer(filter, word, Level.DEBUG), "traced: onMatch ACCEPT");
            assertEquals(LevelGate.NO, gate.answer(filter, word, Level.TRACE), "only DEBUG is traced");
            assertEquals(LevelGate.ASK, gate.answer(filter(Filter.Result.NEUTRAL), word, Level.DEBUG),
                    "another filter in the configuration now: Log4j decides");

            UserEventsFilter deny = filter(Filter.Result.DENY);
            LevelGate denying = LevelGate.of(new Object(), deny, Level.INFO, deny.manager());
            assertEquals(LevelGate.NO, denying.answer(deny, word, Level.ERROR), "onMismatch DENY: tracing only");
            assertEquals(LevelGate.YES, denying.answer(deny, word, Level.DEBUG));
        } finally {
            core.close();
        }
    }

    @Test
    void aFilterOfAnotherManagerOrACompositeLeavesTheAnswerToLog4j() {
        UserEventsFilter filter = filter(Filter.Result.NEUTRAL);
        UserEventsFilter other = UserEventsFilter.newBuilder().setPrefix("other_").build();
        assertFalse(LevelGate.of(new Object(), filter, Level.INFO, other.manager()).answersAlone());
        assertFalse(LevelGate.of(new Object(), null, Level.INFO, filter.manager()).answersAlone());
        assertTrue(LevelGate.of(new Object(), filter, Level.INFO, filter.manager()).answersAlone());
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
            assertFalse(logger.isEnabled(Level.WARN, null, "x {}", 1));
            assertTrue(logger.isEnabled(Level.ERROR, null, "x {}", 1, 2));

            RegisteredLogger asking = assertInstanceOf(RegisteredLogger.class, composite.getLogger("gate.composite"));
            assertFalse(asking.gateAnswersAlone(), "two global filters: Log4j's dispatch asks both");
            assertFalse(asking.isDebugEnabled());
            assertTrue(asking.isInfoEnabled());
        } finally {
            alone.stop();
            composite.stop();
        }
    }

    private static LoggerContext context(String filters) throws Exception {
        String xml = "<Configuration status=\"OFF\">" + filters
                + "<Loggers><Root level=\"info\"/></Loggers></Configuration>";
        LoggerContext context = new UserEventsLoggerContext("gate-" + filters.hashCode(), null, null);
        context.start(new XmlConfiguration(context, new ConfigurationSource(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))));
        return context;
    }
}
