package dev.userevents.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The kernel-test harness's progress line and stall detector, registered through {@code META-INF/services} and
 * active only when {@code vm/run-kernel-tests} sets {@code -Duserevents.testWatchdogSeconds=N}.
 *
 * <p>Each test prints a line as it starts and as it ends, so the module's output says where a run is. When no test
 * starts or ends for N seconds, it dumps what could be stuck, once per stall: this JVM's thread stacks, the kernel
 * stacks and wait channels of every task of this JVM and its child processes ({@code /proc/PID/task/TID/stack}),
 * the child JVMs' thread stacks ({@code jcmd Thread.print}), and the kernel's blocked tasks ({@code sysrq w}, read
 * back from {@code /dev/kmsg}). After twice N without progress the JVM halts with the stalled test's name: the
 * per-test timeout has then failed to free the run (a thread blocked in the kernel ignores it), and halting names
 * the test where a VM timeout would print only an exit status.
 */
public final class KernelTestWatchdog implements TestExecutionListener {
    /** Exit status of a run halted by the watchdog (vm/run-kernel-tests names it). */
    public static final int HALT_STATUS = 86;

    private static final int MAX_FRAMES = 40;

    private final long stallNanos;
    private final PrintStream out = System.out;
    private volatile long lastProgress = System.nanoTime();
    private volatile String current = "(no test started)";
    /** Set when the module's run ends: vm/KernelTestsLauncher runs the next module in this JVM. */
    private volatile boolean planFinished;

    private volatile long currentStarted = System.nanoTime();

    public KernelTestWatchdog() {
        long seconds = Long.getLong("userevents.testWatchdogSeconds", 0);
        this.stallNanos = TimeUnit.SECONDS.toNanos(seconds);
        if (seconds > 0) {
            Thread thread = new Thread(this::watch, "kernel-test-watchdog");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private boolean active() {
        return stallNanos > 0;
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        planFinished = true;
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        if (!active()) {
            return;
        }
        lastProgress = System.nanoTime();
        if (test.isTest()) {
            current = name(test);
            currentStarted = lastProgress;
            out.printf("[watchdog] START %s%n", current);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!active()) {
            return;
        }
        long now = System.nanoTime();
        lastProgress = now;
        if (test.isTest()) {
            out.printf("[watchdog] %s %s (%.1f s)%n", result.getStatus(), name(test), (now - currentStarted) / 1e9);
        }
    }

    private static String name(TestIdentifier test) {
        String id = test.getUniqueId();
        // [engine:junit-jupiter]/[class:dev.x.FooTest]/[method:bar()] -> FooTest#bar()
        StringBuilder name = new StringBuilder();
        for (String segment : id.split("/")) {
            int colon = segment.indexOf(':');
            if (colon < 0 || segment.startsWith("[engine:")) {
                continue;
            }
            String value = segment.substring(colon + 1, segment.length() - 1);
            if (segment.startsWith("[class:") || segment.startsWith("[nested-class:")) {
                value = value.substring(value.lastIndexOf('.') + 1);
            }
            name.append(name.length() == 0 ? "" : "#").append(value);
        }
        return name.toString();
    }

    private void watch() {
        long dumpedFor = -1;
        while (true) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
            if (planFinished) {
                return;
            }
            long progress = lastProgress;
            long idle = System.nanoTime() - progress;
            if (idle >= stallNanos && dumpedFor != progress) {
                dumpedFor = progress;
                dump(idle);
            }
            if (idle >= 2 * stallNanos) {
                out.printf(
                        "[watchdog] HALT: the kernel tests made no progress for %d s; stalled in %s%n",
                        TimeUnit.NANOSECONDS.toSeconds(idle), current);
                out.flush();
                Runtime.getRuntime().halt(HALT_STATUS);
            }
        }
    }

    private void dump(long idleNanos) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                "[watchdog] STALL: no test started or ended for %d s; running: %s%n",
                TimeUnit.NANOSECONDS.toSeconds(idleNanos), current));
        text.append("---- this JVM's threads ----\n");
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            text.append(info.getThreadName())
                    .append(" ")
                    .append(info.getThreadState())
                    .append('\n');
            StackTraceElement[] frames = info.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
                text.append("    at ").append(frames[i]).append('\n');
            }
            if (frames.length > MAX_FRAMES) {
                text.append("    ... ").append(frames.length - MAX_FRAMES).append(" more\n");
            }
        }
        List<Long> pids = new ArrayList<>();
        pids.add(ProcessHandle.current().pid());
        ProcessHandle.current().descendants().forEach(child -> pids.add(child.pid()));
        for (long pid : pids) {
            text.append("---- kernel stacks of pid ")
                    .append(pid)
                    .append(" (")
                    .append(readQuietly(Paths.get("/proc", Long.toString(pid), "comm"))
                            .trim())
                    .append(") ----\n");
            try (DirectoryStream<Path> tasks =
                    Files.newDirectoryStream(Paths.get("/proc", Long.toString(pid), "task"))) {
                int futexWaits = 0;
                for (Path task : tasks) {
                    String stack = readQuietly(task.resolve("stack"));
                    String wchan = readQuietly(task.resolve("wchan")).trim();
                    if (wchan.startsWith("futex")) {
                        futexWaits++; // a JVM thread parked on a lock or condition: its Java stack above says where
                        continue;
                    }
                    if (stack.isBlank()) {
                        continue;
                    }
                    text.append("tid ")
                            .append(task.getFileName())
                            .append(" ")
                            .append(readQuietly(task.resolve("comm")).trim())
                            .append(" wchan=")
                            .append(wchan)
                            .append('\n')
                            .append(stack);
                }
                text.append(futexWaits).append(" more tasks waiting on a futex\n");
            } catch (IOException e) {
                text.append("(").append(e).append(")\n");
            }
        }
        Path jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd");
        for (long pid : pids.subList(1, pids.size())) {
            if (readQuietly(Paths.get("/proc", Long.toString(pid), "cmdline")).contains("java")) {
                text.append("---- child JVM ")
                        .append(pid)
                        .append(" ----\n")
                        .append(run(List.of(jcmd.toString(), Long.toString(pid), "Thread.print")));
            }
        }
        text.append("---- blocked tasks (sysrq w) ----\n").append(blockedTasks());
        out.print(text);
        out.flush();
    }

    /** Writes 'w' to sysrq-trigger and returns what the kernel logged meanwhile (dmesg), bounded. */
    private static String blockedTasks() {
        try {
            Files.write(Paths.get("/proc/sysrq-trigger"), "w".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return "(sysrq: " + e + ")\n";
        }
        String log = run(List.of("dmesg"));
        int from = log.lastIndexOf("Show Blocked State");
        return from >= 0 ? log.substring(Math.max(0, log.lastIndexOf('\n', from) + 1)) : log;
    }

    /** Runs a command for at most 30 s; its output goes through a file, so a long dump cannot fill a pipe. */
    private static String run(List<String> command) {
        try {
            Path output = Files.createTempFile("watchdog", ".txt");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return "(" + command.get(0) + ": no answer within 30 s)\n";
                }
                return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            return "(" + command.get(0) + ": " + e + ")\n";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)\n";
        }
    }

    private static String readQuietly(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
