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
 * {@code sync SECONDS} (the same written on the caller's thread, one thread like the C loop) and
 * {@code register COUNT} (microseconds to register one logger's six events). Only ratios against the C numbers
 * of the same run mean anything there.
 */
public final class KernelRatios {
    private KernelRatios() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("drain")) {
            drain(Mode.ASYNC, Double.parseDouble(args[1]));
        } else if (args[0].equals("sync")) {
            drain(Mode.SYNC, Double.parseDouble(args[1]));
        } else {
            register(Integer.parseInt(args[1]));
        }
    }

    /** ASYNC: the writer's pace (BLOCK ties the producer to it); SYNC: encode + writev on one thread, like the C loop. */
    private static void drain(Mode mode, double seconds) throws Exception {
        UserEvents core = UserEvents.open(UserEventsConfig.builder().mode(mode).bufferSize(4096)
                .queueFullPolicy(QueueFullPolicy.BLOCK).shutdownHook(false).build());
        LoggerEvents events = core.logger("ue.bench.java");
        Path enable = Paths.get("/sys/kernel/tracing/events/user_events/ue_bench_java_INFO/enable");
        Files.writeString(enable, "1");
        StringBuilder message = new StringBuilder(128);
        String prefix = EnabledBenchmark.PATTERN.substring(0, EnabledBenchmark.PATTERN.length() - 2);
        // Warm up, then measure.
        long warmEnd = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            message.setLength(0);
            message.append(prefix).append(12_345_678_901L);
            core.emit(events, Level.INFO, message);
        }
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
        long elapsed = System.nanoTime() - start;
        long written = core.counters().written() - writtenBefore; // the writer's pace: BLOCK ties the producer to it
        Files.writeString(enable, "0");
        core.close();
        System.out.printf("java_%s_events_per_s %.0f errors %d disabledRace %d%n",
                mode == Mode.ASYNC ? "drain" : "sync", written / (elapsed / 1e9),
                core.counters().errors(), core.counters().disabledRace());
    }

    private static void register(int count) {
        UserEvents core = UserEvents.open(UserEventsConfig.builder().mode(Mode.SYNC).shutdownHook(false).build());
        for (int i = 0; i < 50; i++) {
            core.logger("ue.bench.warm." + i); // JIT and JNA warm-up
        }
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            core.logger("ue.bench.java.logger." + i);
        }
        long elapsed = System.nanoTime() - start;
        core.close();
        System.out.printf("java_register_us_per_logger %.2f%n", elapsed / 1e3 / count);
    }
}
