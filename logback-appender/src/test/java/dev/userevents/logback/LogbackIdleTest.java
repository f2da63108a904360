package dev.userevents.logback;

import static org.junit.jupiter.api.Assertions.*;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import dev.userevents.spi.CapturedDiagnostics;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Without user_events (a data file that does not exist: the same on every host) Logback's other appenders keep
 * their events, and Logback's status says once why UserEventsAppender is idle: not once per appender, and not
 * again after a reset and reconfiguration (what {@code scan="true"} and Spring Boot do).
 */
class LogbackIdleTest {
    private static final String MISSING =
            "/nonexistent/logback-idle-" + ProcessHandle.current().pid() + "/user_events_data";

    @RegisterExtension
    final CapturedDiagnostics diagnostics = new CapturedDiagnostics();

    /** Every status at WARN and above, across resets. */
    private static final class Warnings implements StatusListener {
        final List<String> messages = new CopyOnWriteArrayList<>();

        @Override
        public void addStatusEvent(Status status) {
            if (status.getLevel() >= Status.WARN) {
                messages.add(status.getMessage());
            }
        }

        @Override
        public boolean isResetResistant() {
            return true;
        }
    }

    private static void configure(LoggerContext context) throws Exception {
        String xml = "<configuration>"
                + "<appender name=\"LIST\" class=\"ch.qos.logback.core.read.ListAppender\"/>"
                + "<appender name=\"UE1\" class=\"dev.userevents.logback.UserEventsAppender\"><dataFile>" + MISSING
                + "</dataFile></appender>"
                + "<appender name=\"UE2\" class=\"dev.userevents.logback.UserEventsAppender\"><dataFile>" + MISSING
                + "</dataFile></appender>"
                + "<root level=\"INFO\"><appender-ref ref=\"LIST\"/><appender-ref ref=\"UE1\"/><appender-ref ref=\"UE2\"/></root>"
                + "</configuration>";
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @SuppressWarnings("unchecked")
    private static List<String> listed(LoggerContext context) {
        ListAppender<ILoggingEvent> list =
                (ListAppender<ILoggingEvent>) context.getLogger("ROOT").getAppender("LIST");
        return list.list.stream()
                .map(e -> e.getLevel() + " " + e.getFormattedMessage())
                .collect(Collectors.toList());
    }

    @Test
    void otherAppendersKeepTheirEventsAndTheStatusSaysOnceWhyUserEventsIsIdle() throws Exception {
        LoggerContext context = new LoggerContext();
        Warnings warnings = new Warnings();
        context.getStatusManager().add(warnings);
        try {
            configure(context);
            context.getLogger("com.example.Orders").info("order {} placed", 7);
            context.getLogger("com.example.Orders").debug("below the root level");
            assertEquals(List.of("INFO order 7 placed"), listed(context));
            assertFalse(((UserEventsAppender) context.getLogger("ROOT").getAppender("UE1")).isAvailable());

            context.reset();
            configure(context);
            context.getLogger("com.example.Orders").warn("after reconfiguration");
            assertEquals(List.of("WARN after reconfiguration"), listed(context));

            List<String> idle = warnings.messages.stream()
                    .filter(m -> m.contains("is idle"))
                    .collect(Collectors.toList());
            assertEquals(
                    List.of(
                            "UserEventsAppender [UE1] is idle: user_events is unavailable: cannot open " + MISSING
                                    + ": ENOENT. Logback's other appenders are unaffected. Check this host with 'userevents doctor'."),
                    idle,
                    warnings.messages.toString());
            List<String> reported = diagnostics.lines();
            assertEquals(1, reported.size(), "the core's own line, once: " + reported);
            assertTrue(
                    reported.get(0)
                            .contains(
                                    "The UserEventsAppender writes nothing; Logback's other appenders are unaffected."),
                    reported.get(0));
        } finally {
            context.stop();
        }
    }
}
