package dev.userevents.log4j2;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.userevents.spi.CapturedDiagnostics;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without user_events (this machine) a configuration with UserEvents appenders keeps its File appender writing,
 * and Log4j's status says once why UserEvents is idle: not once per appender sharing the manager, not again on
 * reconfiguration.
 */
class Log4jIdleTest {
    @RegisterExtension
    final CapturedDiagnostics diagnostics = new CapturedDiagnostics();

    @TempDir
    Path dir;

    /** Log4j's status messages at WARN and above, as a user with status="warn" sees them. */
    private static final class Warnings implements StatusListener {
        final List<String> messages = new CopyOnWriteArrayList<>();

        @Override
        public void log(StatusData data) {
            messages.add(data.getMessage().getFormattedMessage());
        }

        @Override
        public Level getStatusLevel() {
            return Level.WARN;
        }

        @Override
        public void close() {}
    }

    private Configuration configuration(LoggerContext context, Path file) {
        String xml = "<Configuration status=\"OFF\"><Appenders>"
                + "<File name=\"file\" fileName=\"" + file + "\"><PatternLayout pattern=\"%p %c - %m%n\"/></File>"
                + "<UserEvents name=\"ue1\" prefix=\"idle_test_\"/><UserEvents name=\"ue2\" prefix=\"idle_test_\"/>"
                + "</Appenders><Loggers><Root level=\"info\"><AppenderRef ref=\"file\"/><AppenderRef ref=\"ue1\"/>"
                + "<AppenderRef ref=\"ue2\"/></Root></Loggers></Configuration>";
        try {
            return new XmlConfiguration(
                    context, new ConfigurationSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void otherAppendersKeepWritingAndTheStatusSaysOnceWhyUserEventsIsIdle() throws Exception {
        Warnings warnings = new Warnings();
        StatusLogger.getLogger().registerListener(warnings);
        Path file = dir.resolve("app.log");
        LoggerContext context = new LoggerContext("idle");
        try {
            context.start(configuration(context, file));
            UserEventsAppender appender =
                    (UserEventsAppender) context.getConfiguration().getAppender("ue1");
            assumeFalse(appender.isAvailable(), "this host has user_events: the idle case cannot happen here");
            context.getLogger("com.example.Orders").info("order {} placed", 7);
            context.getLogger("com.example.Orders").debug("below Root's level");
            context.setConfiguration(configuration(context, file)); // a reconfiguration: the manager carries over
            context.getLogger("com.example.Orders").warn("after reconfiguration");

            assertEquals(
                    List.of(
                            "INFO com.example.Orders - order 7 placed",
                            "WARN com.example.Orders - after reconfiguration"),
                    Files.readAllLines(file));
            List<String> idle = warnings.messages.stream()
                    .filter(m -> m.contains("is idle"))
                    .collect(Collectors.toList());
            assertEquals(1, idle.size(), warnings.messages.toString());
            assertTrue(
                    idle.get(0).startsWith("UserEvents appender 'ue1' is idle: user_events is unavailable: "),
                    idle.get(0));
            assertTrue(
                    idle.get(0)
                            .endsWith(
                                    "Log4j's other appenders are unaffected. Check this host with 'userevents doctor'."),
                    idle.get(0));
            List<String> reported = diagnostics.lines();
            assertEquals(1, reported.size(), "the core's own line, once: " + reported);
            assertTrue(
                    reported.get(0)
                            .contains(
                                    "The UserEvents appenders write nothing; Log4j's other appenders are unaffected."),
                    reported.get(0));
        } finally {
            context.stop();
            StatusLogger.getLogger().removeListener(warnings);
        }
    }
}
