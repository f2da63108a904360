package dev.userevents;

import dev.userevents.spi.CapturedDiagnostics;
import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.testing.KernelTestSupport;
import dev.userevents.testing.Tracefs;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 10 000 loggers against the kernel's default {@code kernel.user_events_max} (32768 events, so about 5 461 loggers
 * of six events): the loggers that fit register, the rest stay disabled, one diagnostic says why, nothing throws,
 * and closing gives every slot back.
 */
@Tag("kernel")
class EventCapKernelTest {
    private static final int LOGGERS = 10_000;

    @RegisterExtension
    final CapturedDiagnostics diagnostics = new CapturedDiagnostics();

    /** One read: a sysctl file answers a read at a non-zero offset with EOF, so Files.readString sees one byte. */
    private static int sysctl(String path) throws java.io.IOException {
        try (java.io.InputStream in = Files.newInputStream(Paths.get(path))) {
            byte[] buffer = new byte[64];
            int length = in.read(buffer);
            return Integer.parseInt(new String(buffer, 0, length, java.nio.charset.StandardCharsets.US_ASCII).trim());
        }
    }

    private static long ours() {
        return Tracefs.statusEventNames().stream().filter(name -> name.startsWith("kt_cap_")).count();
    }

    @Test
    void loggersPastTheKernelsEventCapStayDisabledWithOneDiagnostic() throws Exception {
        KernelTestSupport.requireUserEvents();
        int max = sysctl("/proc/sys/kernel/user_events_max");
        int alreadyThere = Tracefs.statusEventNames().size();
        UserEvents events = UserEvents.open(UserEventsConfig.builder().mode(Mode.SYNC).shutdownHook(false).build());
        int registered;
        long started = System.nanoTime();
        try {
            for (int i = 0; i < LOGGERS; i++) {
                LoggerEvents logger = events.logger("kt.cap.logger" + i);
                events.emit(logger, Level.ERROR, "no exception either way");
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            registered = events.registeredLoggerCount();
            int fits = (max - alreadyThere) / Level.values().length;
            // Earlier tests' events may finish their deferred deletion meanwhile: at least what fitted, at most the cap.
            assertTrue(registered >= fits && registered <= max / Level.values().length,
                    registered + " registered, " + fits + " fitted (" + alreadyThere + " events were there, max " + max + ")");
            assertEquals(LOGGERS - registered, events.refusedLoggerCount());
            assertTrue(Tracefs.statusEventNames().size() <= max);

            List<String> reported = diagnostics.lines();
            assertEquals(1, reported.size(), reported.toString());
            assertTrue(reported.get(0).contains("EMFILE") && reported.get(0).contains("kernel.user_events_max"),
                    reported.get(0));

            // A logger that fitted is live; one past the cap has no event and reads disabled.
            LoggerEvents first = events.logger("kt.cap.logger0");
            Tracefs.enable("kt_cap_logger0_ERROR");
            try {
                assertTrue(first.isEnabled(Level.ERROR));
            } finally {
                Tracefs.disable("kt_cap_logger0_ERROR");
            }
            LoggerEvents last = events.logger("kt.cap.logger" + (LOGGERS - 1));
            assertFalse(last.isRegistered());
            assertFalse(Tracefs.exists("kt_cap_logger" + (LOGGERS - 1) + "_ERROR"));
            assertEquals(0, events.counters().errors(), events.counters().toString());
            System.out.printf("event cap: %d loggers, %d registered (%d events), %d refused with one EMFILE diagnostic,"
                    + " %.1f s in the VM%n", LOGGERS, registered, registered * 6, LOGGERS - registered, seconds);
        } finally {
            events.close();
        }

        // The kernel deletes unregistered events in deferred work: wait for it, then a new logger fits again.
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (ours() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, ours(), "events left after close");
        UserEvents again = UserEvents.open(UserEventsConfig.builder().mode(Mode.SYNC).shutdownHook(false).build());
        try {
            assertTrue(again.logger("kt.cap.after").isRegistered(), diagnostics.lines().toString());
        } finally {
            again.close();
        }
    }
}
