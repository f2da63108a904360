package dev.userevents;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.kernel.NativeMemory;
import dev.userevents.kernel.UserEventsAbi;
import dev.userevents.spi.CapturedDiagnostics;
import dev.userevents.spi.EventDevice;
import dev.userevents.testing.InMemoryDevice;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pure logic of registration, gating and writing, against an in-process double of the device. */
class UserEventsTest {
    @RegisterExtension
    final CapturedDiagnostics captured = new CapturedDiagnostics();

    private static final UserEventsConfig SYNC =
            UserEventsConfig.builder().mode(Mode.SYNC).build();
    private final InMemoryDevice device = new InMemoryDevice();

    private static long address(LoggerEvents events) {
        return events.word().address;
    }

    @Test
    void loggerRegistersAllSixLevelsOnCreation() {
        UserEvents events = UserEvents.open(
                UserEventsConfig.builder().prefix("app_").mode(Mode.SYNC).build(), device);
        LoggerEvents logger = events.logger("com.example.Foo");
        assertEquals(6, device.liveRegistrations());
        List<String> commands = device.liveCommands();
        for (Level level : Level.values()) {
            assertTrue(
                    commands.contains("app_com_example_Foo_" + level + " __rel_loc char[] msg; u32 level"),
                    commands.toString());
            assertTrue(logger.writeIndex(level) >= 0);
            assertFalse(logger.isEnabled(level));
        }
        assertSame(logger, events.logger("com.example.Foo"), "one registration per logger");
        assertEquals(6, device.liveRegistrations());
        assertNotEquals(
                logger.baseName(), events.logger("com_example_Foo").baseName(), "two loggers never share events");
        assertEquals(12, device.liveRegistrations());
    }

    @Test
    void enableBitGatesExactlyThatLevelAndEmitWritesIt() {
        UserEvents events = UserEvents.open(SYNC, device);
        LoggerEvents foo = events.logger("foo");
        LoggerEvents bar = events.logger("bar");
        device.setEnabled(address(foo), Level.DEBUG.enableBit(), true);
        for (Level level : Level.values()) {
            assertEquals(level == Level.DEBUG, foo.isEnabled(level), level.toString());
            assertFalse(bar.isEnabled(level));
        }
        events.emit(foo, Level.INFO, "not traced");
        events.emit(foo, Level.DEBUG, "traced \uD83D\uDE00");
        events.emit(bar, Level.DEBUG, "not traced either");
        List<InMemoryDevice.Record> records = device.records();
        assertEquals(1, records.size());
        assertEquals("traced \uD83D\uDE00", records.get(0).message);
        assertEquals(5, records.get(0).level);
        assertEquals(foo.writeIndex(Level.DEBUG), records.get(0).writeIndex);
        assertEquals(1, events.counters().written());
        device.setEnabled(address(foo), Level.DEBUG.enableBit(), false);
        assertFalse(foo.isEnabled(Level.DEBUG));
    }

    @Test
    void closeUnregistersEverythingOnceAndDisablesLoggers() {
        UserEvents events = UserEvents.open(SYNC, device);
        LoggerEvents a = events.logger("a");
        events.logger("b");
        device.setEnabled(address(a), Level.WARN.enableBit(), true);
        assertTrue(a.isEnabled(Level.WARN));
        events.close();
        assertEquals(0, device.liveRegistrations());
        assertFalse(a.isEnabled(Level.WARN), "word zeroed after DIAG_IOCSUNREG");
        assertEquals(1, device.closeCount());
        events.close();
        assertEquals(1, device.closeCount(), "idempotent");
        events.emit(a, Level.WARN, "after close");
        assertEquals(0, device.records().size());
        assertFalse(events.logger("c").isRegistered(), "no registration after close");
        assertEquals(0, device.liveRegistrations());
        assertTrue(captured.lines().isEmpty(), captured.lines().toString());
    }

    @Test
    void refusedRegistrationGivesDisabledLoggerAndOneDiagnostic() {
        device.failRegistrationsAfter(8, UserEventsAbi.EMFILE);
        UserEvents events = UserEvents.open(SYNC, device);
        assertTrue(events.logger("first").isRegistered());
        LoggerEvents second = events.logger("second");
        assertFalse(second.isRegistered());
        assertEquals(6, device.liveRegistrations(), "the two levels of 'second' that succeeded were unregistered");
        for (int i = 0; i < 100; i++) {
            assertFalse(events.logger("more" + i).isRegistered());
        }
        assertEquals(1, captured.lines().size(), captured.lines().toString());
        assertTrue(
                captured.lines().get(0).contains("EMFILE")
                        && captured.lines().get(0).contains("user_events_max"),
                captured.lines().get(0));
        events.emit(second, Level.ERROR, "nothing happens");
        assertEquals(1, events.registeredLoggerCount());
    }

    @Test
    void missingDataFileGivesOneDiagnosticAndDisabledLoggers() {
        UserEvents first = UserEvents.open(UserEventsConfig.builder()
                .dataFile(Paths.get("/nonexistent/user_events_data"))
                .build());
        UserEvents second = UserEvents.open(UserEventsConfig.builder()
                .dataFile(Paths.get("/nonexistent/user_events_data"))
                .build());
        assertFalse(first.isAvailable());
        assertTrue(first.unavailableReason().contains("/nonexistent/user_events_data"), first.unavailableReason());
        LoggerEvents logger = first.logger("x");
        assertFalse(logger.isEnabled(Level.FATAL));
        first.emit(logger, Level.FATAL, "goes nowhere");
        first.close();
        second.close();
        assertEquals(1, captured.lines().size(), captured.lines().toString());
    }

    @Test
    void ebadfRaceIsCountedNotThrown() {
        EventDevice racing = new EventDevice() {
            @Override
            public int register(String command, long enableAddress, int enableBit) {
                new com.sun.jna.Pointer(enableAddress).setInt(0, -1); // everything enabled
                return 0;
            }

            @Override
            public int unregister(long enableAddress, int enableBit) {
                return 0;
            }

            @Override
            public long writev(long iovAddress, int iovCount) {
                return -UserEventsAbi.EBADF;
            }

            @Override
            public String describe() {
                return "racing";
            }

            @Override
            public void close() {}
        };
        UserEvents events = UserEvents.open(SYNC, racing);
        LoggerEvents logger = events.logger("r");
        events.emit(logger, Level.INFO, "raced");
        assertEquals(1, events.counters().disabledRace());
        assertEquals(0, events.counters().errors());
        assertTrue(captured.lines().isEmpty());
    }

    @Test
    void theShutdownFlushDeliversQueuedEventsThenWritesOnCallersAndKeepsRegistrations() {
        UserEvents events = UserEvents.open(
                UserEventsConfig.builder().shutdownHook(false).bufferSize(8).build(), device);
        LoggerEvents logger = events.logger("hooked");
        device.setEnabled(logger, Level.INFO, true);
        for (int i = 0; i < 5; i++) {
            events.emit(logger, Level.INFO, "queued " + i);
        }
        int registrations = device.liveRegistrations(); // this logger's and the drop reporter's
        events.flushForShutdown();
        assertEquals(5, device.records().size(), "queued events delivered by the flush");
        assertEquals(registrations, device.liveRegistrations(), "registrations kept until the JVM halts");
        events.emit(logger, Level.INFO, "from another hook"); // written on this thread, before emit returns
        assertEquals(6, device.records().size());
        assertEquals("from another hook", device.records().get(5).message);
        assertEquals(0, device.closeCount());
        assertEquals(0, events.counters().dropped());
        events.close();
        assertEquals(0, device.liveRegistrations());
    }

    @Test
    void anEventThatPassedItsCheckButArrivesAfterCloseIsCountedAndReportedOnce() {
        UserEvents events = UserEvents.open(SYNC, device);
        LoggerEvents logger = events.logger("late");
        device.setEnabled(logger, Level.WARN, true);
        events.close();
        // A front end that read the word before close() and emits after it.
        LoggerEvents enabledView = enabledCopy(logger);
        events.emit(enabledView, Level.WARN, "one");
        events.emit(enabledView, Level.WARN, "two");
        assertEquals(2, events.counters().dropped());
        assertEquals(1, captured.lines().size(), captured.lines().toString());
        assertTrue(
                captured.lines().get(0).contains("after UserEvents.close()"),
                captured.lines().get(0));
        assertEquals(0, device.records().size());
    }

    /** A logger whose word reads every level enabled, standing for one that passed its check before close. */
    private static LoggerEvents enabledCopy(LoggerEvents logger) {
        EnableWord word = new EnableWords().allocate(); // never registered: this test may write it
        NativeMemory.writeIntVolatile(word.page, word.offset, -1);
        return new LoggerEvents(logger.loggerName(), logger.baseName(), word, new int[Level.TRACE.value + 1], null, 0);
    }

    @Test
    void callerThreadOptionPrefixesNameAndId() throws Exception {
        UserEvents events = UserEvents.open(
                UserEventsConfig.builder().mode(Mode.SYNC).callerThread(true).build(), device);
        LoggerEvents logger = events.logger("threads");
        device.setEnabled(logger, Level.INFO, true);
        Thread worker = new Thread(() -> events.emit(logger, Level.INFO, "accepted"), "NIOWorkerThread-2");
        worker.start();
        worker.join();
        @SuppressWarnings("deprecation")
        long id = worker.getId();
        assertEquals("[NIOWorkerThread-2#" + id + "] accepted", device.records().get(0).message);
    }

    @Test
    void preregistrationRegistersEveryNamedClassOfThePackageAtOpen() {
        UserEvents events = UserEvents.open(
                UserEventsConfig.builder()
                        .mode(Mode.SYNC)
                        .preregisterPackages(List.of("dev.userevents.testing.late", "no.such.pkg"))
                        .build(),
                device);
        List<String> commands = device.liveCommands();
        assertTrue(
                commands.contains("dev_userevents_testing_late_LateConnection_INFO __rel_loc char[] msg; u32 level"),
                commands.toString());
        assertTrue(
                commands.contains(
                        "dev_userevents_testing_late_LateConnection_Handler_INFO __rel_loc char[] msg; u32 level"),
                commands.toString());
        assertEquals(
                12,
                device.liveRegistrations(),
                "two named classes; the anonymous LateConnection$1 is skipped: " + commands);
        assertEquals(1, captured.lines().size(), captured.lines().toString());
        assertTrue(
                captured.lines().get(0).contains("no.such.pkg"),
                captured.lines().get(0));
        int before = device.liveRegistrations();
        assertTrue(events.logger("dev.userevents.testing.late.LateConnection").isRegistered());
        assertEquals(before, device.liveRegistrations(), "creating the logger later finds the registration");
    }
}
