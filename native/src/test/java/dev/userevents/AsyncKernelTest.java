package dev.userevents;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.testing.KernelTestExtension;
import dev.userevents.testing.SignalStorm;
import dev.userevents.testing.Soak;
import dev.userevents.testing.Tracefs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ring and writer thread against the real kernel with ftrace capturing. The trace is read before the event
 * is disabled: once the app has closed and nothing traces the event, the kernel deletes it and {@code trace}
 * can no longer format its records ("Unknown type").
 */
@Tag("kernel")
class AsyncKernelTest {
    private static final int THREADS = 4;

    @RegisterExtension
    final KernelTestExtension kernel = new KernelTestExtension();

    @BeforeEach
    void biggerBuffer() {
        kernel.bufferSizeKb(16384); // per CPU: room for every event of these tests
    }

    private static UserEventsConfig.Builder async(int bufferSize, QueueFullPolicy policy) {
        return UserEventsConfig.builder()
                .mode(Mode.ASYNC)
                .bufferSize(bufferSize)
                .queueFullPolicy(policy)
                .shutdownHook(false)
                .shutdownTimeoutMillis(120_000);
    }

    private static void produce(UserEvents events, LoggerEvents logger, int perThread) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            threads.add(new Thread(() -> logNumbered(events, logger, id, perThread)));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** What one {@link #logAndCapture} run left: the core (closed, for its counters), the capture, the raw trace. */
    private record Captured(UserEvents events, List<List<Integer>> byThread, String trace) {}

    /**
     * 4 threads x {@code perThread} numbered events through an async ring of {@code ringSize} under {@code policy},
     * with ftrace capturing; the core is closed (flushed, unregistered) before the trace is read, and the trace is
     * read before the event is disabled (see the class comment).
     */
    private Captured logAndCapture(int ringSize, QueueFullPolicy policy, String loggerName, int perThread)
            throws InterruptedException {
        UserEvents events = kernel.open(async(ringSize, policy).build());
        LoggerEvents logger = events.logger(loggerName);
        String event = logger.eventName(Level.INFO);
        kernel.enable(event);
        produce(events, logger, perThread);
        events.close();
        return new Captured(events, capturedByThread(event), Tracefs.read(Tracefs.ROOT.resolve("trace")));
    }

    /** Logs "t<id> <i>" for i in [0, perThread): the format {@link #capturedByThread} parses. */
    private static void logNumbered(UserEvents events, LoggerEvents logger, int id, int perThread) {
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < perThread; i++) {
            message.setLength(0);
            message.append('t').append(id).append(' ').append(i);
            events.emit(logger, Level.INFO, message);
        }
    }

    /** Per producer thread, the sequence numbers seen in trace, in trace order. */
    private static List<List<Integer>> capturedByThread(String event) {
        List<List<Integer>> byThread = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            byThread.add(new ArrayList<>());
        }
        for (String payload : Tracefs.payloads(event)) {
            String message = payload.substring("msg=".length(), payload.indexOf(" level="));
            String[] parts = message.substring(1).split(" ");
            byThread.get(Integer.parseInt(parts[0])).add(Integer.parseInt(parts[1]));
        }
        return byThread;
    }

    @Test
    void blockPolicyDeliversEveryEventInPerThreadOrder() throws Exception {
        int perThread = 5_000;
        Captured run = logAndCapture(64, QueueFullPolicy.BLOCK, "kt.async.block", perThread);
        UserEvents events = run.events();
        List<List<Integer>> byThread = run.byThread();
        for (int t = 0; t < THREADS; t++) {
            List<Integer> seen = byThread.get(t);
            assertEquals(perThread, seen.size(), "thread " + t + ": " + events.counters() + " " + Tracefs.stats());
            for (int i = 0; i < perThread; i++) {
                assertEquals(i, seen.get(i), "thread " + t + " in order");
            }
        }
        assertEquals((long) THREADS * perThread, events.counters().written());
        assertEquals(0, events.counters().dropped());
        assertEquals(0, events.counters().errors());
        assertEquals(0, events.counters().disabledRace());
    }

    @Test
    void dropPolicyCapturedPlusDroppedEqualsSent() throws Exception {
        int perThread = 5_000;
        Captured run = logAndCapture(16, QueueFullPolicy.DROP, "kt.async.drop", perThread);
        UserEvents events = run.events();
        List<List<Integer>> byThread = run.byThread();
        int captured = byThread.stream().mapToInt(List::size).sum();
        long dropped = events.counters().dropped();
        assertEquals((long) THREADS * perThread, captured + dropped, "captured " + captured + " + dropped " + dropped);
        assertEquals(captured, events.counters().written());
        for (List<Integer> seen : byThread) {
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i) > seen.get(i - 1), "drops leave gaps, never reorder");
            }
        }
    }

    /**
     * SYNC: when the ring is full the caller writes the event itself. The kernel records which task wrote each
     * event, so the trace shows both the writer thread and the producers as writers, and nothing is missing.
     */
    @Test
    void syncPolicyWritesOverflowOnTheCallerAndLosesNothing() throws Exception {
        int perThread = 5_000;
        Captured run = logAndCapture(16, QueueFullPolicy.SYNC, "kt.async.sync", perThread);
        UserEvents events = run.events();
        List<List<Integer>> byThread = run.byThread();
        String trace = run.trace();
        for (int t = 0; t < THREADS; t++) {
            assertEquals(perThread, byThread.get(t).size(), "thread " + t + ": " + events.counters());
        }
        assertEquals((long) THREADS * perThread, events.counters().written());
        assertEquals(0, events.counters().dropped());
        assertEquals(0, events.counters().errors());
        long byWriter = 0;
        long byCallers = 0;
        for (String line : trace.split("\n")) {
            if (line.contains(" kt_async_sync_INFO: ")) {
                if (line.strip().startsWith("userevents-writ")) { // the task name, cut at 15 bytes
                    byWriter++;
                } else {
                    byCallers++;
                }
            }
        }
        assertEquals((long) THREADS * perThread, byWriter + byCallers);
        assertTrue(byWriter > 0 && byCallers > 0, "writer " + byWriter + ", callers " + byCallers);
        System.out.printf(
                "sync policy: ring 16, 4 x %d events: %d written by the writer thread, %d by their callers "
                        + "(ring full), none lost%n",
                perThread, byWriter, byCallers);
    }

    @Test
    void stopWithEventsPendingDeliversThemAll() throws Exception {
        UserEvents events = kernel.open(async(4096, QueueFullPolicy.BLOCK).build());
        LoggerEvents logger = events.logger("kt.async.pending");
        kernel.enable("kt_async_pending_INFO");
        for (int i = 0; i < 3_000; i++) {
            events.emit(logger, Level.INFO, "t0 " + i);
        }
        events.close(); // right away: most of the 3000 are still queued
        List<Integer> seen = capturedByThread("kt_async_pending_INFO").get(0);
        kernel.disable("kt_async_pending_INFO");
        assertEquals(3_000, seen.size(), events.counters().toString());
        assertEquals(2_999, seen.get(2_999));
        assertEquals(0, events.counters().dropped());
        events.emit(logger, Level.INFO, "after stop");
        assertEquals(
                3_000,
                events.counters().written(),
                "after stop the logger is disabled: nothing written, nothing thrown");
    }

    /**
     * EINTR under signals. The writer, the registrar and the producers are signalled every 200 us by a handler
     * without SA_RESTART (the control shows it turns a blocked read into EINTR), while 4 threads log through a
     * 64-slot BLOCK ring and a fifth registers 100 loggers. user_events' write and ioctl do not sleep
     * interruptibly, so none should fail; if one did, KernelDevice retries it. Nothing may be lost or refused.
     */
    @Test
    void signalsWithoutRestartLoseNoEventAndNoRegistration() throws Exception {
        assertTrue(
                SignalStorm.isEintr(SignalStorm.interruptBlockedRead()),
                "control: the handler must interrupt a blocked read with EINTR");
        int perThread = Soak.scaled(20_000); // 50 000 before 2026-12-02: thousands of signals either way
        UserEvents events = kernel.open(async(64, QueueFullPolicy.BLOCK).build());
        LoggerEvents logger = events.logger("kt.async.signals");
        int registeredBefore = events.registeredLoggerCount(); // this logger and the drop reporter's
        List<Integer> targets = new ArrayList<>(SignalStorm.threadsNamed("userevents-writer"));
        targets.addAll(SignalStorm.threadsNamed("userevents-registrar"));
        assertTrue(targets.size() >= 2, "writer and registrar threads found: " + targets);
        CountDownLatch producersReady = new CountDownLatch(THREADS + 1);
        CountDownLatch go = new CountDownLatch(1);
        List<Integer> workerTids = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            workers.add(new Thread(() -> {
                workerTids.add(SignalStorm.currentTid());
                producersReady.countDown();
                awaitUninterruptibly(go);
                logNumbered(events, logger, id, perThread);
            }));
        }
        workers.add(new Thread(() -> {
            workerTids.add(SignalStorm.currentTid());
            producersReady.countDown();
            awaitUninterruptibly(go);
            for (int i = 0; i < 100; i++) {
                events.logger("kt.async.signals.more" + i); // DIAG_IOCSREG on the signalled registrar
            }
        }));
        long signalsSent;
        kernel.enable("kt_async_signals_INFO");
        workers.forEach(Thread::start);
        producersReady.await();
        targets.addAll(workerTids);
        try (SignalStorm storm = new SignalStorm(targets, 200_000)) {
            go.countDown();
            for (Thread worker : workers) {
                worker.join();
            }
            signalsSent = storm.sent();
        }
        int registeredDuringStorm = events.registeredLoggerCount() - registeredBefore;
        events.close();
        List<List<Integer>> byThread = capturedByThread("kt_async_signals_INFO");
        assertTrue(signalsSent >= 1_000, "signals sent while logging: " + signalsSent);
        assertEquals(100, registeredDuringStorm, "registrations refused: " + events.refusedLoggerCount());
        for (int t = 0; t < THREADS; t++) {
            assertEquals(perThread, byThread.get(t).size(), "thread " + t + ": " + events.counters());
        }
        assertEquals((long) THREADS * perThread, events.counters().written());
        assertEquals(0, events.counters().errors());
        assertEquals(0, events.counters().dropped());
        System.out.printf(
                "signals: %d SIGURG (no SA_RESTART) sent to %d threads while 4 x %d events were logged "
                        + "and 100 loggers registered; all captured, 0 errors%n",
                signalsSent, targets.size(), perThread);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException ignored) {
                // keep waiting: the test's threads are never interrupted on purpose
            }
        }
    }

    @Test
    void fourThreadsUnderBlockAreAllCaptured() throws Exception {
        int perThread = Soak.scaled(100_000);
        kernel.bufferSizeKb(Soak.scaled(20_000)); // per CPU; an event takes about 32 bytes of it
        UserEvents events = kernel.open(async(4096, QueueFullPolicy.BLOCK).build());
        LoggerEvents logger = events.logger("kt.async.load");
        long started = System.nanoTime();
        kernel.enable("kt_async_load_INFO");
        produce(events, logger, perThread);
        events.close(); // flushes
        Tracefs.BufferCounts buffer = Tracefs.bufferCounts();
        double seconds = (System.nanoTime() - started) / 1e9;
        long sent = (long) THREADS * perThread;
        Counters counters = events.counters();
        assertEquals(sent, counters.written(), counters.toString());
        assertEquals(0, counters.dropped());
        assertEquals(0, counters.errors());
        assertEquals(sent, buffer.entries(), "ftrace holds every event: " + Tracefs.stats());
        assertEquals(0, buffer.overrun(), "nothing overwritten");
        assertEquals(0, buffer.dropped(), "nothing dropped by ftrace");
        System.out.printf(
                "load: %d events (4 threads x %d, BLOCK, ring 4096) all in ftrace's buffer in %.1f s "
                        + "(%.0f events/s in the VM), 0 dropped, 0 errors%n",
                sent, perThread, seconds, sent / seconds);
    }
}
