package dev.userevents.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** ftrace control for kernel tests: enable events, filters, read the trace. */
public final class Tracefs {
    public static final Path ROOT = Paths.get("/sys/kernel/tracing");
    public static final Path USER_EVENTS = ROOT.resolve("events/user_events");

    private Tracefs() {}

    public static void write(Path file, String value) {
        try {
            Files.write(file, value.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("writing '" + value + "' to " + file, e);
        }
    }

    public static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void enable(String event) {
        write(USER_EVENTS.resolve(event).resolve("enable"), "1");
    }

    public static void disable(String event) {
        write(USER_EVENTS.resolve(event).resolve("enable"), "0");
    }

    public static boolean exists(String event) {
        return Files.isDirectory(USER_EVENTS.resolve(event));
    }

    public static String format(String event) {
        return read(USER_EVENTS.resolve(event).resolve("format"));
    }

    public static void filter(String event, String expression) {
        write(USER_EVENTS.resolve(event).resolve("filter"), expression);
    }

    /** user_events_status: one line per registered event. */
    public static String status() {
        return read(ROOT.resolve("user_events_status"));
    }

    public static List<String> statusEventNames() {
        List<String> names = new ArrayList<>();
        for (String line : status().split("\n")) {
            if (line.isEmpty()) {
                break;
            }
            names.add(line.split(" ", 2)[0]);
        }
        return names;
    }

    /** Empties the ring buffer (opening {@code trace} with O_TRUNC). */
    public static void clearTrace() {
        write(ROOT.resolve("trace"), "");
    }

    /** buffer_size_kb and each CPU's ring-buffer stats (entries, overrun, dropped events), for failure messages. */
    public static String stats() {
        StringBuilder out = new StringBuilder(
                "buffer_size_kb=" + read(ROOT.resolve("buffer_size_kb")).trim());
        try (java.util.stream.Stream<Path> cpus = Files.list(ROOT.resolve("per_cpu"))) {
            cpus.sorted()
                    .forEach(cpu -> out.append("; ")
                            .append(cpu.getFileName())
                            .append(": ")
                            .append(read(cpu.resolve("stats")).replace('\n', ' ')));
        } catch (IOException e) {
            out.append(e);
        }
        return out.toString();
    }

    /**
     * ftrace's ring buffer, summed over CPUs from {@code per_cpu/N/stats}: entries it holds, entries overwritten
     * (overrun), and events dropped because it was full in no-overwrite mode.
     */
    public record BufferCounts(long entries, long overrun, long dropped) {}

    public static BufferCounts bufferCounts() {
        long entries = 0;
        long overrun = 0;
        long dropped = 0;
        try (Stream<Path> cpus = Files.list(ROOT.resolve("per_cpu"))) {
            for (Path cpu : (Iterable<Path>) cpus::iterator) {
                String stats = read(cpu.resolve("stats"));
                entries += statsField(stats, ENTRIES);
                overrun += statsField(stats, OVERRUN);
                dropped += statsField(stats, DROPPED_EVENTS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BufferCounts(entries, overrun, dropped);
    }

    private static final Pattern ENTRIES = Pattern.compile("^entries: (\\d+)$", Pattern.MULTILINE);
    private static final Pattern OVERRUN = Pattern.compile("^overrun: (\\d+)$", Pattern.MULTILINE);
    private static final Pattern DROPPED_EVENTS = Pattern.compile("^dropped events: (\\d+)$", Pattern.MULTILINE);

    private static long statsField(String stats, Pattern field) {
        Matcher matcher = field.matcher(stats);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    public static void bufferSizeKb(int kilobytes) {
        write(ROOT.resolve("buffer_size_kb"), Integer.toString(kilobytes));
    }

    /**
     * How {@code trace} shows one of our events. ftrace prints user_events with its generic field printer, so an
     * unsigned field reads {@code 0x4 (4)}; perf script uses the print fmt ({@code msg=%s level=%u}) instead.
     */
    public static String payload(String message, int level) {
        return "msg=" + message + " level=0x" + Integer.toHexString(level) + " (" + level + ")";
    }

    /** Waits (up to 30 s) until {@code event} has at least {@code count} payloads in trace, then returns them. */
    public static List<String> awaitPayloads(String event, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<String> payloads = payloads(event);
        while (payloads.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            payloads = payloads(event);
        }
        return payloads;
    }

    /** The payloads ({@code msg=... level=...}) of {@code event} in {@code trace}, oldest first. */
    public static List<String> payloads(String event) {
        List<String> payloads = new ArrayList<>();
        String marker = " " + event + ": ";
        for (String line : read(ROOT.resolve("trace")).split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            int at = line.indexOf(marker);
            if (at >= 0) {
                payloads.add(line.substring(at + marker.length()));
            }
        }
        return payloads;
    }
}
