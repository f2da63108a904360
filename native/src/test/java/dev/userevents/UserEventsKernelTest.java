package dev.userevents;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.spi.Diagnostics;
import dev.userevents.testing.KernelTestExtension;
import dev.userevents.testing.Perf;
import dev.userevents.testing.Tracefs;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The core against the real kernel (run by vm/run-kernel-tests inside the test VM). */
@Tag("kernel")
class UserEventsKernelTest {
    @RegisterExtension
    final KernelTestExtension kernel = new KernelTestExtension();

    /** Sync mode: these tests read the trace right after emit (AsyncKernelTest covers the ring). */
    private UserEvents open() {
        return kernel.open(sync().build());
    }

    private static UserEventsConfig.Builder sync() {
        return UserEventsConfig.builder().mode(Mode.SYNC);
    }

    @Test
    void creatingALoggerRegistersSixEventsWithTheFormat() {
        LoggerEvents logger = open().logger("kt.format.Foo$Bar");
        assertEquals("kt_format_Foo_Bar", logger.baseName());
        List<String> status = Tracefs.statusEventNames();
        for (Level level : Level.values()) {
            String event = "kt_format_Foo_Bar_" + level;
            assertTrue(status.contains(event), event + " in user_events_status: " + status);
            String format = Tracefs.format(event);
            assertTrue(format.contains("name: " + event + "\n"), format);
            assertTrue(format.contains("field:__rel_loc char msg[];"), format);
            assertTrue(format.contains("field:u32 level;"), format);
            assertTrue(format.contains("print fmt: \"msg=%s level=%u\""), format);
            assertFalse(logger.isEnabled(level));
        }
    }

    @Test
    void enablingOneEventEnablesExactlyThatLoggerAndLevel() {
        UserEvents events = open();
        LoggerEvents target = events.logger("kt.gate.Target");
        LoggerEvents other = events.logger("kt.gate.Other");
        kernel.enable("kt_gate_Target_DEBUG");
        for (Level level : Level.values()) {
            assertEquals(level == Level.DEBUG, target.isEnabled(level), level.name());
            assertFalse(other.isEnabled(level), level.name());
        }
        assertEquals(Level.DEBUG.tracepointMask, target.enableWord());
        kernel.disable("kt_gate_Target_DEBUG");
        assertFalse(target.isEnabled(Level.DEBUG), "disabling clears the bit");
        assertEquals(0, target.enableWord());
    }

    @Test
    void writtenEventsDecodeByteExactInTrace() {
        UserEvents events = kernel.open(sync().maxMessageBytes(200).build());
        LoggerEvents logger = events.logger("kt.trace");
        String nonBmp = "unicode \u00e9\u4e2d \uD83D\uDE80\uD834\uDD1E end";
        String longMessage = "L".repeat(500);
        kernel.enable("kt_trace_INFO");
        kernel.enable("kt_trace_ERROR");
        events.emit(logger, Level.INFO, "hello ascii 123");
        events.emit(logger, Level.INFO, nonBmp);
        events.emit(logger, Level.INFO, "");
        events.emit(logger, Level.ERROR, longMessage);
        events.emit(logger, Level.DEBUG, "not enabled, not written");
        assertEquals(
                List.of(Tracefs.payload("hello ascii 123", 4), Tracefs.payload(nonBmp, 4), Tracefs.payload("", 4)),
                Tracefs.payloads("kt_trace_INFO"));
        String truncated = "L".repeat(200 - EventEncoder.TRUNCATION_MARKER.length()) + EventEncoder.TRUNCATION_MARKER;
        assertEquals(List.of(Tracefs.payload(truncated, 2)), Tracefs.payloads("kt_trace_ERROR"));
        assertTrue(Tracefs.payloads("kt_trace_DEBUG").isEmpty());
        assertEquals(4, events.counters().written());
        assertEquals(0, events.counters().errors());
    }

    @Test
    void defaultBoundKeepsTheLongestMessageInFtrace() {
        UserEvents events = open();
        LoggerEvents logger = events.logger("kt.bound");
        kernel.enable("kt_bound_WARN");
        events.emit(logger, Level.WARN, "x".repeat(100_000));
        List<String> payloads = Tracefs.payloads("kt_bound_WARN");
        assertEquals(1, payloads.size(), "ftrace kept the event of the default maximum size");
        String expected = "x".repeat(EventEncoder.DEFAULT_MAX_MESSAGE_BYTES - EventEncoder.TRUNCATION_MARKER.length())
                + EventEncoder.TRUNCATION_MARKER;
        assertEquals(Tracefs.payload(expected, 3), payloads.get(0));
    }

    @Test
    void ftraceFilterOnLevelWorks() {
        UserEvents events = open();
        LoggerEvents logger = events.logger("kt.filter");
        for (Level level : Level.values()) {
            kernel.filter(logger.eventName(level), "level <= 3");
            kernel.enable(logger.eventName(level));
        }
        for (Level level : Level.values()) {
            assertTrue(logger.isEnabled(level));
            events.emit(logger, level, "at " + level);
        }
        for (Level level : Level.values()) {
            List<String> payloads = Tracefs.payloads(logger.eventName(level));
            if (level.value <= 3) {
                assertEquals(List.of(Tracefs.payload("at " + level, level.value)), payloads);
            } else {
                assertEquals(List.of(), payloads, level + " filtered out");
            }
        }
    }

    @Test
    void perfRecordAndScriptDecodeEvents() throws Exception {
        UserEvents events = open();
        LoggerEvents logger = events.logger("kt.perf.Service");
        String script =
                Perf.recordAndScript(List.of("kt_perf_Service_WARN"), () -> logger.isEnabled(Level.WARN), () -> {
                    for (int i = 0; i < 5; i++) {
                        events.emit(logger, Level.WARN, "perf sees \u00e9 #" + i);
                    }
                });
        assertFalse(logger.isEnabled(Level.WARN), "perf detached");
        for (int i = 0; i < 5; i++) {
            assertTrue(
                    script.contains("kt_perf_Service_WARN: msg=perf sees \u00e9 #" + i + " level=3"),
                    script); // print fmt, not 0x3
        }
    }

    @Test
    void closeRemovesRegistrationsAndTheSameLoggerRegistersAgain() throws Exception {
        UserEvents first = kernel.open(sync().build());
        LoggerEvents logger = first.logger("kt.reopen");
        assertTrue(Tracefs.statusEventNames().contains("kt_reopen_INFO"));
        kernel.enable("kt_reopen_INFO");
        assertTrue(logger.isEnabled(Level.INFO));
        kernel.disable("kt_reopen_INFO");
        first.close();
        first.close(); // idempotent
        assertFalse(logger.isEnabled(Level.INFO));
        // With no other user in this JVM the fd closed, dropping the kernel's last references; deletion is deferred.
        assertTrue(waitUntil(() -> !Tracefs.statusEventNames().contains("kt_reopen_INFO")), Tracefs.status());

        UserEvents second = open();
        LoggerEvents again = second.logger("kt.reopen");
        assertTrue(again.isRegistered());
        assertTrue(Tracefs.statusEventNames().contains("kt_reopen_INFO"));
        kernel.enable("kt_reopen_INFO");
        assertTrue(again.isEnabled(Level.INFO));
        second.emit(again, Level.INFO, "second life");
        assertEquals(List.of(Tracefs.payload("second life", 4)), Tracefs.payloads("kt_reopen_INFO"));
    }

    @Test
    void unregisteringWhileOthersShareTheFdKeepsTheirEventsWorking() {
        UserEvents keeper = open();
        LoggerEvents kept = keeper.logger("kt.shared.Kept");
        UserEvents leaver = kernel.open(sync().build());
        LoggerEvents left = leaver.logger("kt.shared.Left");
        kernel.enable("kt_shared_Left_INFO");
        assertTrue(left.isEnabled(Level.INFO));
        leaver.close();
        assertFalse(left.isEnabled(Level.INFO), "DIAG_IOCSUNREG then zeroed, though ftrace still has the event on");
        kernel.disable("kt_shared_Left_INFO");
        kernel.enable("kt_shared_Kept_INFO");
        keeper.emit(kept, Level.INFO, "still here");
        assertEquals(List.of(Tracefs.payload("still here", 4)), Tracefs.payloads("kt_shared_Kept_INFO"));
    }

    @Test
    void unregisteringFromAnUnrelatedOlderThreadWorks() throws Exception {
        // Threads that exist before the first registration get no user_event_mm of the registering thread; the
        // core must still unregister from them (the shutdown hook of a SIGTERM runs on such a thread).
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<String> diagnostics = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.function.Consumer<String> previous = Diagnostics.setSink(diagnostics::add);
        UserEvents[] holder = new UserEvents[1];
        kernel.closeAfter(
                () -> { // the older thread closes it; this is for a test that fails before
                    if (holder[0] != null) {
                        holder[0].close();
                    }
                });
        Thread older = new Thread(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            holder[0].close();
        });
        older.start(); // exists before the registration below
        try {
            Thread registering = new Thread(() -> {
                holder[0] = UserEvents.open(sync().build());
                holder[0].logger("kt.threads");
            });
            registering.start();
            registering.join();
            assertTrue(Tracefs.statusEventNames().contains("kt_threads_INFO"));
            go.countDown();
            older.join();
        } finally {
            Diagnostics.setSink(previous);
        }
        assertEquals(List.of(), diagnostics);
        assertTrue(waitUntil(() -> !Tracefs.statusEventNames().contains("kt_threads_INFO")), Tracefs.status());
    }

    private static boolean waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
