package dev.userevents.perf.nativecall;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Issue 29 item 5: what one writev(fd of /dev/null, one 80-byte record) costs through each way of calling it from
 * Java, one thread, one JVM. Rows run interleaved (A B C ... A B C ...), each round about {@code seconds} long,
 * and the C loop (perf/ue-bench.c, {@code -Dprobe.cbench=PATH}) runs as a subprocess in every round, so each row
 * has a same-minute C baseline. Run by perf/native-call-probe.sh.
 *
 * <p>Arguments: {@code [ROUNDS [SECONDS [WARMUP_ROUNDS]]]}, default 7 0.5 2.
 */
public final class NativeCallProbe {
    private static final int RECORD_BYTES = 80;
    private static final int BATCH = 10_000;
    private static final int O_WRONLY = 1;

    private NativeCallProbe() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 0.5;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String cbench = System.getProperty("probe.cbench");

        List<CallLoop> rows = rows();
        int fd = JnaDirect.open("/dev/null", O_WRONLY);
        if (fd < 0) {
            throw new IllegalStateException("open /dev/null: errno " + Native.getLastError());
        }
        // One record and one iovec pointing at it, native memory kept for the whole run.
        Memory memory = new Memory(RECORD_BYTES + 16);
        for (int i = 0; i < RECORD_BYTES; i++) {
            memory.setByte(i, (byte) ('a' + i % 26));
        }
        long iov = Pointer.nativeValue(memory) + RECORD_BYTES;
        memory.setLong(RECORD_BYTES, Pointer.nativeValue(memory));
        memory.setLong(RECORD_BYTES + 8, RECORD_BYTES);

        System.out.printf(
                "# java %s (%s), %s, rounds %d x %.2f s after %d warm-up, load %s%n",
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                "jna " + Native.VERSION,
                rounds,
                seconds,
                warmup,
                load());
        for (int w = 0; w < warmup; w++) {
            for (CallLoop row : rows) {
                time(row, fd, iov, seconds);
            }
        }
        double[][] ns = new double[rows.size()][rounds];
        double[] c = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < rows.size(); i++) {
                ns[i][r] = time(rows.get(i), fd, iov, seconds);
            }
            c[r] = cbench == null ? Double.NaN : cLoop(cbench, seconds);
        }
        report(rows, ns, c);
        System.out.printf("# load at end %s%n", load());
    }

    private static List<CallLoop> rows() {
        List<CallLoop> rows = new ArrayList<>();
        rows.add(new JnaDirect());
        rows.add(new JnaDirectOptions());
        rows.add(new JnaDirectThrows());
        // Not a row: JNA's protected mode (Native.setProtected) swaps SIGSEGV handlers around each call and
        // crashed this JVM (a HotSpot-sent SIGSEGV reached JNA's handler); JNA documents it for debugging only.
        rows.add(new JnaInterface());
        rows.add(new JffiCall.N3());
        rows.add(new JffiCall.L3NoErrno());
        String jni = System.getProperty("probe.jni");
        if (jni != null) {
            JniFloor.load(jni);
            rows.add(new JniFloor());
        }
        if (FfmCall.available()) {
            rows.add(new FfmCall(false));
            rows.add(new FfmCall(true));
        }
        rows.add(new NoSyscall.Jna());
        rows.add(new NoSyscall.Jffi(true));
        rows.add(new NoSyscall.Jffi(false));
        if (jni != null) {
            rows.add(new NoSyscall.Jni());
        }
        if (FfmCall.available()) {
            rows.add(new NoSyscall.Ffm(false));
            rows.add(new NoSyscall.Ffm(true));
        }
        // -Dprobe.only=PREFIX keeps the rows whose name starts with it (to profile one path, e.g. under perf record).
        String only = System.getProperty("probe.only");
        if (only != null) {
            rows.removeIf(row -> !row.name().startsWith(only));
        }
        return rows;
    }

    /** One round of one row: batches until {@code seconds} passed; ns per call. */
    private static double time(CallLoop row, int fd, long iov, double seconds) {
        long budget = (long) (seconds * 1e9);
        long calls = 0;
        long bad = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            bad += row.run(fd, iov, BATCH, RECORD_BYTES);
            calls += BATCH;
            elapsed = System.nanoTime() - start;
        } while (elapsed < budget);
        if (bad != 0) {
            throw new IllegalStateException(row.name() + ": " + bad + " calls did not write " + RECORD_BYTES);
        }
        return (double) elapsed / calls;
    }

    /** The C loop for {@code seconds}: ns per call from its events/s line. */
    private static double cLoop(String cbench, double seconds) throws Exception {
        Process process = new ProcessBuilder(cbench, "writev", "/dev/null", Double.toString(seconds))
                .redirectErrorStream(true)
                .start();
        String line;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            line = out.readLine();
        }
        if (process.waitFor() != 0 || line == null || !line.startsWith("c_writev_events_per_s ")) {
            throw new IllegalStateException("ue-bench: " + line);
        }
        return 1e9 / Double.parseDouble(line.split(" ")[1]);
    }

    private static void report(List<CallLoop> rows, double[][] ns, double[] c) {
        double cBest = Arrays.stream(c).min().orElse(Double.NaN);
        System.out.printf("%-44s %9s %9s %10s %13s%n", "row", "best ns", "median ns", "x C loop", "x C (paired)");
        System.out.printf("%-44s %9.1f %9.1f %10s %13s%n", "C loop (ue-bench writev)", cBest, median(c), "1.00", "");
        for (int i = 0; i < rows.size(); i++) {
            double[] paired = new double[c.length];
            for (int r = 0; r < c.length; r++) {
                paired[r] = c[r] / ns[i][r];
            }
            double best = Arrays.stream(ns[i]).min().orElseThrow();
            String name = rows.get(i).name();
            if (name.startsWith("0")) {
                // labs rows: no syscall, so no C-loop ratio; their ns is the path's own cost.
                System.out.printf("%-44s %9.1f %9.1f %10s %13s%n", name, best, median(ns[i]), "-", "-");
            } else {
                System.out.printf(
                        "%-44s %9.1f %9.1f %10.2f %13.2f%n", name, best, median(ns[i]), cBest / best, median(paired));
            }
        }
        System.out.println("# x C loop = best C ns / best row ns (calls/s ratio); paired = median of per-round ratios;"
                + " 0* rows call labs (no syscall): the path's own cost");
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String load() {
        try {
            return Files.readString(Paths.get("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "?";
        }
    }
}
