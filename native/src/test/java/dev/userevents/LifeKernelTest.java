package dev.userevents;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.cli.UserEventsCli;
import dev.userevents.testing.ChildJava;
import dev.userevents.testing.KernelTestExtension;
import dev.userevents.testing.Tracefs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real application's life on the real kernel: loggers that appear after an operator's enable (follow mode and
 * preregistration), per-context logger names that differ only in non-ASCII letters, and the caller's thread in
 * async events.
 */
@Tag("kernel")
class LifeKernelTest {
    @RegisterExtension
    final KernelTestExtension kernel = new KernelTestExtension();

    private Thread follower;

    private void stopFollow() throws InterruptedException {
        if (follower != null) {
            follower.interrupt();
            follower.join(5000);
            assertFalse(follower.isAlive(), "follow stops when interrupted");
        }
    }

    /**
     * {@code userevents enable --follow GLOB LEVEL} on a thread of this JVM; returns once its first pass is done.
     * It stops after the test at the latest, before the instances the test opened close.
     */
    private void follow(String glob, Level level) throws InterruptedException {
        CountDownLatch firstPass = new CountDownLatch(1);
        UserEventsCli cli = new UserEventsCli(
                Tracefs.ROOT, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Pattern matching = UserEventsCli.parseGlob(glob);
        follower = new Thread(
                () -> {
                    try {
                        cli.follow(matching, level.andMoreSevereMask(), firstPass::countDown, new HashMap<>());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                },
                "follow");
        follower.start();
        kernel.closeAfter(this::stopFollow);
        assertTrue(firstPass.await(30, TimeUnit.SECONDS), "follow's first pass");
    }

    /**
     * Disables, after the test, every level that follow may have enabled of the logger whose events are named
     * {@code baseName}_LEVEL. Called before {@link #follow}, so follow has stopped when they are disabled.
     */
    private void disableAfter(String baseName) {
        for (Level level : Level.values()) {
            kernel.disableAfter(baseName + "_" + level);
        }
    }

    /**
     * Follow mode: loggers registered after the operator's enable are enabled within a bounded delay. Measured
     * here, from the registration's return to the enable bit seen in the logger's own word.
     */
    @Test
    void followEnablesLoggersRegisteredAfterTheEnableWithinABoundedDelay() throws Exception {
        UserEvents events =
                kernel.open(UserEventsConfig.builder().mode(Mode.SYNC).build());
        long[] delaysMicros = new long[20];
        for (int i = 0; i < delaysMicros.length; i++) {
            disableAfter("kt_follow_Late" + i);
        }
        follow("kt.follow.*", Level.INFO);
        for (int i = 0; i < delaysMicros.length; i++) {
            LoggerEvents logger = events.logger("kt.follow.Late" + i);
            long registered = System.nanoTime();
            long deadline = registered + TimeUnit.SECONDS.toNanos(10);
            while (!logger.isEnabled(Level.INFO) && System.nanoTime() < deadline) {
                Thread.sleep(0, 100_000);
            }
            delaysMicros[i] = (System.nanoTime() - registered) / 1000;
            assertTrue(logger.isEnabled(Level.INFO), "kt.follow.Late" + i + " enabled by follow");
            assertTrue(logger.isEnabled(Level.FATAL) && logger.isEnabled(Level.WARN), "and every more severe level");
            assertFalse(logger.isEnabled(Level.DEBUG));
            Thread.sleep(i % 4 * 7); // registrations land at different phases of the poll
        }
        stopFollow();
        long[] sorted = delaysMicros.clone();
        Arrays.sort(sorted);
        System.out.println("follow delay (VM, TCG; poll every " + UserEventsCli.FOLLOW_INTERVAL_MILLIS + " ms): median "
                + sorted[sorted.length / 2] / 1000.0 + " ms, max " + sorted[sorted.length - 1] / 1000.0 + " ms over "
                + sorted.length + " loggers");
        assertTrue(
                sorted[sorted.length - 1] < TimeUnit.SECONDS.toMicros(2),
                "every logger enabled within 2 s even in the slow VM: " + Arrays.toString(delaysMicros));
    }

    /**
     * Preregistration closes the window follow leaves: a class's logger created and used 1 ms after its creation
     * (long before follow's next poll) has every line captured, because its events existed at start-up.
     */
    @Test
    void aPreregisteredLoggerCreatedAndUsedOneMillisecondLaterHasAllItsLinesCaptured() throws Exception {
        UserEvents events = kernel.open(UserEventsConfig.builder()
                .preregisterPackages(List.of("dev.userevents.testing.late"))
                .build());
        disableAfter("dev_userevents_testing_late_LateConnection");
        disableAfter("dev_userevents_testing_late_LateConnection_Handler");
        follow("dev.userevents.testing.late.*", Level.INFO);
        String event = "dev_userevents_testing_late_LateConnection_INFO";
        LoggerEvents logger = events.logger("dev.userevents.testing.late.LateConnection"); // as a static final Logger
        Thread.sleep(1);
        for (int i = 0; i < 17; i++) {
            events.emit(logger, Level.INFO, "first connection line " + i);
        }
        List<String> payloads = Tracefs.awaitPayloads(event, 17);
        stopFollow();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            expected.add(Tracefs.payload("first connection line " + i, 4));
        }
        assertEquals(expected, payloads);
    }

    /**
     * A Spring Boot executable jar (Boot's JarLauncher, the library and the late class in BOOT-INF/lib): preregistration
     * finds a package that exists only in a nested jar, so a class loaded after the operator's {@code enable --follow}
     * whose logger logs 1 ms after the class loads has every line captured.
     */
    @Test
    void aClassInANestedJarOfABootJarLoadedAfterFollowHasEveryLineCaptured() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("bootjar");
        java.nio.file.Path jar = new dev.userevents.testing.BootJar()
                .start(BootApplicationMain.class)
                .libraryOf(UserEvents.class, "userevents-native.jar")
                .libraryOf(com.sun.jna.Native.class, "jna.jar")
                .library("late.jar", "kt.nested.Late")
                .write(dir.resolve("app.jar"));
        List<String> command = ChildJava.java();
        command.addAll(List.of("-jar", jar.toString(), "log", "kt.nested", "kt.nested.Late", "17"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        for (Level level : Level.values()) {
            String event = "kt_nested_Late_" + level;
            kernel.closeAfter(
                    () -> { // the child registered them: after it exits they exist only if enabled
                        if (Tracefs.exists(event)) {
                            Tracefs.disable(event);
                        }
                    });
        }
        kernel.closeAfter(child::destroyForcibly);
        java.io.BufferedReader out = new java.io.BufferedReader(
                new java.io.InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            String ready = reader.submit(() -> lineStartingWith(out, "ready ")).get(120, TimeUnit.SECONDS);
            assertTrue(
                    Tracefs.statusEventNames().contains("kt_nested_Late_INFO"),
                    "preregistered from BOOT-INF/lib/late.jar before the class loads (" + ready + ")");
            follow("kt.nested.*", Level.INFO);
            child.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
            child.getOutputStream().flush();
            String done = reader.submit(() -> lineStartingWith(out, "done ")).get(120, TimeUnit.SECONDS);
            assertTrue(done.contains("LaunchedClassLoader"), "loaded by Boot's loader: " + done);
        } finally {
            reader.shutdownNow();
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            expected.add(Tracefs.payload("nested line " + i, 4));
        }
        assertEquals(expected, Tracefs.awaitPayloads("kt_nested_Late_INFO", 17));
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the Boot application exits");
    }

    /** The next line of the child's output that starts with {@code prefix}; the lines before it are echoed. */
    private static String lineStartingWith(java.io.BufferedReader out, String prefix) throws java.io.IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
            System.out.println("[boot jar] " + line);
        }
        throw new java.io.EOFException("the Boot application ended before printing '" + prefix + "'");
    }

    /** Jetty's per-context loggers: names differing only in non-ASCII letters are two events with their own lines. */
    @Test
    void namesDifferingInNonAsciiLettersAreDistinctEvents() throws Exception {
        UserEvents events =
                kernel.open(UserEventsConfig.builder().mode(Mode.SYNC).build());
        LoggerEvents first = events.logger("kt.names.ContextHandler.\u00fcn\u00ef");
        LoggerEvents second = events.logger("kt.names.ContextHandler.\u00fcxy");
        assertNotEquals(first.baseName(), second.baseName());
        List<String> status = Tracefs.statusEventNames();
        assertTrue(
                status.contains(first.eventName(Level.INFO)) && status.contains(second.eventName(Level.INFO)),
                status.toString());
        kernel.enable(first.eventName(Level.INFO));
        kernel.enable(second.eventName(Level.INFO));
        events.emit(first, Level.INFO, "context \u00fcn\u00ef");
        events.emit(second, Level.INFO, "context \u00fcxy");
        assertEquals(
                List.of(Tracefs.payload("context \u00fcn\u00ef", 4)),
                Tracefs.awaitPayloads(first.eventName(Level.INFO), 1));
        assertEquals(
                List.of(Tracefs.payload("context \u00fcxy", 4)),
                Tracefs.awaitPayloads(second.eventName(Level.INFO), 1));
    }

    /** Async events carry the writer's tid in the kernel's record; the option puts the caller's thread in the text. */
    @Test
    void asyncEventsSayWhichThreadLogged() throws Exception {
        UserEvents events =
                kernel.open(UserEventsConfig.builder().callerThread(true).build());
        LoggerEvents logger = events.logger("kt.thread.Server");
        kernel.enable(logger.eventName(Level.INFO));
        Thread worker = new Thread(() -> events.emit(logger, Level.INFO, "accepted a connection"), "NIOWorkerThread-2");
        worker.start();
        worker.join();
        @SuppressWarnings("deprecation")
        long id = worker.getId();
        List<String> payloads = Tracefs.awaitPayloads(logger.eventName(Level.INFO), 1);
        assertEquals(List.of(Tracefs.payload("[NIOWorkerThread-2#" + id + "] accepted a connection", 4)), payloads);
        String trace = Tracefs.read(Tracefs.ROOT.resolve("trace"));
        String line = Arrays.stream(trace.split("\n"))
                .filter(l -> l.contains("kt_thread_Server_INFO"))
                .collect(Collectors.joining());
        // By tid, not by the comm ftrace prints: its comm cache may have lost the name ("<...>-199") after the many
        // short-lived tasks of other tests.
        java.util.regex.Matcher task =
                java.util.regex.Pattern.compile("-(\\d+)\\s+\\[").matcher(line);
        assertTrue(task.find(), line);
        assertTrue(
                writerTids().contains(task.group(1)),
                "the kernel's task is a writer thread " + writerTids() + ": " + line);
    }

    /** Tids of this process's threads named userevents-writer (comm keeps 15 characters). */
    private static java.util.Set<String> writerTids() throws java.io.IOException {
        java.util.Set<String> tids = new java.util.TreeSet<>();
        try (java.util.stream.Stream<java.nio.file.Path> tasks =
                java.nio.file.Files.list(java.nio.file.Paths.get("/proc/self/task"))) {
            for (java.nio.file.Path task : (Iterable<java.nio.file.Path>) tasks::iterator) {
                try {
                    if (java.nio.file.Files.readString(task.resolve("comm"))
                            .trim()
                            .equals("userevents-writ")) {
                        tids.add(task.getFileName().toString());
                    }
                } catch (java.nio.file.NoSuchFileException exited) {
                    // the thread ended meanwhile
                }
            }
        }
        return tids;
    }
}
