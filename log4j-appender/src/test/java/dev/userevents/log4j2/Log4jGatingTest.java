package dev.userevents.log4j2;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.Level;
import dev.userevents.UserEvents;
import dev.userevents.testing.InMemoryDevice;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Log4j2 front end's gating on the host, its core opened over an in-memory device (UserEventsManager's seam):
 * a traced level reaches the device and turns the level on; an untraced one does not; the filter answers onMatch and
 * onMismatch; and an appender beside UserEvents sees exactly what it sees in a configuration without UserEvents.
 */
class Log4jGatingTest {
    private static final String LOGGER = "app.Service";
    private final InMemoryDevice device = new InMemoryDevice();
    /** Every core the managers opened (the filter's and the appender's, one if their settings are equal). */
    private final List<UserEvents> opened = new CopyOnWriteArrayList<>();

    @BeforeEach
    void openOnTheDevice() {
        UserEventsManager.openWith(config -> {
            UserEvents core = UserEvents.open(config, device);
            opened.add(core);
            return core;
        });
    }

    @AfterEach
    void kernelAgain() {
        UserEventsManager.openWithKernel();
    }

    /** What a List appender beside UserEvents records: level and message. */
    static final class Capture extends AbstractAppender {
        final List<String> lines = new CopyOnWriteArrayList<>();

        Capture() {
            super("capture", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
        }
    }

    /** A context from {@code xml} with {@code capture} on the root logger, added before the configuration starts. */
    private static LoggerContext start(String name, String xml, Capture capture) throws Exception {
        LoggerContext context = new LoggerContext(name);
        ConfigurationSource source =
                new ConfigurationSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        context.start(new XmlConfiguration(context, source) {
            @Override
            protected void doConfigure() {
                super.doConfigure();
                addAppender(capture);
                getRootLogger().addAppender(capture, null, null);
            }
        });
        return context;
    }

    private static String withUserEvents(String prefix, String onMismatch) {
        return "<Configuration status=\"OFF\"><UserEventsFilter prefix=\"" + prefix + "\" onMismatch=\"" + onMismatch
                + "\"/>"
                + "<Appenders><UserEvents name=\"ue\" prefix=\"" + prefix + "\" mode=\"SYNC\"/></Appenders>"
                + "<Loggers><Root level=\"info\"><AppenderRef ref=\"ue\"/></Root></Loggers></Configuration>";
    }

    private static final String WITHOUT_USER_EVENTS =
            "<Configuration status=\"OFF\"><Appenders/>" + "<Loggers><Root level=\"info\"/></Loggers></Configuration>";

    /** What the kernel does when a tracer attaches: the bit in every registered word of the event. */
    private void trace(String loggerName, Level level, boolean on) {
        for (UserEvents core : opened) {
            device.setEnabled(core.logger(loggerName), level, on);
        }
    }

    private List<String> written() {
        return device.records().stream()
                .map(r -> Level.ofValue(r.level) + " " + r.message)
                .collect(Collectors.toList());
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
    void aTracedLevelIsWrittenAndTurnedOnAnUntracedOneIsNot() throws Exception {
        Capture capture = new Capture();
        LoggerContext context = start("gating", withUserEvents("gate_", "NEUTRAL"), capture);
        try {
            Logger logger = context.getLogger(LOGGER);
            assertFalse(opened.isEmpty(), "the managers opened their cores through the seam");
            assertFalse(logger.isDebugEnabled(), "untraced: the configured INFO decides (onMismatch NEUTRAL)");
            trace(LOGGER, Level.DEBUG, true);
            assertTrue(logger.isDebugEnabled(), "traced: the filter's onMatch (ACCEPT) turns DEBUG on");
            assertFalse(logger.isTraceEnabled());
            trace(LOGGER, Level.DEBUG, false);

            logTheSequence(logger, () -> trace(LOGGER, Level.DEBUG, true), () -> trace(LOGGER, Level.DEBUG, false));
            assertEquals(List.of("DEBUG debug traced 1"), written(), "only the traced level reaches the device");
            trace(LOGGER, Level.INFO, true);
            logger.info("info traced");
            logger.debug("debug untraced");
            assertEquals(List.of("DEBUG debug traced 1", "INFO info traced"), written());
        } finally {
            context.stop();
        }
    }

    @Test
    void theFilterAnswersOnMatchWhenTracedAndOnMismatchOtherwise() throws Exception {
        Capture capture = new Capture();
        LoggerContext context = start("answers", withUserEvents("answer_", "DENY"), capture);
        try {
            UserEventsFilter filter =
                    (UserEventsFilter) context.getConfiguration().getFilter();
            org.apache.logging.log4j.core.Logger logger = context.getLogger(LOGGER);
            assertEquals(
                    Filter.Result.DENY,
                    filter.filter(logger, org.apache.logging.log4j.Level.ERROR, null, "m", (Object) null));
            assertFalse(logger.isErrorEnabled(), "onMismatch DENY: untraced is off whatever Root says");
            trace(LOGGER, Level.ERROR, true);
            assertEquals(
                    Filter.Result.ACCEPT,
                    filter.filter(logger, org.apache.logging.log4j.Level.ERROR, null, "m", (Object) null));
            assertTrue(logger.isErrorEnabled());
            logger.error("traced error");
            logger.warn("untraced warn");
            assertEquals(List.of("ERROR traced error"), written());
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
        Capture alone = new Capture();
        LoggerContext plain = start("plain", WITHOUT_USER_EVENTS, alone);
        try {
            logTheSequence(plain.getLogger(LOGGER), () -> {}, () -> {});
        } finally {
            plain.stop();
        }
        Capture beside = new Capture();
        LoggerContext traced = start("beside", withUserEvents("beside_", "NEUTRAL"), beside);
        try {
            logTheSequence(
                    traced.getLogger(LOGGER),
                    () -> trace(LOGGER, Level.DEBUG, true),
                    () -> trace(LOGGER, Level.DEBUG, false));
        } finally {
            traced.stop();
        }
        assertEquals(List.of("INFO info before", "INFO info while debug traced", "WARN warn after"), alone.lines);
        assertEquals(alone.lines, beside.lines, "the traced DEBUG line reaches UserEvents only");
        assertEquals(List.of("DEBUG debug traced 1"), written());
    }
}
