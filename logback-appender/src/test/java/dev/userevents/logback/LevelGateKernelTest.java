package dev.userevents.logback;

import static org.junit.jupiter.api.Assertions.*;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import dev.userevents.testing.KernelTestExtension;
import dev.userevents.testing.Tracefs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code <contextListener class="...UserEventsLevelGate"/>} (no turbo filter) on the real kernel. */
@Tag("kernel")
class LevelGateKernelTest {
    @RegisterExtension
    final KernelTestExtension kernel = new KernelTestExtension();

    private LoggerContext context;

    @BeforeEach
    void configure() throws Exception {
        context = new LoggerContext();
        kernel.closeAfter(context::stop);
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LevelGateKernelTest.class.getResource("/logback-gate.xml"));
    }

    private static long awaitMicros(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(0, 200_000);
        }
        assertTrue(condition.getAsBoolean(), "within 10 s");
        return (System.nanoTime() - started) / 1000;
    }

    /**
     * A logger created after the configuration: registered at creation; enabling its DEBUG event turns its Logback
     * level to DEBUG within a few polls, the line reaches the kernel and not the console; disabling puts it back.
     */
    @Test
    void enablingDebugSetsTheLevelAndDisablingPutsItBackWhileTheConsoleKeepsItsLines() throws Exception {
        Logger logger = context.getLogger("kt.gate.Service");
        assertTrue(Tracefs.statusEventNames().contains("kt_gate_Service_DEBUG"), "registered at creation");
        assertFalse(logger.isDebugEnabled());
        PrintStream stdout = System.out;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        kernel.enable("kt_gate_Service_DEBUG");
        long onMicros = awaitMicros(logger::isDebugEnabled);
        kernel.closeAfter(() -> System.setOut(stdout));
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        logger.debug("traced only {}", 1);
        logger.info("configured {}", 2);
        List<String> payloads = Tracefs.awaitPayloads("kt_gate_Service_DEBUG", 1);
        System.setOut(stdout);
        kernel.disable("kt_gate_Service_DEBUG");
        long offMicros = awaitMicros(() -> !logger.isDebugEnabled());
        assertNull(logger.getLevel(), "the configured (inherited) level is back");
        assertEquals(List.of(Tracefs.payload("traced only 1", 5)), payloads);
        assertEquals(
                "INFO [" + Thread.currentThread().getName() + "] kt.gate.Service - configured 2\n",
                console.toString(StandardCharsets.UTF_8),
                "the console prints what it prints untraced");
        System.out.printf(
                "level gate (VM, poll 5 ms): enable seen after %d us, disable after %d us%n", onMicros, offMicros);
    }
}
