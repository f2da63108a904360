package dev.userevents;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.spi.CapturedDiagnostics;
import dev.userevents.testing.KernelTestExtension;
import dev.userevents.testing.Tracefs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Loggers past {@code kernel.user_events_max}: the loggers that fit register, the rest stay disabled, one
 * diagnostic says why, nothing throws, and closing gives every slot back.
 *
 * <p>The test lowers the cap to {@value #ROOM} events above what exists, rather than filling the default 32 768:
 * the kernel deletes a closed event in deferred work that holds {@code event_mutex}, and 32 766 deletions kept
 * every tracefs write (and the next tests) waiting for minutes in the VM. The refusal path is the same at any cap.
 * It restores the cap and waits (bounded) until the kernel has deleted its events, so the next test finds the
 * kernel as it was.
 */
@Tag("kernel")
class EventCapKernelTest {
    /** Events the lowered cap leaves free: {@value} / 6 = 100 loggers fit. */
    private static final int ROOM = 600;

    private static final int LOGGERS = 300;
    private static final Path MAX = Paths.get("/proc/sys/kernel/user_events_max");

    @RegisterExtension
    final KernelTestExtension kernel = new KernelTestExtension();

    @RegisterExtension
    final CapturedDiagnostics diagnostics = new CapturedDiagnostics();

    /** One read: a sysctl file answers a read at a non-zero offset with EOF, so Files.readString sees one byte. */
    private static int sysctl(Path path) throws java.io.IOException {
        try (java.io.InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[64];
            int length = in.read(buffer);
            return Integer.parseInt(new String(buffer, 0, length, java.nio.charset.StandardCharsets.US_ASCII).trim());
        }
    }

    private static long ours() {
        return Tracefs.statusEventNames().stream()
                .filter(name -> name.startsWith("kt_cap_"))
                .count();
    }

    @Test
    void loggersPastTheKernelsEventCapStayDisabledWithOneDiagnostic() throws Exception {
        int max = sysctl(MAX);
        int alreadyThere = Tracefs.statusEventNames().size();
        int cap = alreadyThere + ROOM;
        Files.write(MAX, Integer.toString(cap).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        try {
            fillTheCap(cap, alreadyThere);
        } finally {
            Files.write(MAX, Integer.toString(max).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        assertEquals(max, sysctl(MAX));

        // The kernel deletes unregistered events in deferred work: wait for it, then a new logger fits again.
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (ours() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, ours(), "events left after close");
        UserEvents again = UserEvents.open(
                UserEventsConfig.builder().mode(Mode.SYNC).shutdownHook(false).build());
        try {
            assertTrue(
                    again.logger("kt.cap.after").isRegistered(),
                    diagnostics.lines().toString());
        } finally {
            again.close();
        }
    }

    private void fillTheCap(int cap, int alreadyThere) {
        UserEvents events = UserEvents.open(
                UserEventsConfig.builder().mode(Mode.SYNC).shutdownHook(false).build());
        long started = System.nanoTime();
        try {
            for (int i = 0; i < LOGGERS; i++) {
                LoggerEvents logger = events.logger("kt.cap.logger" + i);
                events.emit(logger, Level.ERROR, "no exception either way");
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            int registered = events.registeredLoggerCount();
            int fits = ROOM / Level.values().length;
            // Earlier tests' events may finish their deferred deletion meanwhile: at least what fitted, at most the
            // cap.
            assertTrue(
                    registered >= fits && registered <= cap / Level.values().length,
                    registered + " registered, " + fits + " fitted (" + alreadyThere + " events were there, cap " + cap
                            + ")");
            assertTrue(registered < LOGGERS, registered + " of " + LOGGERS + " registered under a cap of " + cap);
            assertEquals(LOGGERS - registered, events.refusedLoggerCount());
            assertTrue(Tracefs.statusEventNames().size() <= cap);

            List<String> reported = diagnostics.lines();
            assertEquals(1, reported.size(), reported.toString());
            assertTrue(
                    reported.get(0).contains("EMFILE") && reported.get(0).contains("kernel.user_events_max"),
                    reported.get(0));

            // A logger that fitted is live; one past the cap has no event and reads disabled.
            LoggerEvents first = events.logger("kt.cap.logger0");
            kernel.enable("kt_cap_logger0_ERROR");
            assertTrue(first.isEnabled(Level.ERROR));
            kernel.disable("kt_cap_logger0_ERROR"); // now: the wait below for the deletion needs it off
            LoggerEvents last = events.logger("kt.cap.logger" + (LOGGERS - 1));
            assertFalse(last.isRegistered());
            assertFalse(Tracefs.exists("kt_cap_logger" + (LOGGERS - 1) + "_ERROR"));
            assertEquals(0, events.counters().errors(), events.counters().toString());
            System.out.printf(
                    "event cap: %d loggers against a cap of %d events, %d registered (%d events), %d refused"
                            + " with one EMFILE diagnostic, %.1f s in the VM%n",
                    LOGGERS, cap, registered, registered * Level.values().length, LOGGERS - registered, seconds);
        } finally {
            events.close();
        }
    }
}
