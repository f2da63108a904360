package dev.userevents.jul;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.testing.KernelTestExtension;
import dev.userevents.testing.KernelTestSupport;
import dev.userevents.testing.Tracefs;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code userevents.jul.gate=levels} on the real kernel: JUL's own {@code isLoggable}, the logger's level set while
 * its DEBUG event is traced and put back after; the console (a ConsoleHandler at ALL) never prints the traced-only
 * line.
 */
@Tag("kernel")
class JulLevelGateKernelTest {
    private static JulChild app;

    @RegisterExtension
    final KernelTestExtension kernel = new KernelTestExtension();

    @BeforeAll
    static void start() throws Exception {
        KernelTestSupport.requireUserEvents();
        app = new JulChild(
                List.of(
                        JulChild.MANAGER,
                        "-Duserevents.jul.gate=levels",
                        "-Duserevents.jul.pollMillis=5",
                        LogManagerTest.config("kt-logging.properties")),
                false);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    private static long awaitLoggable(String logger, boolean expected) throws Exception {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(30);
        String want = "loggable " + expected;
        while (!app.send("loggable", logger, "FINE").equals(List.of(want)) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(List.of(want), app.send("loggable", logger, "FINE"));
        return (System.nanoTime() - started) / 1000;
    }

    @Test
    void enablingDebugSetsTheLevelTheLineIsCapturedAndDisablingPutsItBack() throws Exception {
        assertEquals(List.of("class dev.userevents.jul.LevelGatedLogger"), app.send("logger", "kt.julgate.Service"));
        JulKernelTest.awaitEvent("kt_julgate_Service_DEBUG");
        assertEquals(List.of("loggable false"), app.send("loggable", "kt.julgate.Service", "FINE"));
        app.send("log", "kt.julgate.Service", "FINE", "before");
        kernel.enable("kt_julgate_Service_DEBUG");
        kernel.enable("kt_julgate_Service_INFO");
        long onMicros = awaitLoggable("kt.julgate.Service", true);
        app.send("log", "kt.julgate.Service", "FINE", "during {0}", "x");
        assertEquals(1, Tracefs.awaitPayloads("kt_julgate_Service_DEBUG", 1).size());
        kernel.disable("kt_julgate_Service_DEBUG");
        long offMicros = awaitLoggable("kt.julgate.Service", false);
        app.send("log", "kt.julgate.Service", "FINE", "after");
        app.send("log", "kt.julgate.Service", "INFO", "sentinel");
        assertEquals(List.of(Tracefs.payload("sentinel", 4)), Tracefs.awaitPayloads("kt_julgate_Service_INFO", 1));
        assertEquals(List.of(Tracefs.payload("during x", 5)), Tracefs.payloads("kt_julgate_Service_DEBUG"));
        assertFalse(app.stderr().contains("during x"), "the console (at ALL) never printed the traced-only line");
        assertTrue(app.stderr().contains("sentinel"), "the console printed the configured INFO line");
        System.out.printf(
                "JUL level gate (VM, poll 5 ms): FINE loggable %d us after the enable, not %d us after the"
                        + " disable%n",
                onMicros, offMicros);
    }
}
