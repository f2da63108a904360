package dev.userevents.jul;

import static dev.userevents.jul.JulKernelTest.awaitEvent;
import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.testing.KernelTestExtension;
import dev.userevents.testing.Tracefs;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The other ways in, on the real kernel: the SLF4J provider's core, and JUL's own LogManager with the finder and handler. */
@Tag("kernel")
class JulRoutesKernelTest {
    @RegisterExtension
    final KernelTestExtension kernel = new KernelTestExtension();

    /**
     * userevents-slf4j is SLF4J's provider and the LogManager is selected: JUL loggers created before SLF4J starts
     * wait for the provider's core and then write through it (one core in the process).
     */
    @Test
    void withTheSlf4jProviderJulWritesThroughTheProvidersCore() throws Exception {
        try (JulChild app =
                new JulChild(List.of(JulChild.MANAGER, LogManagerTest.config("kt-logging.properties")), true)) {
            app.send("logger", "kt.jul.route.Early"); // before SLF4J has started: waits for the provider's core
            String[] core = app.send("core").get(0).split(" "); // starts SLF4J: "core <JUL's> slf4j <provider's>"
            assertEquals(core[1], core[3], "JUL's core is the provider's: " + String.join(" ", core));
            awaitEvent("kt_jul_route_Early_DEBUG");
            app.send("slf4j", "kt.jul.route.Slf4j", "INFO", "registers");
            kernel.enable("kt_jul_route_Early_DEBUG");
            kernel.enable("kt_jul_route_Slf4j_INFO");
            app.send("log", "kt.jul.route.Early", "FINE", "jul through the provider");
            app.send("slf4j", "kt.jul.route.Slf4j", "INFO", "slf4j line");
            assertEquals(
                    List.of(Tracefs.payload("jul through the provider", 5)),
                    Tracefs.awaitPayloads("kt_jul_route_Early_DEBUG", 1));
            assertEquals(
                    List.of(Tracefs.payload("slf4j line", 4)), Tracefs.awaitPayloads("kt_jul_route_Slf4j_INFO", 1));
            assertFalse(app.stderr().contains("[userevents]"), app.stderr());
        }
    }

    /**
     * JUL's own LogManager (what an application server keeps), UserEventsHandler in logging.properties and the
     * finder: System.Logger callers are gated; the handler writes traced lines JUL's levels let through, and cannot
     * turn on a level below them.
     */
    @Test
    void withJulsOwnManagerTheFinderGatesAndTheHandlerWritesWhatJulLetsThrough() throws Exception {
        try (JulChild app = new JulChild(List.of(LogManagerTest.config("kt-handler-logging.properties")), false)) {
            app.send("system", "kt.jul.plain.Sys", "DEBUG", "untraced");
            app.send("log", "kt.jul.plain.Handled", "INFO", "first line registers");
            awaitEvent("kt_jul_plain_Sys_DEBUG");
            awaitEvent("kt_jul_plain_Handled_DEBUG");
            List<String> events =
                    List.of("kt_jul_plain_Sys_DEBUG", "kt_jul_plain_Handled_INFO", "kt_jul_plain_Handled_DEBUG");
            events.forEach(kernel::enable);
            app.send("system", "kt.jul.plain.Sys", "DEBUG", "gated {0}", "open");
            app.send("log", "kt.jul.plain.Handled", "FINE", "below JUL's INFO: never reaches a handler");
            app.send("log", "kt.jul.plain.Handled", "INFO", "traced info");
            assertEquals(List.of(Tracefs.payload("gated open", 5)), Tracefs.awaitPayloads("kt_jul_plain_Sys_DEBUG", 1));
            assertEquals(
                    List.of(Tracefs.payload("traced info", 4)), Tracefs.awaitPayloads("kt_jul_plain_Handled_INFO", 1));
            assertEquals(List.of(), Tracefs.payloads("kt_jul_plain_Handled_DEBUG"));
            String console = app.stderr();
            assertTrue(
                    console.contains("INFO kt.jul.plain.Handled dev.userevents.jul.app.JulApp run traced info"),
                    console);
            assertFalse(console.contains("gated open"), console);
        }
    }
}
