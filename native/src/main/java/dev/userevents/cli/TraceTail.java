package dev.userevents.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code userevents tail [--no-follow] [glob [LEVEL]]}: prints the glob's events from the global {@code trace_pipe}
 * as {@code time pid/tid logger LEVEL message} until interrupted (Ctrl-C) or the pipe ends. With a level mask it
 * also enables the glob (following loggers registered later unless told not to) and disables those events on exit.
 * The record-tgid option it sets is restored on exit too.
 */
final class TraceTail {
    /** A trace_pipe line: {@code comm-tid (pid) [cpu] flags time: event: msg=...}; "(pid)" with record-tgid only. */
    private static final Pattern TRACE_LINE = Pattern.compile(
            "^\\s*(.+?)-(\\d+)\\s+(?:\\(\\s*(\\d+|-------)\\)\\s+)?\\[(\\d+)]\\s+\\S+\\s+([\\d.]+):\\s+(\\w+):\\s+msg=(.*)$");
    /** The end of a message: trace_pipe prints the level field as {@code level=0x4 (4)}; the print fmt's {@code level=4} is read too. */
    private static final Pattern LEVEL_TAIL =
            Pattern.compile("^(.*?) level=(?:0x[0-9a-f]+ \\()?(\\d+)\\)?$", Pattern.DOTALL);

    private final Path tracefs;
    private final TracefsEvents events;
    private final PrintStream out;

    TraceTail(Path tracefs, PrintStream out) {
        this.tracefs = tracefs;
        this.events = new TracefsEvents(tracefs);
        this.out = out;
    }

    int run(Pattern matching, int enabledMask, boolean followNew) throws IOException {
        Path recordTgid = tracefs.resolve("options/record-tgid");
        String recordTgidBefore =
                Files.isWritable(recordTgid) ? Files.readString(recordTgid).trim() : null;
        if (recordTgidBefore != null) {
            Files.writeString(recordTgid, "1"); // so lines carry the pid as well as the tid
        }
        LoggerEnabler enabler = new LoggerEnabler(events, out, matching, enabledMask, new HashMap<>());
        Thread follower = enabledMask == 0 ? null : startEnabling(enabler, followNew);
        Thread restore = restoreOnExit(follower, enabler, recordTgid, recordTgidBefore);
        Runtime.getRuntime().addShutdownHook(restore);
        try {
            return readTracePipe(matching);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(restore);
                restore.run(); // the pipe ended without Ctrl-C
            } catch (IllegalStateException shuttingDown) {
                // the hook runs
            }
        }
    }

    /** Enables (and follows, unless {@code followNew} is false) on a thread; returns once the existing events are on. */
    private Thread startEnabling(LoggerEnabler enabler, boolean followNew) {
        CountDownLatch firstPass = new CountDownLatch(1);
        Thread follower = new Thread(
                () -> {
                    try {
                        if (followNew) {
                            enabler.follow(firstPass::countDown);
                        } else {
                            enabler.enableNew();
                        }
                    } catch (IOException e) {
                        System.err.println("userevents: " + e);
                    } finally {
                        firstPass.countDown();
                    }
                },
                "userevents-follow");
        follower.setDaemon(true);
        follower.start();
        try {
            firstPass.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return follower;
    }

    /** Stops following, disables what tail enabled, and puts record-tgid back. */
    private static Thread restoreOnExit(
            Thread follower, LoggerEnabler enabler, Path recordTgid, String recordTgidBefore) {
        return new Thread(
                () -> {
                    if (follower != null) {
                        follower.interrupt();
                        try {
                            follower.join(1000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    try {
                        enabler.disableHandled();
                        if (recordTgidBefore != null) {
                            Files.writeString(recordTgid, recordTgidBefore);
                        }
                    } catch (IOException e) {
                        System.err.println("userevents: restoring tracefs: " + e);
                    }
                },
                "userevents-restore");
    }

    private int readTracePipe(Pattern matching) throws IOException {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(tracefs.resolve("trace_pipe")), StandardCharsets.UTF_8))) {
            StringBuilder pending = null;
            String header = null;
            String line;
            while ((line = reader.readLine()) != null) {
                Matcher start = TRACE_LINE.matcher(line);
                if (start.matches()) {
                    header = null;
                    pending = null;
                    String event = start.group(6);
                    int underscore = event.lastIndexOf('_');
                    if (underscore <= 0
                            || !matching.matcher(event.substring(0, underscore)).matches()) {
                        continue;
                    }
                    String pid = start.group(3) == null ? "?" : start.group(3);
                    header = start.group(5) + " " + pid + "/" + start.group(2) + " " + event.substring(0, underscore)
                            + " " + event.substring(underscore + 1) + " ";
                    pending = new StringBuilder(start.group(7));
                } else if (pending != null) {
                    pending.append('\n').append(line); // a message with newlines (a stack trace) spans lines
                }
                if (pending != null) {
                    Matcher end = LEVEL_TAIL.matcher(pending);
                    if (end.matches()) {
                        out.println(header + end.group(1));
                        out.flush();
                        pending = null;
                    }
                }
            }
        }
        return 0;
    }
}
