package dev.userevents;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.spi.EventDevice;
import dev.userevents.testing.InMemoryDevice;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@link UserEvents#loggers}: a sweep's or preregistration's loggers registered in one hop, the same as one by one. */
class BatchRegistrationTest {
    private static final UserEventsConfig SYNC =
            UserEventsConfig.builder().mode(Mode.SYNC).shutdownHook(false).build();

    /** Counts hops to the registration context; otherwise the in-memory double. */
    static class CountingDevice implements EventDevice {
        final InMemoryDevice inner = new InMemoryDevice();
        int hops;
        int eachCalls;

        @Override
        public <T> T inRegistrationContext(Supplier<T> work) {
            hops++;
            return work.get();
        }

        @Override
        public int registerEach(
                byte[] baseName, byte[][] suffixes, long enableAddress, int[] enableBits, int[] writeIndexes) {
            eachCalls++;
            return EventDevice.super.registerEach(baseName, suffixes, enableAddress, enableBits, writeIndexes);
        }

        @Override
        public int register(String command, long enableAddress, int enableBit) {
            return inner.register(command, enableAddress, enableBit);
        }

        @Override
        public int unregister(long enableAddress, int enableBit) {
            return inner.unregister(enableAddress, enableBit);
        }

        @Override
        public long writev(long iovAddress, int iovCount) {
            return inner.writev(iovAddress, iovCount);
        }

        @Override
        public String describe() {
            return "counting";
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @Test
    void aBatchRegistersEachNewLoggerInOneHopInOrder() {
        CountingDevice device = new CountingDevice();
        UserEvents events = UserEvents.open(SYNC, device);
        LoggerEvents earlier = events.logger("b.Earlier");
        int hopsBefore = device.hops;
        List<LoggerEvents> batch = events.loggers(Arrays.asList("b.One", "b.Earlier", "b.Two", "b.One", "b$Two", null));
        assertEquals(hopsBefore + 1, device.hops, "one hop for the batch");
        assertEquals(6, batch.size());
        assertEquals("b.One", batch.get(0).loggerName());
        assertSame(earlier, batch.get(1), "an existing logger is found, not registered again");
        assertSame(batch.get(0), batch.get(3), "a name given twice is one logger");
        assertNotEquals(batch.get(2).baseName(), batch.get(4).baseName(), "b.Two and b$Two never share events");
        assertEquals("root", batch.get(5).baseName());
        assertEquals(6 * 5, device.inner.liveRegistrations(), "Earlier, One, Two, b$Two, root");
        for (LoggerEvents logger : batch) {
            assertTrue(logger.isRegistered());
            assertSame(logger, events.logger(logger.loggerName()), "later lookups find the batch's loggers");
            for (Level level : Level.values()) {
                assertTrue(logger.writeIndex(level) >= 0);
            }
        }
        events.close();
        assertEquals(0, device.inner.liveRegistrations());
    }

    @Test
    void aRefusalInTheMiddleOfABatchDisablesThatLoggerOnlyAndUnregistersItsHalf() {
        CountingDevice device = new CountingDevice();
        UserEvents events = UserEvents.open(SYNC, device);
        device.inner.failRegistrationsAfter(6 + 3, dev.userevents.kernel.UserEventsAbi.EMFILE);
        List<LoggerEvents> batch = events.loggers(Arrays.asList("r.First", "r.Second"));
        assertTrue(batch.get(0).isRegistered());
        assertFalse(batch.get(1).isRegistered(), "refused at its fourth level");
        assertEquals(6, device.inner.liveRegistrations(), "the refused logger's first three were unregistered");
        assertEquals(1, events.refusedLoggerCount());
        assertEquals(2, device.eachCalls, "one device call per logger for its six events");
        events.close();
    }

    @Test
    void afterCloseABatchGivesDisabledLoggersEvenForANameGivenTwice() {
        CountingDevice device = new CountingDevice();
        UserEvents events = UserEvents.open(SYNC, device);
        events.close();
        List<LoggerEvents> batch = events.loggers(Arrays.asList("c.A", "c.A"));
        assertFalse(batch.get(0).isRegistered());
        assertSame(batch.get(0), batch.get(1));
        assertEquals(0, device.inner.liveRegistrations());
    }

    @Test
    void anUnavailableInstanceAnswersTheBatchWithDisabledLoggers() {
        UserEvents events = UserEvents.open(UserEventsConfig.builder()
                .mode(Mode.SYNC)
                .shutdownHook(false)
                .dataFile(java.nio.file.Paths.get("/no/such/user_events_data"))
                .build());
        List<LoggerEvents> batch = events.loggers(Arrays.asList("u.A", "u.B"));
        assertEquals(2, batch.size());
        assertFalse(batch.get(0).isRegistered());
        assertSame(batch.get(1), events.logger("u.B"));
        events.close();
    }
}
