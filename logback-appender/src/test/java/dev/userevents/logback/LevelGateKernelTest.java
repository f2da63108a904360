package dev.userevents.logback;

import static org.junit.jupiter.api.Assertions.*;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import dev.userevents.testing.KernelTestSupport;
import dev.userevents.testing.Tracefs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code <contextListener class="...UserEventsLevelGate"/>} (no turbo filter) on the real kernel. */
@Tag("kernel")
class LevelGateKernelTest {
    private LoggerContext context;

    @BeforeEach
    void configure() throws Exception {
        KernelTestSupport.requireUserEvents();
        Tracefs.clearTrace();
        context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LevelGateKernelTest.class.getResource("/logback-gate.xml"));
    }

    @AfterEach
    void stop() {
        context.stop();
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
        long onMicros;
        long offMicros;
        List<String> payloads;
        Tracefs.enable("kt_gate_Service_DEBUG");
        try {
            onMicros = awaitMicros(logger::isDebugEnabled);
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            logger.debug("traced only {}", 1);
            logger.info("configured {}", 2);
            payloads = Tracefs.awaitPayloads("kt_gate_Service_DEBUG", 1);
        } finally {
            System.setOut(stdout);
            Tracefs.disable("kt_gate_Service_DEBUG");
        }
        offMicros = awaitMicros(() -> !logger.isDebugEnabled());
        assertNull(logger.getLevel(), "the configured (inherited) level is back");
        assertEquals(List.of(Tracefs.payload("traced only 1", 5)), payloads);
        assertEquals("INFO [" + Thread.currentThread().getName() + "] kt.gate.Service - configured 2\n",
                console.toString(StandardCharsets.UTF_8), "the console prints what it prints untraced");
        System.out.printf("level gate (VM, poll 5 ms): enable seen after %d us, disable after %d us%n", onMicros, offMicros);
    }
}
