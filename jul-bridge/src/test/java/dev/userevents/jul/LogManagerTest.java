package dev.userevents.jul;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The LogManager, the finder and the handler wired into real JVMs (one per test: JUL's manager is chosen at JVM
 * start), over an in-process device double ({@code -Djulapp.device=memory}), on the host. The same on the real kernel:
 * {@code JulKernelTest}.
 */
class LogManagerTest {
    static String config(String resource) {
        try {
            return "-Djava.util.logging.config.file="
                    + Path.of(LogManagerTest.class.getResource("/" + resource).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JulChild child(boolean manager, String configResource) throws Exception {
        List<String> options = new ArrayList<>(List.of("-Djulapp.device=memory", config(configResource)));
        if (manager) {
            options.add(JulChild.MANAGER);
        }
        return new JulChild(options, false);
    }

    private static List<String> records(JulChild app) throws Exception {
        return app.send("records");
    }

    @Test
    void namedLoggersAreTheManagersAndRegisterTheirEventsAtCreation() throws Exception {
        try (JulChild app = child(true, "kt-logging.properties")) {
            assertEquals(List.of("class dev.userevents.jul.UserEventsLogger"), app.send("logger", "kt.jul.Created"));
            List<String> registered = app.send("registered");
            for (String level : List.of("FATAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE")) {
                assertTrue(registered.contains("registered kt_jul_Created_" + level), registered.toString());
            }
            assertEquals(List.of("lookup null"), app.send("lookup", "kt.jul.NeverAsked"), "a lookup creates nothing");
            assertEquals(List.of("lookup dev.userevents.jul.UserEventsLogger"), app.send("lookup", "kt.jul.Created"));
            assertFalse(app.send("registered").toString().contains("kt_jul_NeverAsked"));
            assertEquals("", app.stderr(), "no diagnostic");
        }
    }

    @Test
    void loggingPropertiesKeepWorkingAndTracingAddsOnlyTheKernel() throws Exception {
        try (JulChild app = child(true, "kt-logging.properties")) {
            app.send("log", "kt.jul.props.Configured", "FINE", "fine by logging.properties");
            app.send("log", "kt.jul.props.Configured", "FINER", "finer stays off");
            app.send("log", "kt.jul.Other", "FINE", "fine off at INFO");
            assertEquals(List.of(), records(app), "nothing traced, nothing written");
            app.send("enable", "kt.jul.Other", "DEBUG", "on");
            app.send("log", "kt.jul.Other", "FINE", "fine traced {0}", "now");
            assertEquals(List.of("record 5 fine traced now"), records(app));
            String console = app.stderr();
            assertTrue(
                    console.contains(
                            "FINE kt.jul.props.Configured dev.userevents.jul.app.JulApp run fine by logging.properties"),
                    console);
            assertFalse(
                    console.contains("finer stays off") || console.contains("fine off") || console.contains("traced"),
                    console);
        }
    }

    /** The same fixed sequence of lines, untraced then with TRACE, DEBUG and INFO traced: the same console bytes. */
    @Test
    void theConsoleHandlerPrintsTheSameBytesTracedOrNot() throws Exception {
        try (JulChild app = child(true, "kt-logging.properties")) {
            app.send("mark", "untraced");
            app.send("script");
            app.send("mark", "traced");
            for (String level : List.of("TRACE", "DEBUG", "INFO")) {
                app.send("enable", "kt.jul.console.Server", level, "on");
            }
            app.send("script");
            app.send("mark", "end");
            String untraced = app.stderrBetween("untraced", "traced");
            assertTrue(
                    untraced.startsWith(
                            "INFO kt.jul.console.Server dev.userevents.jul.app.JulApp script starting service [Tomcat]\n"),
                    untraced);
            assertTrue(untraced.contains("java.lang.IllegalStateException: boom"), untraced);
            assertEquals(untraced, app.stderrBetween("traced", "end"));
            assertEquals(
                    List.of(
                            "record 4 starting service [Tomcat]",
                            "record 5 connector detail",
                            "record 5 config detail",
                            "record 6 finest detail",
                            "record 4 listening on port 8,080",
                            "record 4 Hello ops, you have 2 messages",
                            "record 5 system detail",
                            "record 4 system info x"),
                    records(app));
        }
    }

    /**
     * The JDK's own logging through System.LoggerFinder (HttpURLConnection's PlatformLogger, the MBean server's
     * System.Logger) is registered and gated, with and without the LogManager.
     */
    @Test
    void theJdksOwnSystemLoggerLinesAreRegisteredAndGated() throws Exception {
        for (boolean manager : new boolean[] {true, false}) {
            try (JulChild app = child(manager, "kt-logging.properties")) {
                assertTrue(app.send("http", "/first").contains("status 200 ok"));
                assertTrue(
                        app.send("registered").contains("registered sun_net_www_protocol_http_HttpURLConnection_DEBUG"),
                        "registered when the JDK's logger was first used (manager " + manager + ")");
                app.send("enable", "sun.net.www.protocol.http.HttpURLConnection", "DEBUG", "on");
                app.send("http", "/second");
                app.send("enable", "sun.net.www.protocol.http.HttpURLConnection", "DEBUG", "off");
                app.send("http", "/third");
                String written = String.join("\n", records(app));
                assertTrue(written.contains("GET /second HTTP/1.1"), written);
                assertFalse(written.contains("/first") || written.contains("/third"), written);
                app.send("jmx");
                app.send("enable", "javax.management.mbeanserver", "TRACE", "on");
                app.send("jmx");
                List<String> jmx = records(app).stream()
                        .filter(r -> r.contains("ObjectName"))
                        .collect(java.util.stream.Collectors.toList());
                assertEquals(
                        List.of("record 6 Attribute = Uptime, ObjectName = java.lang:type=Runtime"),
                        jmx,
                        "JMX's TRACE line");
                assertFalse(
                        app.stderr().contains("HttpURLConnection")
                                || app.stderr().contains("ObjectName"),
                        "the console is unchanged: " + app.stderr());
            }
        }
    }

    /** Without the LogManager the finder still gates: its loggers are JUL's own behind a gate. */
    @Test
    void withoutTheManagerSystemLoggersAreGatedAndJulsLoggersAreJuls() throws Exception {
        try (JulChild app = child(false, "kt-logging.properties")) {
            assertEquals(List.of("class java.util.logging.Logger"), app.send("logger", "kt.jul.plain.Sys"));
            app.send("system", "kt.jul.plain.Sys", "DEBUG", "untraced");
            app.send("enable", "kt.jul.plain.Sys", "DEBUG", "on");
            app.send("system", "kt.jul.plain.Sys", "DEBUG", "traced {0}", "x");
            app.send("system", "kt.jul.plain.Sys", "INFO", "configured");
            assertEquals(List.of("record 5 traced x"), records(app));
            String console = app.stderr();
            assertTrue(console.contains("INFO kt.jul.plain.Sys dev.userevents.jul.app.JulApp run configured"), console);
            assertFalse(console.contains("traced"), console);
        }
    }

    @Test
    void theHandlerWritesTracedRecordsJulLetsThroughAndCannotGate() throws Exception {
        try (JulChild app = child(false, "kt-handler-logging.properties")) {
            app.send("log", "kt.jul.handler.H", "INFO", "before the first record the events do not exist");
            assertTrue(
                    app.send("registered").contains("registered kt_jul_handler_H_INFO"),
                    "registered at its first record");
            app.send("enable", "kt.jul.handler.H", "INFO", "on");
            app.send("enable", "kt.jul.handler.H", "DEBUG", "on");
            app.send("log", "kt.jul.handler.H", "INFO", "traced info");
            app.send("log", "kt.jul.handler.H", "FINE", "fine below JUL's INFO");
            assertEquals(List.of("record 4 traced info"), records(app), "JUL's level check runs before any handler");
        }
    }

    /** Without user_events (here: a data file that does not exist) JUL logs as before, and the library says so once. */
    @Test
    void withoutUserEventsJulLogsAsBeforeAndOneDiagnosticSaysSo() throws Exception {
        try (JulChild app = new JulChild(
                List.of(
                        JulChild.MANAGER,
                        config("kt-logging.properties"),
                        "-Duserevents.dataFile=/nonexistent/user_events_data"),
                false)) {
            app.send("log", "kt.jul.none.A", "INFO", "still printed");
            app.send("system", "kt.jul.none.B", "INFO", "also printed");
            app.send("log", "kt.jul.none.A", "FINE", "not printed");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!app.stderr().contains("[userevents]") && System.nanoTime() < deadline) {
                Thread.sleep(10); // the core opens on its own thread
            }
            List<String> lines = app.stderr().lines().collect(java.util.stream.Collectors.toList());
            List<String> diagnostics = lines.stream()
                    .filter(line -> line.startsWith("[userevents]"))
                    .collect(java.util.stream.Collectors.toList());
            assertEquals(1, diagnostics.size(), lines.toString());
            assertTrue(
                    diagnostics.get(0).contains("/nonexistent/user_events_data")
                            && diagnostics.get(0).contains("JUL's handlers print what they are configured to"),
                    diagnostics.get(0));
            assertTrue(
                    lines.contains("INFO kt.jul.none.A dev.userevents.jul.app.JulApp run still printed"),
                    lines.toString());
            assertTrue(
                    lines.contains("INFO kt.jul.none.B dev.userevents.jul.app.JulApp run also printed"),
                    lines.toString());
            assertFalse(app.stderr().contains("not printed"));
        }
    }

    /** The JDK reads java.util.logging.manager once: set later it does nothing, and the library says so once. */
    @Test
    void aManagerPropertySetAfterJulStartedGetsOneDiagnostic() throws Exception {
        try (JulChild app = child(false, "kt-logging.properties")) {
            app.send("logger", "kt.jul.late.Early");
            app.send("setmanager");
            app.send("system", "kt.jul.late.Sys", "INFO", "one");
            app.send("system", "kt.jul.late.Other", "INFO", "two");
            app.send("handler");
            app.send("handler");
            List<String> diagnostics = app.stderr()
                    .lines()
                    .filter(line -> line.startsWith("[userevents]"))
                    .collect(java.util.stream.Collectors.toList());
            assertEquals(1, diagnostics.size(), diagnostics.toString());
            assertTrue(
                    diagnostics
                                    .get(0)
                                    .contains(
                                            "java.util.logging.manager=dev.userevents.jul.UserEventsLogManager has no effect")
                            && diagnostics.get(0).contains("-Djava.util.logging.manager="),
                    diagnostics.get(0));
        }
    }
}
