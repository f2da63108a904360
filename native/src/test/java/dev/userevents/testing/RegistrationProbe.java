package dev.userevents.testing;

import dev.userevents.Level;
import dev.userevents.Mode;
import dev.userevents.UserEvents;
import dev.userevents.UserEventsConfig;
import dev.userevents.kernel.EventNames;
import dev.userevents.kernel.NativeMemory;
import dev.userevents.spi.EventDevice;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where registration's time goes, inside the test VM beside {@code ue-bench register} (perf/registration-probe.sh).
 * Each round times COUNT loggers of fresh names per row, every row starting from no enabler of its own (the
 * kernel walks the process's enablers on every DIAG_IOCSREG, so a row that kept its registrations would slow the
 * next). Rows, microseconds per logger:
 * <ul>
 *   <li>{@code c}: the C loop ({@code ue-bench register}), run as a child process; listed between rows, so each Java
 *       row is compared with the C runs just before and after it (the emulator's pace follows the host's load);</li>
 *   <li>{@code hop}: one empty hop to the registrar thread;</li>
 *   <li>{@code names}: the base name and six commands, no kernel;</li>
 *   <li>{@code rawBatch}: six DIAG_IOCSREG per logger from prebuilt commands, all in one hop (the C loop's work);</li>
 *   <li>{@code rawHop}: the same with one hop per logger (the registry's design before batching);</li>
 *   <li>{@code core}: {@code UserEvents.logger(name)} per logger;</li>
 *   <li>{@code coreBatch}: {@code UserEvents.loggers(names)}, one call for the round;</li>
 *   <li>{@code javaOnly}: {@code coreBatch} on a device whose registrations only count (no hop, no ioctl): the
 *       core's own work per logger (names, words, maps).</li>
 * </ul>
 * Rounds repeat until the JIT has settled (TCG compiles slowly); the best of each row is reported.
 *
 * <p>Every row starts once the kernel has deleted the previous row's events: it deletes a closed file's events in
 * a kworker, after the file is gone, and a row that ran beside that deletion (about as long as registering them)
 * would share the CPU and the kernel's event_mutex with it; then until the JIT has been idle for 300 ms (see
 * {@link #settle}), and each round's line shows what the JIT compiled during a row. {@code -Dprobe.settle=false}
 * skips both waits (the probe's design before 2026-12-02).
 *
 * <p>{@code startup each|batch COUNT}: a fresh JVM's first COUNT loggers (one call each, or one
 * {@code UserEvents.loggers} call), open included: what an application's start-up pays, JIT cold.
 */
public final class RegistrationProbe {
    private static final Path DATA = Paths.get("/sys/kernel/tracing/user_events_data");
    private static final int PAGE_BYTES = 4096;
    private static int nameSerial;

    private RegistrationProbe() {}

    private static String ueBench;

    public static void main(String[] args) throws Exception {
        if (args[0].equals("startup")) {
            startup(args[1].equals("batch"), Integer.parseInt(args[2]));
            return;
        }
        int count = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        ueBench = args[2];
        String[] rows = args.length > 3
                ? args[3].split(",")
                : new String[] {
                    "c", "hop", "names", "javaOnly", "rawBatch", "c", "rawHop", "c", "core", "c", "coreBatch"
                };
        double[][] micros = new double[rows.length][rounds];
        long[][] jitByRow = new long[rows.length][rounds];
        for (int round = 0; round < rounds; round++) {
            long[] jit = new long[rows.length];
            for (int row = 0; row < rows.length; row++) {
                micros[row][round] = run(rows[row], count);
                jit[row] = lastRowJitMillis;
                jitByRow[row][round] = jit[row];
            }
            StringBuilder line = new StringBuilder("round " + round);
            for (int row = 0; row < rows.length; row++) {
                line.append(String.format(Locale.ROOT, " %s %.1f", rows[row], micros[row][round]));
                if (jit[row] > 0) {
                    line.append(" (jit ").append(jit[row]).append(" ms)");
                }
            }
            System.out.println(line);
        }
        // The emulator's pace follows the host's load, which moves within seconds: each row's ratio is to the mean of
        // the C runs just before and just after it (list "c" between rows to bracket them; the next round's first
        // "c" closes the last row's bracket), median over the second half of the rounds (the JIT's warm-up is in the
        // first), beside each row's best.
        List<String> names = new ArrayList<>(new java.util.LinkedHashSet<>(java.util.Arrays.asList(rows)));
        for (String name : names) {
            double best = Double.MAX_VALUE;
            List<Double> late = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                for (int row = 0; row < rows.length; row++) {
                    if (!rows[row].equals(name)) {
                        continue;
                    }
                    best = Math.min(best, micros[row][round]);
                    double c = bracketingC(rows, micros, round, row);
                    if (round >= rounds / 2 && c > 0) {
                        late.add(micros[row][round] / c);
                    }
                }
            }
            java.util.Collections.sort(late);
            System.out.printf(
                    Locale.ROOT,
                    "java_%s_us_per_logger %.2f median_ratio_to_c_late_rounds %.2f%n",
                    name,
                    best,
                    late.isEmpty() ? 0 : late.get(late.size() / 2));
        }
        // The JIT compiles the measured code while it runs, for many rounds under the emulator, and its threads take
        // the one host thread from the registrar: the same ratios over the runs where it compiled for at most 5% of
        // the row's time (and of the bracketing C runs'), any round.
        for (String name : names) {
            List<Double> quiet = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                for (int row = 0; row < rows.length; row++) {
                    if (rows[row].equals(name)
                            && !name.equals("c")
                            && quietJit(rows, micros, jitByRow, count, round, row)) {
                        double c = bracketingC(rows, micros, round, row);
                        if (c > 0) {
                            quiet.add(micros[row][round] / c);
                        }
                    }
                }
            }
            if (!quiet.isEmpty()) {
                java.util.Collections.sort(quiet);
                System.out.printf(
                        Locale.ROOT,
                        "java_%s_quiet_jit_median_ratio_to_c %.2f runs %d%n",
                        name,
                        quiet.get(quiet.size() / 2),
                        quiet.size());
            }
        }
    }

    /** True when the JIT compiled for at most 5% of the row's time, and of its bracketing C runs' (they are Java too). */
    private static boolean quietJit(String[] rows, double[][] micros, long[][] jit, int count, int round, int row) {
        List<Integer> runs = new ArrayList<>();
        int at = round * rows.length + row;
        runs.add(at);
        for (int step : new int[] {-1, 1}) {
            for (int p = at + step; p >= 0 && p < rows.length * micros[0].length; p += step) {
                if (rows[p % rows.length].equals("c")) {
                    runs.add(p);
                    break;
                }
            }
        }
        for (int p : runs) {
            int r = p % rows.length;
            int q = p / rows.length;
            if (jit[r][q] > 0.05 * micros[r][q] * count / 1000) {
                return false;
            }
        }
        return true;
    }

    /** The mean of the C runs nearest before and after (round, row) in the order the rows ran; 0 without any. */
    private static double bracketingC(String[] rows, double[][] micros, int round, int row) {
        if (rows[row].equals("c")) {
            return micros[row][round];
        }
        int at = round * rows.length + row;
        double sum = 0;
        int n = 0;
        for (int step : new int[] {-1, 1}) {
            for (int p = at + step; p >= 0 && p < rows.length * micros[0].length; p += step) {
                if (rows[p % rows.length].equals("c")) {
                    sum += micros[p % rows.length][p / rows.length];
                    n++;
                    break;
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private static void startup(boolean batch, int count) {
        if (SETTLE && java.nio.file.Files.exists(DATA)) {
            settleKernel(); // not the JIT: a start-up's compiling is part of what it pays
        }
        List<String> loggers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            loggers.add("ue.probe.startup.l" + i);
        }
        long start = System.nanoTime();
        UserEvents core = UserEvents.open(
                UserEventsConfig.builder().mode(Mode.SYNC).shutdownHook(false).build());
        if (batch) {
            core.loggers(loggers);
        } else {
            for (String logger : loggers) {
                core.logger(logger);
            }
        }
        long elapsed = System.nanoTime() - start;
        if (core.registeredLoggerCount() != count) {
            throw new IllegalStateException("registered " + core.registeredLoggerCount());
        }
        core.close();
        System.out.printf(
                Locale.ROOT, "java_startup_%s_%d_loggers_ms %.1f%n", batch ? "batch" : "each", count, elapsed / 1e6);
    }

    /** Microseconds per logger of one row over {@code count} fresh loggers. */
    private static double run(String row, int count) throws Exception {
        List<String> loggers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            loggers.add("ue.probe." + row + ".l" + nameSerial++);
        }
        settle();
        long jitBefore = jitMillis();
        try {
            return timed(row, loggers, count);
        } finally {
            lastRowJitMillis = jitMillis() - jitBefore;
        }
    }

    /** What the JIT compiled while the last row ran (its settle excluded). */
    private static long lastRowJitMillis;

    private static double timed(String row, List<String> loggers, int count) throws Exception {
        switch (row) {
            case "c":
                return c(count);
            case "core":
            case "coreBatch":
                return core(loggers, row.equals("coreBatch"), null);
            case "javaOnly":
                return core(loggers, true, new CountingDevice()); // the core's Java work alone, no syscall
            case "names":
                return names(loggers);
            default:
                return raw(row, loggers);
        }
    }

    private static final boolean SETTLE = !"false".equals(System.getProperty("probe.settle"));

    private static final java.lang.management.CompilationMXBean JIT =
            java.lang.management.ManagementFactory.getCompilationMXBean();

    /** Milliseconds the JIT has compiled so far (0 when the JVM does not say). */
    static long jitMillis() {
        return JIT != null && JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : 0;
    }

    /**
     * Waits until no event of the probe's (Java's or C's: {@code ue_...}) is left in user_events_status, then until
     * the JIT has compiled nothing for 300 ms: under the emulator's one host thread a compiler thread's work
     * stretches the registrar's wall time as much as its own (the C loop has no JIT beside it).
     */
    static void settle() {
        if (!SETTLE || !java.nio.file.Files.exists(DATA)) {
            return;
        }
        settleKernel();
        long quietSince = System.nanoTime();
        long compiled = jitMillis();
        long deadline = quietSince + 60_000_000_000L;
        while (System.nanoTime() - quietSince < 300_000_000L && System.nanoTime() < deadline) {
            sleepMillis(50);
            long now = jitMillis();
            if (now != compiled) {
                compiled = now;
                quietSince = System.nanoTime();
            }
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void settleKernel() {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (Tracefs.statusEventNames().stream().anyMatch(name -> name.startsWith("ue_"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the kernel kept the probe's events for 10 minutes");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A device whose registrations succeed and cost nothing: what is left is the core's own work. */
    private static final class CountingDevice implements EventDevice {
        private int next;

        @Override
        public int register(String command, long enableAddress, int enableBit) {
            return next++;
        }

        @Override
        public int registerEach(
                byte[] baseName, byte[][] suffixes, long enableAddress, int[] enableBits, int[] writeIndexes) {
            for (int i = 0; i < suffixes.length; i++) {
                writeIndexes[i] = next++;
            }
            return suffixes.length;
        }

        @Override
        public int unregister(long enableAddress, int enableBit) {
            return 0;
        }

        @Override
        public long writev(long iovAddress, int iovCount) {
            return 0;
        }

        @Override
        public String describe() {
            return "counting";
        }

        @Override
        public void close() {}
    }

    /** The C loop in a child process, on names of its own. */
    private static double c(int count) throws Exception {
        Process process = new ProcessBuilder(ueBench, "register", String.valueOf(count), "ue_probe_c" + nameSerial++)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0 || !output.startsWith("c_register_us_per_logger ")) {
            throw new IllegalStateException("ue-bench: " + output);
        }
        return Double.parseDouble(output.trim().split(" ")[1]);
    }

    /** {@code device} null: user_events_data. */
    private static double core(List<String> loggers, boolean batch, EventDevice device) {
        UserEventsConfig config =
                UserEventsConfig.builder().mode(Mode.SYNC).shutdownHook(false).build();
        UserEvents core = device == null ? UserEvents.open(config) : UserEvents.open(config, device);
        long start = System.nanoTime();
        if (batch) {
            core.loggers(loggers);
        } else {
            for (String logger : loggers) {
                core.logger(logger);
            }
        }
        long elapsed = System.nanoTime() - start;
        core.close();
        return elapsed / 1e3 / loggers.size();
    }

    private static double names(List<String> loggers) {
        long start = System.nanoTime();
        int sink = 0;
        for (String logger : loggers) {
            String base = EventNames.baseName("", logger);
            for (Level level : Level.values()) {
                sink += EventNames.command(EventNames.eventName(base, level.name()))
                        .length();
            }
        }
        long elapsed = System.nanoTime() - start;
        if (sink == 42) {
            System.out.print("");
        }
        return elapsed / 1e3 / loggers.size();
    }

    /** hop, rawBatch or rawHop against the kernel device directly, words in pages of our own. */
    private static double raw(String row, List<String> loggers) {
        EventDevice device = dev.userevents.EventDevices.open(DATA);
        List<Object> pages = new ArrayList<>();
        long[] addresses = new long[loggers.size()];
        String[][] commands = new String[loggers.size()][];
        for (int i = 0; i < loggers.size(); i++) {
            if (i % (PAGE_BYTES / 4) == 0) {
                pages.add(NativeMemory.allocate(PAGE_BYTES, 64));
            }
            addresses[i] = NativeMemory.address(pages.get(pages.size() - 1)) + (i % (PAGE_BYTES / 4)) * 4L;
            String base = EventNames.baseName("", loggers.get(i));
            commands[i] = new String[Level.values().length];
            for (Level level : Level.values()) {
                commands[i][level.ordinal()] = EventNames.command(EventNames.eventName(base, level.name()));
            }
        }
        long start = System.nanoTime();
        if (row.equals("hop")) {
            for (int i = 0; i < loggers.size(); i++) {
                device.inRegistrationContext(() -> null);
            }
        } else if (row.equals("rawBatch")) {
            device.inRegistrationContext(() -> registerAll(device, commands, addresses, 0, loggers.size()));
        } else {
            for (int i = 0; i < loggers.size(); i++) {
                int logger = i;
                device.inRegistrationContext(() -> registerAll(device, commands, addresses, logger, logger + 1));
            }
        }
        long elapsed = System.nanoTime() - start;
        if (!row.equals("hop")) {
            device.inRegistrationContext(() -> {
                for (long address : addresses) {
                    for (Level level : Level.values()) {
                        device.unregister(address, level.enableBit());
                    }
                }
                return null;
            });
        }
        device.close();
        pages.clear();
        return elapsed / 1e3 / loggers.size();
    }

    private static Void registerAll(EventDevice device, String[][] commands, long[] addresses, int from, int to) {
        for (int i = from; i < to; i++) {
            for (Level level : Level.values()) {
                int result = device.register(commands[i][level.ordinal()], addresses[i], level.enableBit());
                if (result < 0) {
                    throw new IllegalStateException("register " + commands[i][level.ordinal()] + ": " + result);
                }
            }
        }
        return null;
    }
}
