package dev.userevents.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** {@code perf record -e user_events:NAME -a} around a workload, then {@code perf script}. */
public final class Perf {
    private Perf() {}

    /**
     * Records {@code events} while {@code workload} runs. perf sets the enable bit a moment before it records,
     * so the workload starts once {@code attached} is true and is expected to emit for a little while.
     */
    public static String recordAndScript(List<String> events, BooleanSupplier attached, Runnable workload)
            throws Exception {
        Path data = record(events, attached, workload);
        Process script = new ProcessBuilder("perf", "script", "-i", data.toString())
                .redirectErrorStream(true)
                .start();
        byte[] output = script.getInputStream().readAllBytes();
        script.waitFor(60, TimeUnit.SECONDS);
        return new String(output, StandardCharsets.UTF_8);
    }

    /** {@code perf record} as {@link #recordAndScript}; returns the perf.data file (read it with {@link PerfData}). */
    public static Path record(List<String> events, BooleanSupplier attached, Runnable workload) throws Exception {
        Path data = Files.createTempFile("perf", ".data");
        List<String> command = new ArrayList<>(List.of("perf", "record", "-q", "-a", "-o", data.toString()));
        for (String event : events) {
            command.add("-e");
            command.add("user_events:" + event);
        }
        Process record = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!attached.getAsBoolean()) {
            if (System.nanoTime() > deadline || !record.isAlive()) {
                record.destroy();
                throw new AssertionError("perf record did not attach: " + log(data));
            }
            Thread.sleep(10);
        }
        Thread.sleep(300); // the bit is set when perf opens the event, a moment before it records
        workload.run();
        Thread.sleep(300);
        new ProcessBuilder("kill", "-INT", Long.toString(record.pid())).start().waitFor();
        if (!record.waitFor(60, TimeUnit.SECONDS)) {
            record.destroyForcibly();
            throw new AssertionError("perf record did not stop");
        }
        return data;
    }

    private static String log(Path data) {
        try {
            return Files.readString(data.resolveSibling(data.getFileName() + ".log"));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
