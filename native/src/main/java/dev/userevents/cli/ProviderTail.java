package dev.userevents.cli;

import dev.userevents.format.EventHeaderDecoder;
import dev.userevents.format.EventHeaderFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@code userevents tail --provider NAME}: shows an EventHeader provider's events decoded. It works in a private
 * ftrace instance ({@code instances/userevents-tail-<pid>}), so it neither consumes nor changes the global trace
 * buffer: it enables {@code NAME_L1K1} up to the chosen level there (following tracepoints the application
 * registers later), reads each CPU's {@code trace_pipe_raw} (EventHeader fields are beyond what the text pipe
 * shows), and on exit removes the instance, which disables what it enabled.
 */
final class ProviderTail {
    /** Sub-buffer size asked for (kernel 6.8+), so events up to the default 7 KiB EventHeader bound fit ftrace. */
    private static final int SUBBUFFER_KB = 16;

    private final Path tracefs;
    private final PrintStream out;
    private final String provider;
    private final Pattern loggers;
    private final int maxLevel;
    private final Map<Integer, Integer> levelByEventId = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();

    ProviderTail(Path tracefs, PrintStream out, String provider, Pattern loggers, int maxLevel) {
        this.tracefs = tracefs;
        this.out = out;
        this.provider = provider;
        this.loggers = loggers;
        this.maxLevel = maxLevel;
    }

    int run() throws IOException {
        Path instance = tracefs.resolve("instances")
                .resolve("userevents-tail-" + ProcessHandle.current().pid());
        try {
            Files.createDirectory(instance);
        } catch (NoSuchFileException e) {
            System.err.println(
                    "userevents: no ftrace instances in " + tracefs + " (needs a kernel with tracefs instances)");
            return 2;
        }
        Thread cleanup = new Thread(() -> stop(instance), "userevents-restore");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            int pageSize = askForLargerPages(instance);
            enableNew(instance);
            Thread follower = new Thread(() -> follow(instance), "userevents-follow");
            follower.setDaemon(true);
            threads.add(follower);
            try (DirectoryStream<Path> cpus = Files.newDirectoryStream(instance.resolve("per_cpu"), "cpu*")) {
                for (Path cpu : cpus) {
                    Thread reader = new Thread(
                            () -> read(cpu.resolve("trace_pipe_raw"), pageSize), "userevents-" + cpu.getFileName());
                    reader.setDaemon(true);
                    threads.add(reader);
                }
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
                stop(instance);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs
            }
        }
        return 0;
    }

    private int askForLargerPages(Path instance) {
        Path subbuffer = instance.resolve("buffer_subbuf_size_kb");
        try {
            Files.writeString(subbuffer, Integer.toString(SUBBUFFER_KB));
            return Integer.parseInt(Files.readString(subbuffer).trim()) * 1024;
        } catch (IOException | NumberFormatException olderKernel) {
            return 4096; // events over ~4 KiB are not kept by ftrace there (perf keeps up to 8 KiB)
        }
    }

    /** Enables the levels the application registers later, until all up to {@code maxLevel} are on. */
    private void follow(Path instance) {
        try {
            FollowPoller.poll(() -> enableNew(instance), () -> levelByEventId.size() >= maxLevel);
        } catch (IOException e) {
            System.err.println("userevents: " + e);
        }
    }

    /** Enables each level tracepoint of the provider that exists now and is not enabled yet. */
    private synchronized void enableNew(Path instance) throws IOException {
        for (int level = EventHeaderFormat.MIN_LEVEL; level <= maxLevel; level++) {
            if (levelByEventId.containsValue(level)) {
                continue;
            }
            String name = EventHeaderFormat.tracepointName(provider, level);
            Path event = TracefsEvents.eventDirectory(instance, name);
            try {
                int id = Integer.parseInt(Files.readString(event.resolve("id")).trim());
                Files.writeString(event.resolve("enable"), "1");
                levelByEventId.put(id, level);
            } catch (NoSuchFileException notYet) {
                // the application has not registered this level yet
            }
        }
    }

    private void read(Path pipe, int pageSize) {
        try {
            TraceRingReader.readPages(pipe, pageSize, this::print);
        } catch (java.nio.channels.ClosedByInterruptException stopped) {
            // Ctrl-C
        } catch (IOException e) {
            System.err.println("userevents: reading " + pipe + ": " + e);
        }
    }

    private void print(int eventId, int tid, byte[] data) {
        if (!levelByEventId.containsKey(eventId)) {
            return;
        }
        EventHeaderDecoder.Event event;
        try {
            event = EventHeaderDecoder.decode(data, 0, data.length);
        } catch (IllegalArgumentException e) {
            out.println("? " + tid + " (undecodable EventHeader event: " + e.getMessage() + ")");
            return;
        }
        if (!loggers.matcher(event.name).matches()) {
            return;
        }
        Map<String, Object> fields = event.flatten();
        StringBuilder line = new StringBuilder()
                .append(fields.getOrDefault("PartA.time", "-"))
                .append(' ')
                .append(tid)
                .append(' ')
                .append(fields.getOrDefault("PartB.severityText", "L" + event.level))
                .append(" [")
                .append(fields.getOrDefault("PartC.thread.name", "?"))
                .append("] ")
                .append(event.name)
                .append(": ")
                .append(fields.getOrDefault("PartB.body", ""));
        Object stack = fields.get("PartC.exception.stacktrace");
        if (stack != null) {
            line.append('\n').append(stack);
        }
        synchronized (out) { // one line per event from the CPUs' readers
            out.println(line);
            out.flush();
        }
    }

    /** Stops the threads, then removes the instance (which needs its pipes closed; removing disables its events). */
    private void stop(Path instance) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        for (Thread thread : threads) {
            thread.interrupt();
        }
        for (Thread thread : threads) {
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(instance);
        } catch (IOException e) {
            System.err.println("userevents: removing " + instance + ": " + e + "; remove it with rmdir");
        }
    }
}
