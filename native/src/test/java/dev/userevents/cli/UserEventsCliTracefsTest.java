package dev.userevents.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.Level;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code userevents list|enable|disable|enable --follow|tail} on the host, against a directory laid out as tracefs
 * ({@link FakeTracefs}): what each prints, its exit status, and which enable files it writes.
 * UserEventsCliKernelTest runs the same commands against the kernel's tracefs in the VM.
 */
class UserEventsCliTracefsTest {
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    @TempDir
    Path directory;

    private FakeTracefs tracefs;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private UserEventsCli cli;

    @BeforeEach
    void layOut() throws IOException {
        tracefs = new FakeTracefs(directory);
        cli = new UserEventsCli(directory, new PrintStream(stdout, true, StandardCharsets.UTF_8));
    }

    private int run(String... args) {
        try {
            return cli.run(args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String printed() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    /** The CLI on a thread of its own, as an operator leaves it running; its exit status lands in {@code status}. */
    private Thread start(AtomicInteger status, String... args) {
        Thread thread = new Thread(
                () -> {
                    try {
                        status.set(run(args));
                    } catch (UncheckedIOException e) {
                        // Interrupted inside a read of tracefs rather than in its wait: follow stops that way too.
                        status.set(e.getCause() instanceof ClosedByInterruptException ? 0 : 99);
                        throw e;
                    }
                },
                "cli " + String.join(" ", args));
        thread.setDaemon(true); // a failed test must not leave the fork waiting on it
        thread.start();
        return thread;
    }

    private void awaitEnable(String event, String expected) throws Exception {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (!tracefs.enable(event).equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertEquals(expected, tracefs.enable(event), event);
    }

    /** The enable files expected after {@code baseName}'s levels were set to {@code mask} by the CLI (which writes "1"/"0"). */
    private static void set(Map<String, String> files, String baseName, int mask, Level... levels) {
        for (Level level : levels.length == 0 ? Level.values() : levels) {
            files.put(baseName + "_" + level, (mask & level.tracepointMask) != 0 ? "1" : "0");
        }
    }

    /**
     * {@code tail GLOB LEVEL} restores on exit while its follower may still be in a pass: once the restore has run,
     * the follower enables nothing more, so no event stays on after tail ends.
     */
    @Test
    void aFollowersPassAfterTheRestoreEnablesNothing() throws Exception {
        tracefs.logger("kt_cli_Orders");
        LoggerEnabler enabler = new LoggerEnabler(
                new TracefsEvents(directory),
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                LoggerGlobs.toPattern("kt.cli.*"),
                Level.INFO.andMoreSevereMask(),
                new java.util.HashMap<>());
        enabler.enableNew();
        assertEquals("1", tracefs.enable("kt_cli_Orders_INFO"));

        enabler.disableHandled(); // the restore, on the shutdown hook's thread
        tracefs.logger("kt_cli_Late");
        enabler.enableNew(); // the follower's next pass, still running

        assertEquals("0", tracefs.enable("kt_cli_Orders_INFO"), "restored");
        assertEquals("0\n", tracefs.enable("kt_cli_Late_INFO"), "never written after the restore");
        assertEquals("kt_cli_Orders: enabled FATAL ERROR WARN INFO\n", printed());
    }

    @Test
    void listShowsLoggersTheirLevelsWhichAreEnabledAndEventHeaderProviders() throws Exception {
        tracefs.logger("kt_cli_Orders")
                .logger("kt_other_Payments", Level.WARN, Level.INFO)
                .provider("ktTail", 5)
                .event("kt_cli_Orders_LOUD", "")
                .event("plain", "")
                .event("ktPlain_L1K1", "not an EventHeader tracepoint\n");
        tracefs.setEnable("kt_cli_Orders_FATAL", "1\n");
        tracefs.setEnable("kt_cli_Orders_WARN", "1\n");
        tracefs.setEnable("ktTail_L2K1", "1\n");
        Map<String, String> before = tracefs.enableFiles();

        assertEquals(0, run("list"));
        assertEquals(
                "kt_cli_Orders FATAL* ERROR WARN* INFO DEBUG TRACE\n"
                        + "kt_other_Payments WARN INFO\n"
                        + "ktTail (EventHeader provider) L1K1 L2K1* L3K1 L4K1 L5K1\n",
                printed());
        stdout.reset();
        assertEquals(0, run("list", "kt.cli.*"));
        assertEquals("kt_cli_Orders FATAL* ERROR WARN* INFO DEBUG TRACE\n", printed());
        stdout.reset();
        assertEquals(1, run("list", "no.such.logger*"), "nothing matches");
        assertEquals("", printed());
        assertEquals(before, tracefs.enableFiles(), "list writes no enable file");
    }

    @Test
    void enableWritesOneToExactlyTheGlobsLevelAndMoreSevereOnes() throws Exception {
        tracefs.logger("kt_cli_Orders")
                .logger("kt_cli_Orders2")
                .logger("kt_other_Payments")
                .logger("ctx__n__h0123abcd");
        Map<String, String> expected = new TreeMap<>(tracefs.enableFiles());

        assertEquals(0, run("enable", "kt.cli.Orders", "info"));
        assertEquals("kt_cli_Orders: enabled FATAL ERROR WARN INFO\n", printed());
        set(expected, "kt_cli_Orders", Level.INFO.andMoreSevereMask());
        assertEquals(expected, tracefs.enableFiles(), "kt_cli_Orders2 and the others untouched");

        stdout.reset();
        assertEquals(0, run("enable", "ctx.\u00fcn\u00ef", "ERROR"));
        assertEquals("ctx__n__h0123abcd: enabled FATAL ERROR\n", printed(), "a name with a hash suffix");
        set(expected, "ctx__n__h0123abcd", Level.ERROR.andMoreSevereMask());
        assertEquals(expected, tracefs.enableFiles());

        stdout.reset();
        assertEquals(0, run("enable", "kt.*", "TRACE"));
        assertEquals(
                "kt_cli_Orders: enabled FATAL ERROR WARN INFO DEBUG TRACE\n"
                        + "kt_cli_Orders2: enabled FATAL ERROR WARN INFO DEBUG TRACE\n"
                        + "kt_other_Payments: enabled FATAL ERROR WARN INFO DEBUG TRACE\n",
                printed());
        for (String logger : new String[] {"kt_cli_Orders", "kt_cli_Orders2", "kt_other_Payments"}) {
            set(expected, logger, Level.TRACE.andMoreSevereMask());
        }
        assertEquals(expected, tracefs.enableFiles());
    }

    @Test
    void disableWritesZeroToEveryLevelOfTheGlobOnly() throws Exception {
        tracefs.logger("kt_cli_Orders").logger("kt_other_Payments", Level.ERROR, Level.INFO);
        for (String event : tracefs.enableFiles().keySet()) {
            tracefs.setEnable(event, "1\n");
        }
        Map<String, String> expected = new TreeMap<>(tracefs.enableFiles());

        assertEquals(0, run("disable", "kt.cli.Orders"));
        assertEquals("kt_cli_Orders: disabled\n", printed());
        set(expected, "kt_cli_Orders", 0);
        assertEquals(expected, tracefs.enableFiles());

        stdout.reset();
        assertEquals(1, run("disable", "kt.none.*"), "nothing matches");
        assertEquals("", printed());
        assertEquals(expected, tracefs.enableFiles());
    }

    /** Loggers registered after {@code enable --follow} started, and levels of a logger appearing one by one. */
    @Test
    void enableFollowEnablesMatchingEventsThatAppearLater() throws Exception {
        tracefs.logger("kt_late_Early").logger("kt_other_Early");
        AtomicInteger status = new AtomicInteger(-1);
        Thread follow = start(status, "enable", "--follow", "kt.late.*", "WARN");
        try {
            awaitEnable("kt_late_Early_WARN", "1");
            tracefs.logger("kt_late_Late", Level.INFO, Level.WARN);
            awaitEnable("kt_late_Late_WARN", "1");
            tracefs.logger("kt_other_Late");
            tracefs.logger("kt_late_Late", Level.FATAL); // read in the same pass as kt_other_Late or a later one
            awaitEnable("kt_late_Late_FATAL", "1");
        } finally {
            follow.interrupt();
            follow.join(TimeUnit.NANOSECONDS.toMillis(WAIT_NANOS));
        }
        assertFalse(follow.isAlive(), "follow stops when interrupted");
        assertEquals(0, status.get());
        assertEquals(
                "kt_late_Early: enabled FATAL ERROR WARN\nkt_late_Late: enabled WARN\nkt_late_Late: enabled FATAL\n",
                printed());
        Map<String, String> expected = new TreeMap<>();
        set(expected, "kt_late_Early", Level.WARN.andMoreSevereMask());
        set(expected, "kt_late_Late", Level.WARN.andMoreSevereMask(), Level.INFO, Level.WARN, Level.FATAL);
        set(expected, "kt_other_Early", 0);
        set(expected, "kt_other_Late", 0);
        expected.replaceAll((event, text) -> event.startsWith("kt_other_") ? "0\n" : text); // never written
        assertEquals(expected, tracefs.enableFiles());
    }

    /**
     * {@code tail GLOB LEVEL} with trace_pipe a FIFO, so it runs until the test closes the pipe: it sets record-tgid,
     * enables the glob and follows a logger registered later, prints the matching lines (a message spanning lines,
     * a line without the tgid), and at the end disables what it enabled and puts record-tgid back.
     */
    @Test
    void tailEnablesFollowsPrintsTheGlobsLinesAndRestoresWhenThePipeEnds() throws Exception {
        tracefs.logger("kt_tail_Early").logger("kt_other_X");
        Path pipe = directory.resolve("trace_pipe");
        Files.delete(pipe);
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
        AtomicInteger status = new AtomicInteger(-1);
        Thread tail = start(status, "tail", "kt.tail.*", "INFO");
        try {
            awaitEnable("kt_tail_Early_INFO", "1");
            assertEquals("1", Files.readString(directory.resolve("options/record-tgid")), "set while tail runs");
            tracefs.logger("kt_tail_Late");
            awaitEnable("kt_tail_Late_TRACE", "0"); // the last level written ("0\n" before)
            assertEquals("1", tracefs.enable("kt_tail_Late_INFO"));
            assertEquals("0", tracefs.enable("kt_tail_Late_DEBUG"));
            Thread writer = new Thread(
                    () -> {
                        try { // opening blocks until tail has the pipe open; closing it ends tail's read
                            Files.writeString(
                                    pipe,
                                    ""
                                            + "            java-4242    (   4240) [001] ..... 12345.678901: kt_tail_Early_INFO: msg=early line level=0x4 (4)\n"
                                            + "            java-4243    (   4240) [000] ..... 12345.678950: kt_other_X_INFO: msg=not matched level=0x4 (4)\n"
                                            + "            java-4243    (   4240) [000] ..... 12345.679000: kt_tail_Late_ERROR: msg=failed\n"
                                            + "java.lang.RuntimeException: boom\n"
                                            + "\tat A.m(A.java:7) level=0x2 (2)\n"
                                            + "  java-4244 [001] ..... 12345.679100: kt_tail_Late_WARN: msg=no tgid level=3\n");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    "trace_pipe writer");
            writer.setDaemon(true);
            writer.start();
        } finally {
            tail.join(TimeUnit.NANOSECONDS.toMillis(WAIT_NANOS));
        }
        assertFalse(tail.isAlive(), "tail ends with its pipe");
        assertEquals(0, status.get());
        String late =
                "kt_tail_Late: enabled FATAL ERROR WARN INFO\n"; // printed by the follower, any time before the end
        assertTrue(printed().contains(late), printed());
        assertEquals(
                "kt_tail_Early: enabled FATAL ERROR WARN INFO\n"
                        + "12345.678901 4240/4242 kt_tail_Early INFO early line\n"
                        + "12345.679000 4240/4243 kt_tail_Late ERROR failed\njava.lang.RuntimeException: boom\n\tat A.m(A.java:7)\n"
                        + "12345.679100 ?/4244 kt_tail_Late WARN no tgid\n",
                printed().replace(late, ""));
        Map<String, String> expected = new TreeMap<>();
        set(expected, "kt_tail_Early", 0);
        set(expected, "kt_tail_Late", 0);
        set(expected, "kt_other_X", 0);
        expected.replaceAll((event, text) -> event.startsWith("kt_other_") ? "0\n" : text);
        assertEquals(expected, tracefs.enableFiles(), "disabled on exit, the others never written");
        assertEquals("0", Files.readString(directory.resolve("options/record-tgid")), "record-tgid restored");
    }

    @Test
    void tailWithoutALevelOnlyReads() throws Exception {
        tracefs.logger("kt_tail_Orders");
        Files.writeString(
                directory.resolve("trace_pipe"),
                "   java-7-7 (      7) [000] ..... 1.000001: kt_tail_Orders_DEBUG: msg=a dash in the name level=0x5 (5)\n");
        Map<String, String> before = tracefs.enableFiles();
        assertEquals(0, run("tail", "--no-follow", "kt.tail.*"));
        assertEquals("1.000001 7/7 kt_tail_Orders DEBUG a dash in the name\n", printed());
        assertEquals(before, tracefs.enableFiles());
        assertEquals("0", Files.readString(directory.resolve("options/record-tgid")), "record-tgid restored");
    }

    @Test
    void usageErrorsAndAMissingStatusFileHaveTheirExitStatus() throws Exception {
        tracefs.logger("kt_cli_Orders");
        Map<String, String> before = tracefs.enableFiles();
        assertEquals(1, run(), "no command");
        assertEquals(0, run("--help"));
        assertEquals(1, run("list", "a", "b"));
        assertEquals(1, run("enable", "--no-follow", "kt.cli.*", "INFO"));
        assertEquals(1, run("bogus"));
        assertEquals(UserEventsCli.USAGE_ERROR, run("enable", "kt.cli.*", "LOUD"));
        assertEquals(UserEventsCli.USAGE_ERROR, run("enable", "--follow", "kt.[cli]", "INFO"));
        assertEquals(UserEventsCli.USAGE_ERROR, run("disable", "kt cli"));
        assertEquals(UserEventsCli.USAGE_ERROR, run("tail", "kt.cli.*", "LOUD"));
        assertEquals(before, tracefs.enableFiles());
        Files.delete(directory.resolve("user_events_status"));
        assertEquals(2, run("list"), "no user_events here");
    }
}
