package dev.userevents;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.spi.CapturedDiagnostics;
import dev.userevents.spi.EventDevice;
import dev.userevents.testing.InMemoryDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ring and writer thread against an in-process device double (pure logic; the kernel tests cover the rest). */
@Timeout(60)
class AsyncWriterTest {
    @RegisterExtension
    final CapturedDiagnostics captured = new CapturedDiagnostics();

    /** Holds every writev until opened, so tests can fill the ring deterministically. */
    static class GatedDevice implements EventDevice {
        final InMemoryDevice recorder = new InMemoryDevice();
        final CountDownLatch gate = new CountDownLatch(1);
        final CountDownLatch firstWriteStarted = new CountDownLatch(1);
        /** The thread of each write, in order. */
        final List<String> writingThreads = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

        @Override
        public int register(String command, long enableAddress, int enableBit) {
            return recorder.register(command, enableAddress, enableBit);
        }

        @Override
        public int unregister(long enableAddress, int enableBit) {
            return recorder.unregister(enableAddress, enableBit);
        }

        @Override
        public long writev(long iovAddress, int iovCount) {
            writingThreads.add(Thread.currentThread().getName());
            firstWriteStarted.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return recorder.writev(iovAddress, iovCount);
        }

        @Override
        public String describe() {
            return "gated";
        }

        @Override
        public void close() {
            recorder.close();
        }
    }

    private static UserEventsConfig.Builder async(int bufferSize, QueueFullPolicy policy) {
        return UserEventsConfig.builder()
                .mode(Mode.ASYNC)
                .bufferSize(bufferSize)
                .queueFullPolicy(policy)
                .shutdownHook(false);
    }

    private static LoggerEvents enabledLogger(UserEvents events, InMemoryDevice device, String name) {
        LoggerEvents logger = events.logger(name);
        for (Level level : Level.values()) {
            device.setEnabled(logger.word().address, level.enableBit(), true);
        }
        return logger;
    }

    @Test
    void fourProducersDeliverEverythingInPerThreadOrder() throws Exception {
        InMemoryDevice device = new InMemoryDevice();
        UserEvents events = UserEvents.open(async(8, QueueFullPolicy.BLOCK).build(), device);
        LoggerEvents logger = enabledLogger(events, device, "multi");
        int perThread = 5_000;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            threads.add(new Thread(() -> {
                StringBuilder message = new StringBuilder();
                for (int i = 0; i < perThread; i++) {
                    message.setLength(0);
                    message.append(id).append(':').append(i);
                    events.emit(logger, Level.INFO, message);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        events.close();
        List<InMemoryDevice.Record> records = device.records();
        assertEquals(4 * perThread, records.size());
        int[] nextByThread = new int[4];
        for (InMemoryDevice.Record record : records) {
            String[] parts = record.message.split(":");
            int thread = Integer.parseInt(parts[0]);
            assertEquals(nextByThread[thread]++, Integer.parseInt(parts[1]), "per-thread order");
        }
        assertEquals(4L * perThread, events.counters().written());
        assertEquals(0, events.counters().dropped());
    }

    @Test
    void dropPolicyCountsWhatDoesNotFitAndReportsIt() throws Exception {
        GatedDevice device = new GatedDevice();
        UserEvents events = UserEvents.open(
                async(4, QueueFullPolicy.DROP).dropReportIntervalMillis(1).build(), device);
        LoggerEvents logger = enabledLogger(events, device.recorder, "drop");
        events.emit(logger, Level.WARN, "first");
        assertTrue(device.firstWriteStarted.await(10, TimeUnit.SECONDS));
        for (int i = 0; i < 10; i++) { // "first" keeps its slot while being written: 3 free, 7 dropped
            events.emit(logger, Level.WARN, "m" + i);
        }
        assertEquals(7, events.counters().dropped());
        device.gate.countDown();
        events.close();
        assertEquals(4, device.recorder.records().size());
        assertEquals(11, events.counters().written() + events.counters().dropped());
        assertTrue(
                captured.lines().stream().anyMatch(line -> line.contains("dropped 7 events")),
                captured.lines().toString());
    }

    @Test
    void syncPolicyWritesOnTheCallerWhenFull() throws Exception {
        GatedDevice device = new GatedDevice();
        UserEvents events = UserEvents.open(async(2, QueueFullPolicy.SYNC).build(), device);
        LoggerEvents logger = enabledLogger(events, device.recorder, "sync");
        events.emit(logger, Level.WARN, "first");
        assertTrue(device.firstWriteStarted.await(10, TimeUnit.SECONDS));
        events.emit(logger, Level.WARN, "q1"); // the second slot ("first" keeps the other while being written)
        Thread overflow = new Thread(() -> events.emit(logger, Level.WARN, "overflow"), "overflow-caller");
        overflow.start();
        Thread.sleep(100);
        assertTrue(overflow.isAlive(), "the caller itself is writing (held by the gate)");
        device.gate.countDown();
        overflow.join(10_000);
        events.close();
        assertEquals(3, device.recorder.records().size());
        assertEquals(0, events.counters().dropped());
        // BLOCK would have waited for a slot and left the write to the writer thread.
        assertEquals(List.of("userevents-writer", "overflow-caller", "userevents-writer"), device.writingThreads);
        assertEquals(
                java.util.Set.of("first", "q1", "overflow"),
                device.recorder.records().stream()
                        .map(record -> record.message)
                        .collect(java.util.stream.Collectors.toSet()));
    }

    /**
     * Something the writer calls logs (a device, or user code it should never run): the writer must not wait on its
     * own full ring, which only it can free. Under BLOCK its events are written on it directly, and nothing is lost.
     */
    @Test
    void theWriterNeverWaitsOnItsOwnFullRing() {
        UserEvents[] events = new UserEvents[1];
        LoggerEvents[] logger = new LoggerEvents[1];
        GatedDevice loggingDevice = new GatedDevice() {
            @Override
            public long writev(long iovAddress, int iovCount) {
                long result = super.writev(iovAddress, iovCount);
                List<InMemoryDevice.Record> records = recorder.records();
                if (records.size() == 1 && records.get(0).message.equals("first")) {
                    for (int i = 0; i < 3; i++) { // the ring holds 2, one of them "first" being written
                        events[0].emit(logger[0], Level.WARN, "from the writer " + i);
                    }
                }
                return result;
            }
        };
        loggingDevice.gate.countDown(); // never held
        InMemoryDevice recorder = loggingDevice.recorder;
        events[0] = UserEvents.open(async(2, QueueFullPolicy.BLOCK).build(), loggingDevice);
        logger[0] = enabledLogger(events[0], recorder, "writer.logs");
        assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(20),
                () -> {
                    events[0].emit(logger[0], Level.WARN, "first");
                    while (recorder.records().size() < 4) {
                        Thread.sleep(1);
                    }
                    events[0].close();
                },
                "the writer waited on its own ring");
        assertEquals(
                java.util.Set.of("first", "from the writer 0", "from the writer 1", "from the writer 2"),
                recorder.records().stream().map(record -> record.message).collect(java.util.stream.Collectors.toSet()));
        assertEquals(0, events[0].counters().dropped());
        assertEquals(
                List.of("userevents-writer"),
                loggingDevice.writingThreads.stream().distinct().toList());
    }

    @Test
    void closeDeliversPendingEventsThenDisablesLoggers() throws Exception {
        GatedDevice device = new GatedDevice();
        UserEvents events = UserEvents.open(async(1024, QueueFullPolicy.BLOCK).build(), device);
        LoggerEvents logger = enabledLogger(events, device.recorder, "pending");
        for (int i = 0; i < 500; i++) {
            events.emit(logger, Level.ERROR, "p" + i);
        }
        assertTrue(device.firstWriteStarted.await(10, TimeUnit.SECONDS));
        Thread opener = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ignored) {
            }
            device.gate.countDown();
        });
        opener.start();
        events.close();
        assertEquals(500, device.recorder.records().size());
        assertEquals("p499", device.recorder.records().get(499).message);
        assertEquals(0, device.recorder.liveRegistrations(), "unregistered after the flush");
        events.emit(logger, Level.ERROR, "after close");
        assertEquals(500, device.recorder.records().size());
    }

    @Test
    void shutdownTimeoutCountsUndeliveredEventsAsDropped() throws Exception {
        GatedDevice device = new GatedDevice();
        UserEvents events = UserEvents.open(async(64, QueueFullPolicy.BLOCK).build(), device);
        LoggerEvents logger = enabledLogger(events, device.recorder, "timeout");
        for (int i = 0; i < 20; i++) {
            events.emit(logger, Level.ERROR, "t" + i);
        }
        assertTrue(device.firstWriteStarted.await(10, TimeUnit.SECONDS));
        new Thread(() -> {
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException ignored) {
                    }
                    device.gate.countDown();
                })
                .start();
        events.close(100); // the first write is stuck past the deadline
        assertEquals(20, events.counters().written() + events.counters().dropped());
        assertEquals(19, events.counters().dropped());
        assertTrue(
                captured.lines().stream().anyMatch(line -> line.contains("19 queued events were not delivered")),
                captured.lines().toString());
    }

    @Test
    void aMessageThatThrowsWhileEncodingDoesNotStallTheWriter() {
        InMemoryDevice device = new InMemoryDevice();
        UserEvents events = UserEvents.open(async(4, QueueFullPolicy.BLOCK).build(), device);
        LoggerEvents logger = enabledLogger(events, device, "bad");
        CharSequence hostile = new CharSequence() {
            @Override
            public int length() {
                return 10;
            }

            @Override
            public char charAt(int index) {
                throw new IllegalStateException("boom");
            }

            @Override
            public CharSequence subSequence(int start, int end) {
                return this;
            }
        };
        for (int i = 0; i < 10; i++) {
            events.emit(logger, Level.INFO, hostile); // must not throw
        }
        events.emit(logger, Level.INFO, "after");
        events.close();
        List<InMemoryDevice.Record> records = device.records();
        assertEquals(1, records.size());
        assertEquals("after", records.get(0).message);
        assertEquals(
                10,
                events.counters().errors(),
                "10 failed encodes, each counted once (by emit; the writer skips aborted slots)");
        assertEquals(
                1,
                captured.lines().stream().filter(line -> line.contains("boom")).count(),
                captured.lines().toString());
    }

    @Test
    void capacityIsAPowerOfTwo() {
        assertEquals(2, EventRing.capacityFor(0));
        assertEquals(1024, EventRing.capacityFor(1000));
        assertEquals(1024, EventRing.capacityFor(1024));
        assertEquals(1 << 20, EventRing.capacityFor(Integer.MAX_VALUE));
    }
}
