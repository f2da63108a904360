package dev.userevents;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Threads that create loggers while a registration hop runs share the next hop ({@link HopQueue}). */
class HopQueueTest {
    private static final UserEventsConfig SYNC =
            UserEventsConfig.builder().mode(Mode.SYNC).shutdownHook(false).build();

    /** The first hop waits for {@link #release}; every hop is counted. */
    static final class GatedDevice extends BatchRegistrationTest.CountingDevice {
        final AtomicInteger gatedHops = new AtomicInteger();
        final CountDownLatch firstHopRunning = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public <T> T inRegistrationContext(Supplier<T> work) {
            if (gatedHops.incrementAndGet() == 1) {
                firstHopRunning.countDown();
                try {
                    assertTrue(release.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            synchronized (this) { // the double is not thread-safe; hops never overlap, this only makes it explicit
                return work.get();
            }
        }
    }

    @Test
    void callersArrivingDuringAHopShareTheNextOne() throws Exception {
        GatedDevice device = new GatedDevice();
        UserEvents events = UserEvents.open(SYNC, device);
        Thread first = new Thread(() -> events.logger("q.First"));
        first.start();
        assertTrue(device.firstHopRunning.await(10, TimeUnit.SECONDS));
        int waiters = 8;
        List<Thread> threads = new ArrayList<>();
        ConcurrentHashMap<String, LoggerEvents> got = new ConcurrentHashMap<>();
        for (int i = 0; i < waiters; i++) {
            String name = "q.Waiter" + i;
            Thread thread = new Thread(() -> {
                got.put(name, events.logger(name));
                got.put(name + "/again", events.logger("q.Waiter0")); // one name asked by every thread
            });
            threads.add(thread);
            thread.start();
        }
        // Every waiter has arrived (blocked or waiting) before the first hop ends.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Thread thread : threads) {
            while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.BLOCKED) {
                assertTrue(System.nanoTime() < deadline, "waiter never arrived");
                Thread.sleep(1);
            }
        }
        Thread.sleep(200); // the blocked ones queue
        device.release.countDown();
        first.join(10_000);
        for (Thread thread : threads) {
            thread.join(10_000);
            assertFalse(thread.isAlive());
        }
        assertEquals(2, device.gatedHops.get(), "the first hop, then one for all " + waiters + " waiters");
        for (int i = 0; i < waiters; i++) {
            LoggerEvents logger = got.get("q.Waiter" + i);
            assertEquals("q.Waiter" + i, logger.loggerName());
            assertTrue(logger.isRegistered());
            assertSame(logger, events.logger("q.Waiter" + i));
            assertSame(events.logger("q.Waiter0"), got.get("q.Waiter" + i + "/again"));
        }
        assertEquals(6 * (1 + waiters), device.inner.liveRegistrations());
        events.close();
        assertEquals(0, device.inner.liveRegistrations());
    }

    @Test
    void aFailedHopFailsEveryCallerItCarriedAndTheNextHopRunsAfresh() {
        BatchRegistrationTest.CountingDevice failing = new BatchRegistrationTest.CountingDevice() {
            int calls;

            @Override
            public <T> T inRegistrationContext(Supplier<T> work) {
                if (calls++ == 0) {
                    throw new IllegalStateException("registrar gone");
                }
                return work.get();
            }
        };
        UserEvents events = UserEvents.open(SYNC, failing);
        LoggerEvents refused = events.logger("q.Failed"); // UserEvents reports it and hands out a disabled logger
        assertFalse(refused.isRegistered());
        assertTrue(events.logger("q.Later").isRegistered(), "the queue is not left running after a failure");
        assertTrue(events.logger("q.Failed").isRegistered(), "nothing was recorded for the failed hop");
        events.close();
    }
}
