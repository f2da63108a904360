package dev.userevents.perf;

import dev.userevents.Level;
import dev.userevents.LoggerEvents;
import dev.userevents.Mode;
import dev.userevents.QueueFullPolicy;
import dev.userevents.UserEvents;
import dev.userevents.UserEventsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The Java half of perf/kernel-ratios.sh, run inside the test VM beside ue-bench.c (the C half):
 * {@code drain SECONDS} (events/s through the ring into user_events_data with ftrace recording the event),
 * {@code sync SECONDS} (the same written on the caller's thread, one thread like the C loop); registration is
 * {@code dev.userevents.testing.RegistrationProbe} (native test code: it times raw ioctls through the ABI layer)'s. Only ratios against the C numbers of the same run mean anything there.
 */
public final class KernelRatios {
    /** Upper bound of measuring rounds (each {@code SECONDS} long). */
    private static final int MAX_ROUNDS = 20;

    private KernelRatios() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("drain")) {
            drain(Mode.ASYNC, Double.parseDouble(args[1]));
        } else {
            drain(Mode.SYNC, Double.parseDouble(args[1]));
        }
    }

    /** ASYNC: the writer's pace (BLOCK ties the producer to it); SYNC: encode + writev on one thread, like the C loop. */
    private static void drain(Mode mode, double seconds) throws Exception {
        UserEvents core = UserEvents.open(UserEventsConfig.builder()
                .mode(mode)
                .bufferSize(4096)
                .queueFullPolicy(QueueFullPolicy.BLOCK)
                .shutdownHook(false)
                .build());
        LoggerEvents events = core.logger("ue.bench.java");
        Path enable = Paths.get("/sys/kernel/tracing/events/user_events/ue_bench_java_INFO/enable");
        Files.writeString(enable, "1");
        StringBuilder message = new StringBuilder(128);
        String prefix = EnabledBenchmark.PATTERN.substring(0, EnabledBenchmark.PATTERN.length() - 2);
        // TCG compiles slowly: measure one-second rounds until the rate stops rising (3 rounds in a row within 2% of
        // the best), at most MAX_ROUNDS; report the best, every round, and how much the JIT still compiled in the
        // last round (0 ms: warm).
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        java.util.List<Long> rates = new java.util.ArrayList<>();
        long best = 0;
        int flat = 0;
        long jitMillisLastRound = 0;
        for (int round = 0; round < MAX_ROUNDS && flat < 3; round++) {
            long jitBefore = jit.getTotalCompilationTime();
            long writtenBefore = core.counters().written();
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                for (int i = 0; i < 1000; i++) {
                    message.setLength(0);
                    message.append(prefix).append(12_345_678_901L);
                    core.emit(events, Level.INFO, message);
                }
            }
            long written =
                    core.counters().written() - writtenBefore; // the writer's pace: BLOCK ties the producer to it
            long rate = (long) (written / ((System.nanoTime() - start) / 1e9));
            jitMillisLastRound = jit.getTotalCompilationTime() - jitBefore;
            rates.add(rate);
            flat = rate > best * 1.02 ? 0 : flat + 1;
            best = Math.max(best, rate);
        }
        Files.writeString(enable, "0");
        core.close();
        System.out.printf(
                "java_%s_events_per_s %d errors %d disabledRace %d rounds %s jit_ms_last_round %d%n",
                mode == Mode.ASYNC ? "drain" : "sync",
                best,
                core.counters().errors(),
                core.counters().disabledRace(),
                rates,
                jitMillisLastRound);
    }
}
