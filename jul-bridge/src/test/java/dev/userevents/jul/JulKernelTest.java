package dev.userevents.jul;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.testing.KernelTestExtension;
import dev.userevents.testing.KernelTestSupport;
import dev.userevents.testing.Tracefs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An application on JUL with {@code -Djava.util.logging.manager=dev.userevents.jul.UserEventsLogManager} and the
 * tests' {@code logging.properties} (loggers at INFO, a ConsoleHandler at ALL), on the real kernel: one child JVM,
 * driven line by line, its own core (no SLF4J on its class path, default async mode).
 */
@Tag("kernel")
class JulKernelTest {
    private static JulChild app;

    @RegisterExtension
    final KernelTestExtension kernel = new KernelTestExtension();

    @BeforeAll
    static void start() throws Exception {
        KernelTestSupport.requireUserEvents();
        app = new JulChild(List.of(JulChild.MANAGER, LogManagerTest.config("kt-logging.properties")), false);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    /** Waits until the event is registered (the core opens on its own thread at the first logger). */
    static void awaitEvent(String event) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Tracefs.exists(event) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Tracefs.exists(event), event + " registered");
    }

    static void awaitEnabled(String event) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!isEnabled(event) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(isEnabled(event), event + " enabled");
    }

    private static boolean isEnabled(String event) {
        return Tracefs.exists(event)
                && Tracefs.read(Tracefs.USER_EVENTS.resolve(event).resolve("enable"))
                        .trim()
                        .equals("1");
    }

    static void disableAll(String baseName) {
        for (String level : List.of("FATAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE")) {
            if (Tracefs.exists(baseName + "_" + level)) {
                Tracefs.disable(baseName + "_" + level);
            }
        }
    }

    @Test
    void aFineLineReachesTheKernelOnlyWhileItsDebugEventIsEnabled() throws Exception {
        assertEquals(List.of("class dev.userevents.jul.UserEventsLogger"), app.send("logger", "kt.jul.Gate"));
        awaitEvent("kt_jul_Gate_DEBUG");
        app.send("log", "kt.jul.Gate", "FINE", "before");
        kernel.enable("kt_jul_Gate_DEBUG");
        kernel.enable("kt_jul_Gate_INFO");
        app.send("log", "kt.jul.Gate", "FINE", "during {0}", "x");
        app.send("log", "kt.jul.Gate", "CONFIG", "config is DEBUG too");
        app.send("log", "kt.jul.Gate", "FINER", "finer is TRACE, not enabled");
        // async: the writer may write after the command returns; disabling first would drop those (disabledRace)
        assertEquals(2, Tracefs.awaitPayloads("kt_jul_Gate_DEBUG", 2).size());
        kernel.disable("kt_jul_Gate_DEBUG");
        app.send("log", "kt.jul.Gate", "FINE", "after");
        app.send("log", "kt.jul.Gate", "INFO", "sentinel"); // one ring, in order: once it is there, so is the rest
        assertEquals(List.of(Tracefs.payload("sentinel", 4)), Tracefs.awaitPayloads("kt_jul_Gate_INFO", 1));
        assertEquals(
                List.of(Tracefs.payload("during x", 5), Tracefs.payload("config is DEBUG too", 5)),
                Tracefs.payloads("kt_jul_Gate_DEBUG"));
        assertFalse(app.stderr().contains("during x"), "the console (at ALL) never printed the traced-only line");
    }

    /** {@code userevents enable --follow} running, then a class creates its JUL logger and logs: every line captured. */
    @Test
    void aLoggerCreatedAfterEnableFollowIsCaptured() throws Exception {
        app.send("logger", "kt.jul.late.Canary");
        awaitEvent("kt_jul_late_Canary_DEBUG");
        kernel.closeAfter(() -> disableAll("kt_jul_late_Created")); // what follow enabled, once it has stopped
        kernel.closeAfter(() -> disableAll("kt_jul_late_Canary"));
        JulChild follow = kernel.closeAfter(new JulChild(
                List.of(), false, "dev.userevents.cli.UserEventsCli", "enable", "--follow", "kt.jul.late.*", "DEBUG"));
        awaitEnabled("kt_jul_late_Canary_DEBUG"); // follow's first pass is done
        assertFalse(Tracefs.exists("kt_jul_late_Created_DEBUG"));
        app.send("logger", "kt.jul.late.Created");
        awaitEnabled("kt_jul_late_Created_DEBUG");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            app.send("log", "kt.jul.late.Created", "FINE", "late line " + i);
            expected.add(Tracefs.payload("late line " + i, 5));
        }
        assertEquals(expected, Tracefs.awaitPayloads("kt_jul_late_Created_DEBUG", 5));
        follow.process.destroy();
    }

    @Test
    void parametersBundlesUnicodeAndThrowablesDecodeInTrace() throws Exception {
        app.send("logger", "kt.jul.Decode");
        awaitEvent("kt_jul_Decode_INFO");
        kernel.enable("kt_jul_Decode_INFO");
        kernel.enable("kt_jul_Decode_ERROR");
        app.send("log", "kt.jul.Decode", "INFO", "user {0} bought {1} items", "ann", "3");
        app.send("bundle", "kt.jul.Decode", "INFO", "greeting", "b\u00e9a");
        app.send("log", "kt.jul.Decode", "INFO", "unicode \u00e9\u4e2d \uD83D\uDE80");
        app.send("thrown", "kt.jul.Decode", "SEVERE", "failed");
        List<String> info = Tracefs.awaitPayloads("kt_jul_Decode_INFO", 3);
        List<String> error = Tracefs.awaitPayloads("kt_jul_Decode_ERROR", 1);
        assertEquals(
                List.of(
                        Tracefs.payload("user ann bought 3 items", 4),
                        Tracefs.payload("Hello b\u00e9a, you have {1} messages", 4),
                        Tracefs.payload("unicode \u00e9\u4e2d \uD83D\uDE80", 4)),
                info);
        assertEquals(List.of("msg=failed"), error, "the message spans lines in trace: the stack follows");
        String trace = Tracefs.read(Tracefs.ROOT.resolve("trace"));
        assertTrue(
                trace.contains(
                        "msg=failed\njava.lang.IllegalStateException: boom\n\tat app.Orders.place(Orders.java:42)\n"
                                + "Caused by: java.io.IOException: disk full\n\tat app.Disk.write(Disk.java:7) level=0x2 (2)"),
                trace);
    }

    /** JUL's ConsoleHandler (at ALL) prints the same bytes with TRACE, DEBUG and INFO of the logger traced as without. */
    @Test
    void theConsoleHandlersOutputIsByteIdenticalWithAndWithoutTracing() throws Exception {
        app.send("logger", "kt.jul.console.Server");
        awaitEvent("kt_jul_console_Server_INFO");
        app.send("mark", "untraced");
        app.send("script");
        app.send("mark", "traced");
        List<String> events =
                List.of("kt_jul_console_Server_TRACE", "kt_jul_console_Server_DEBUG", "kt_jul_console_Server_INFO");
        events.forEach(kernel::enable);
        app.send("script");
        app.send("mark", "end");
        assertEquals(4, Tracefs.awaitPayloads("kt_jul_console_Server_INFO", 4).size());
        String untraced = app.stderrBetween("untraced", "traced");
        assertTrue(
                untraced.startsWith(
                        "INFO kt.jul.console.Server dev.userevents.jul.app.JulApp script starting service [Tomcat]\n"),
                untraced);
        assertEquals(untraced, app.stderrBetween("traced", "end"));
        assertEquals(
                List.of(
                        Tracefs.payload("connector detail", 5),
                        Tracefs.payload("config detail", 5),
                        Tracefs.payload("system detail", 5)),
                Tracefs.payloads("kt_jul_console_Server_DEBUG"));
        assertEquals(List.of(Tracefs.payload("finest detail", 6)), Tracefs.payloads("kt_jul_console_Server_TRACE"));
    }

    /**
     * {@code System.getLogger} callers, the JDK's own included: the platform MBean server logs each
     * {@code getAttribute} at TRACE through {@code System.getLogger("javax.management.mbeanserver")}, which reaches
     * the kernel only while that logger's TRACE event is enabled. (The VM has no network for the HTTP client's lines;
     * {@code LogManagerTest} checks those on the host.)
     */
    @Test
    void systemLoggerLinesFromTheJdkAndTheApplicationAreCaptured() throws Exception {
        String jdk = "javax_management_mbeanserver_TRACE";
        app.send("jmx");
        app.send("system", "kt.jul.sys.App", "DEBUG", "untraced");
        awaitEvent(jdk);
        awaitEvent("kt_jul_sys_App_DEBUG");
        app.send("jmx"); // registered, not enabled: nothing
        kernel.enable(jdk);
        kernel.enable("kt_jul_sys_App_DEBUG");
        assertTrue(app.send("jmx").get(0).startsWith("uptime "));
        app.send("system", "kt.jul.sys.App", "DEBUG", "app {0}", "traced");
        List<String> appLines = Tracefs.awaitPayloads("kt_jul_sys_App_DEBUG", 1);
        List<String> jdkLines = Tracefs.awaitPayloads(jdk, 1);
        assertEquals(List.of(Tracefs.payload("app traced", 5)), appLines);
        assertEquals(
                Tracefs.payload("Attribute = Uptime, ObjectName = java.lang:type=Runtime", 6),
                jdkLines.get(0),
                "the MBean server's first TRACE line of a getAttribute: " + jdkLines);
        assertFalse(app.stderr().contains("ObjectName"), "the console is unchanged");
    }
}
