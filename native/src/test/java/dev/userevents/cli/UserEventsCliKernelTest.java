package dev.userevents.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.Level;
import dev.userevents.LogEventReader;
import dev.userevents.LoggerEvents;
import dev.userevents.Mode;
import dev.userevents.UserEvents;
import dev.userevents.UserEventsConfig;
import dev.userevents.testing.ChildJava;
import dev.userevents.testing.KernelTestExtension;
import dev.userevents.testing.Tracefs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator's CLI against the real tracefs: list, enable (and more severe), disable. */
@Tag("kernel")
class UserEventsCliKernelTest {
    @RegisterExtension
    final KernelTestExtension kernel = new KernelTestExtension();

    private UserEvents events;
    private LoggerEvents orders;
    private LoggerEvents other;

    @BeforeEach
    void register() {
        events = kernel.open(UserEventsConfig.builder().mode(Mode.SYNC).build());
        orders = events.logger("kt.cli.Orders");
        other = events.logger("kt.other.Payments");
    }

    private String run(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = new UserEventsCli(Tracefs.ROOT, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(args);
        assertEquals(0, status, String.join(" ", args));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void enableTurnsOnALevelAndEveryMoreSevereOneThenDisable() throws Exception {
        assertEquals("kt_cli_Orders FATAL ERROR WARN INFO DEBUG TRACE\n", run("list", "kt.cli.*"));
        assertEquals("kt_cli_Orders: enabled FATAL ERROR WARN INFO\n", run("enable", "kt.cli.*", "info"));
        for (Level level : Level.values()) {
            assertEquals(level.value <= Level.INFO.value, orders.isEnabled(level), level.name());
            assertFalse(other.isEnabled(level), "the glob matched one logger only");
        }
        assertEquals("kt_cli_Orders FATAL* ERROR* WARN* INFO* DEBUG TRACE\n", run("list", "kt.cli.Orders"));
        assertEquals("kt_cli_Orders: disabled\n", run("disable", "kt.cli.Orders"));
        assertEquals(0, orders.enableWord());
    }

    @Test
    void unknownGlobAndLevelAreErrorsNotExceptions() throws Exception {
        UserEventsCli cli = new UserEventsCli(
                Tracefs.ROOT, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(1, cli.run(new String[] {"list", "no.such.logger*"}));
        assertEquals(2, cli.run(new String[] {"enable", "kt.cli.*", "LOUD"}), "a usage error");
        assertEquals(2, cli.run(new String[] {"enable", "--follow", "kt.[cli]", "INFO"}), "a usage error");
        assertEquals(0, orders.enableWord());
    }

    /**
     * {@code userevents tail GLOB INFO} as an operator runs it (a child JVM): it enables the glob, follows a logger
     * registered after it started, prints the decoded lines, and on SIGTERM disables what it enabled and puts
     * {@code options/record-tgid} back.
     */
    @Test
    void tailWithALevelEnablesFollowsPrintsAndRestoresOnExit() throws Exception {
        java.nio.file.Path recordTgid = Tracefs.ROOT.resolve("options/record-tgid");
        Tracefs.write(recordTgid, "0");
        events.logger("kt.tail.Early");
        java.util.List<String> command =
                ChildJava.main(java.util.List.of(), UserEventsCli.class.getName(), "tail", "kt.tail.*", "INFO");
        Process tail = new ProcessBuilder(command).redirectErrorStream(true).start();
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> new java.io.BufferedReader(
                        new java.io.InputStreamReader(tail.getInputStream(), StandardCharsets.UTF_8))
                .lines()
                .forEach(lines::add));
        reader.start();
        try {
            LoggerEvents early = events.logger("kt.tail.Early");
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!early.isEnabled(Level.INFO) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(early.isEnabled(Level.INFO), "tail enabled the glob");
            assertEquals("1", Tracefs.read(recordTgid).trim(), "tail sets record-tgid while it runs");
            LoggerEvents late = events.logger("kt.tail.Late"); // registered after tail started
            while (!late.isEnabled(Level.INFO) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(late.isEnabled(Level.WARN) && !late.isEnabled(Level.DEBUG), "followed: INFO and more severe");
            events.emit(early, Level.INFO, "early line");
            events.emit(late, Level.WARN, "late line");
            String printed = "";
            while (!(printed.contains("kt_tail_Late WARN late line")
                            && printed.contains("kt_tail_Early INFO early line"))
                    && System.nanoTime() < deadline) {
                String line = lines.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                printed += line == null ? "" : line + "\n";
            }
            assertTrue(printed.contains("kt_tail_Early INFO early line"), printed);
            assertTrue(printed.contains("kt_tail_Late WARN late line"), printed);
        } finally {
            tail.destroy(); // SIGTERM, as timeout(1) or Ctrl-C would end it
            assertTrue(tail.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        assertEquals(0, events.logger("kt.tail.Early").enableWord(), "disabled on exit");
        assertEquals(0, events.logger("kt.tail.Late").enableWord(), "disabled on exit");
        assertEquals("0", Tracefs.read(recordTgid).trim(), "record-tgid restored");
    }

    /**
     * {@code userevents tail --provider NAME INFO} (a child JVM): it enables the provider's L1-L4 tracepoints in a
     * private ftrace instance, prints each EventHeader event decoded (time, pid, level, thread, logger, body,
     * stack trace), leaves L5 and the global buffer alone, and on SIGTERM removes its instance, which turns the
     * levels off again. {@code list} shows the provider's tracepoints.
     */
    @Test
    void tailOfAProviderDecodesItsEventsInAPrivateInstanceAndListShowsIt() throws Exception {
        UserEvents withProvider = kernel.open(UserEventsConfig.builder()
                .mode(Mode.SYNC)
                .eventHeaderProvider("ktTail")
                .build());
        LoggerEvents logger = withProvider.logger("kt.tailprovider.Orders");
        assertEquals("ktTail (EventHeader provider) L1K1 L2K1 L3K1 L4K1 L5K1\n", run("list", "ktTail"));
        java.util.List<String> command = ChildJava.main(
                java.util.List.of(),
                UserEventsCli.class.getName(),
                "tail",
                "--provider",
                "ktTail",
                "kt.tailprovider.*",
                "INFO");
        Process tail = new ProcessBuilder(command).redirectErrorStream(true).start();
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> new java.io.BufferedReader(
                        new java.io.InputStreamReader(tail.getInputStream(), StandardCharsets.UTF_8))
                .lines()
                .forEach(lines::add));
        reader.start();
        java.nio.file.Path instance = Tracefs.ROOT.resolve("instances/userevents-tail-" + tail.pid());
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!logger.isEnabled(Level.INFO) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(500); // the readers open their pipes after enabling
            assertTrue(logger.isProviderEnabled(Level.INFO) && logger.isProviderEnabled(Level.FATAL));
            assertFalse(logger.isEnabled(Level.DEBUG), "INFO and more severe only");
            assertFalse(logger.isTracepointEnabled(Level.INFO), "the logger's own events stay off");
            assertEquals(
                    "ktTail (EventHeader provider) L1K1 L2K1 L3K1 L4K1 L5K1\n",
                    run("list", "ktTail"),
                    "enabled in tail's instance, not in the global one");
            RuntimeException failure = new RuntimeException("boom ü");
            failure.setStackTrace(new StackTraceElement[] {new StackTraceElement("A", "m", "A.java", 7)});
            withProvider.emitEventHeader(
                    logger, Level.INFO, "provider line wörld 😀", null, null, LogEventReader.currentThread());
            withProvider.emitEventHeader(logger, Level.ERROR, "failed", failure, null, LogEventReader.currentThread());
            withProvider.emitEventHeader(
                    withProvider.logger("kt.elsewhere.X"),
                    Level.INFO,
                    "not matched",
                    null,
                    null,
                    LogEventReader.currentThread());
            String printed = "";
            // Until both arrived: each CPU has its own reader, so lines of two CPUs may print in either order.
            while (!(printed.contains("\tat A.m(A.java:7)") && printed.contains("provider line wörld"))
                    && System.nanoTime() < deadline) {
                String line = lines.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                printed += line == null ? "" : line + "\n";
            }
            String thread = Thread.currentThread().getName();
            assertTrue(
                    printed.matches("(?s).*\\d{4}-\\d\\d-\\d\\dT[0-9:.]+\\+00:00 \\d+ INFO \\["
                            + java.util.regex.Pattern.quote(thread)
                            + "] kt.tailprovider.Orders: provider line wörld 😀\n.*"),
                    printed);
            assertTrue(
                    printed.contains(
                            " ERROR [" + thread
                                    + "] kt.tailprovider.Orders: failed\njava.lang.RuntimeException: boom ü\n\tat A.m(A.java:7)"),
                    printed);
            assertFalse(printed.contains("not matched"), printed);
            assertTrue(java.nio.file.Files.isDirectory(instance));
        } finally {
            tail.destroy();
            assertTrue(tail.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        assertFalse(java.nio.file.Files.exists(instance), "instance removed on exit");
        assertFalse(logger.isEnabled(Level.INFO), "removing the instance turned the provider levels off");
    }
}
