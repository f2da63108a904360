package dev.userevents.spi;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The level gates' loop: passes repeat, a failing pass is reported once and neither ends the loop nor makes it spin
 * (the gates' loops before this class skipped the sleep after a failure), stop ends it.
 */
class PollingThreadTest {
    @RegisterExtension
    final CapturedDiagnostics diagnostics = new CapturedDiagnostics();

    private static boolean named(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(name));
    }

    @Test
    void aFailingPassIsReportedOnceAndTheLoopGoesOnUntilStopped() throws Exception {
        AtomicInteger passes = new AtomicInteger();
        CountDownLatch tenPasses = new CountDownLatch(10);
        PollingThread polling = PollingThread.start(
                "polling-test",
                5,
                () -> {
                    passes.incrementAndGet();
                    tenPasses.countDown();
                    throw new IllegalStateException("broken logger");
                },
                "polling-test");
        assertTrue(tenPasses.await(10, TimeUnit.SECONDS), "passes go on after a failure");
        int before = passes.get();
        Thread.sleep(200);
        // 5 ms each: about 40 passes in 200 ms; a loop that skips the sleep makes hundreds of thousands
        assertTrue(passes.get() - before <= 100, "a failing pass still sleeps its period: " + (passes.get() - before));
        assertTrue(polling.stop(), "the thread ended");
        assertFalse(named("polling-test"));
        int afterStop = passes.get();
        Thread.sleep(20);
        assertEquals(afterStop, passes.get(), "no pass after stop");
        assertEquals(1, diagnostics.lines().size(), diagnostics.lines().toString());
        assertTrue(
                diagnostics.lines().get(0).contains("polling-test skipped a pass"),
                diagnostics.lines().get(0));
        assertTrue(
                diagnostics.lines().get(0).contains("broken logger"),
                diagnostics.lines().get(0));
    }
}
