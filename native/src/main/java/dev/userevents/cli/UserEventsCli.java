package dev.userevents.cli;

import dev.userevents.Level;
import dev.userevents.format.EventHeaderFormat;
import dev.userevents.kernel.DataFileLocator;
import dev.userevents.kernel.EventNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code userevents list|enable|disable|tail}: the operator's side, from tracefs alone (no JNA, no attach to the
 * application). A logger glob matches event base names; dots in it are read as {@code _} so
 * {@code com.example.*} works, and {@code *} / {@code ?} are wildcards.
 */
public final class UserEventsCli {
    /** How often --follow reads user_events_status: the bound of the delay before a new logger is enabled. */
    public static final long FOLLOW_INTERVAL_MILLIS = 20;
    /** Exit status for a usage error: an invalid glob or level. */
    static final int USAGE_ERROR = 2;
    private static final String USAGE = String.join("\n",
            "usage: userevents <command>",
            "  list [glob]                 loggers with user_events, their levels, and which are enabled (*);",
            "                              EventHeader providers with their level tracepoints",
            "  enable [--follow] <logger-glob> <LEVEL>",
            "                              enable LEVEL and every more severe level (FATAL ERROR WARN INFO DEBUG TRACE);",
            "                              --follow keeps running and enables loggers registered later, within "
                    + FOLLOW_INTERVAL_MILLIS + " ms",
            "  disable <logger-glob>       disable all six levels",
            "  tail [--no-follow] [glob [LEVEL]]",
            "                              decoded events from trace_pipe: time, pid/tid, logger, level, message;",
            "                              with LEVEL it enables the glob (following new loggers) and disables on exit",
            "  tail --provider NAME [glob [LEVEL]]",
            "                              decoded EventHeader events of provider NAME (time, writing tid, level,",
            "                              thread, logger, body, exception), read in a private ftrace instance; LEVEL (default TRACE)",
            "                              enables NAME_L1K1 up to that level's tracepoint until exit",
            "  doctor [--json] [--data-file PATH]",
            "                              check this host for user_events, one line per check with its fix;",
            "                              exit 0 when this user can log through user_events, 1 when not",
            "Environment: USEREVENTS_TRACEFS overrides the tracefs directory (default /sys/kernel/tracing).");
    private static final Pattern TRACE_LINE = Pattern.compile(
            "^\\s*(.+?)-(\\d+)\\s+(?:\\(\\s*(\\d+|-------)\\)\\s+)?\\[(\\d+)]\\s+\\S+\\s+([\\d.]+):\\s+(\\w+):\\s+msg=(.*)$");
    private static final Pattern LEVEL_TAIL = Pattern.compile("^(.*?) level=(?:0x[0-9a-f]+ \\()?(\\d+)\\)?$", Pattern.DOTALL);

    private final Path tracefs;
    private final PrintStream out;

    public UserEventsCli(Path tracefs, PrintStream out) {
        this.tracefs = tracefs;
        this.out = out;
    }

    public static void main(String[] args) {
        String root = System.getenv("USEREVENTS_TRACEFS");
        Path tracefs = root != null ? Paths.get(root) : locateTracefs();
        // UTF-8 whatever the locale (a VM or container often has none): messages are UTF-8 in the kernel.
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        UserEventsCli cli = new UserEventsCli(tracefs, out);
        try {
            System.exit(cli.run(args));
        } catch (AccessDeniedException e) {
            System.err.println("userevents: permission denied: " + e.getFile() + "\n  Run as root, or give your user a "
                    + "tracing group: chgrp -R tracing " + tracefs + "; chmod g+rx " + tracefs
                    + "; chmod g+rw " + tracefs + "/user_events_data and the events' enable files.");
            System.exit(2);
        } catch (IOException e) {
            System.err.println("userevents: " + e);
            System.exit(2);
        }
    }

    private static Path locateTracefs() {
        Path data = DataFileLocator.locate();
        return data != null ? data.getParent() : DataFileLocator.DEFAULT.getParent();
    }

    int run(String[] args) throws IOException {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            out.println(USAGE);
            return args.length == 0 ? 1 : 0;
        }
        if (args[0].equals("doctor")) { // before the check below: the doctor explains a host without user_events
            return Doctor.run(List.of(args).subList(1, args.length), out);
        }
        if (!Files.exists(tracefs.resolve("user_events_status"))) {
            System.err.println("userevents: no user_events in " + tracefs + ": " + DataFileLocator.explainMissing()
                    + " 'userevents doctor' checks every requirement.");
            return 2;
        }
        List<String> words = new ArrayList<>(List.of(args));
        String command = words.remove(0);
        String provider = null;
        int providerAt = words.indexOf("--provider");
        if (providerAt >= 0) {
            if (!command.equals("tail") || providerAt + 1 >= words.size()) {
                return usage();
            }
            provider = words.get(providerAt + 1);
            words.subList(providerAt, providerAt + 2).clear();
            String invalid = EventHeaderFormat.invalidProviderName(provider);
            if (invalid != null) {
                System.err.println("userevents: invalid provider name '" + provider + "': " + invalid);
                return USAGE_ERROR;
            }
        }
        boolean follow = words.remove("--follow");
        boolean noFollow = words.remove("--no-follow");
        switch (command) {
            case "list":
                if (words.size() > 1 || follow || noFollow) {
                    return usage();
                }
                String glob = words.isEmpty() ? "*" : words.get(0);
                Pattern listed = parseGlob(glob);
                return listed == null ? USAGE_ERROR : list(glob, listed);
            case "enable": {
                if (words.size() != 2 || noFollow) {
                    return usage();
                }
                Pattern matching = parseGlob(words.get(0));
                Level level = parseLevel(words.get(1));
                if (matching == null || level == null) {
                    return USAGE_ERROR;
                }
                return follow ? follow(matching, level.andMoreSevereMask(), () -> { }, new java.util.HashMap<>()) : setEnabled(words.get(0), matching, level.andMoreSevereMask());
            }
            case "disable": {
                if (words.size() != 1 || follow || noFollow) {
                    return usage();
                }
                Pattern disabled = parseGlob(words.get(0));
                return disabled == null ? USAGE_ERROR : setEnabled(words.get(0), disabled, 0);
            }
            case "tail": {
                if (words.size() > 2 || follow) {
                    return usage();
                }
                Pattern tailed = parseGlob(words.isEmpty() ? "*" : words.get(0));
                Level level = words.size() == 2 ? parseLevel(words.get(1)) : null;
                if (tailed == null || (words.size() == 2 && level == null)) {
                    return USAGE_ERROR;
                }
                if (provider != null) {
                    return new ProviderTail(tracefs, out, provider, loggerNamePattern(words.isEmpty() ? "*" : words.get(0)),
                            level == null ? EventHeaderFormat.MAX_LEVEL : level.providerLevel).run();
                }
                return tail(tailed, level == null ? 0 : level.andMoreSevereMask(), !noFollow);
            }
            default:
                return usage();
        }
    }

    private static int usage() {
        System.err.println(USAGE);
        return 1;
    }

    private static Level parseLevel(String text) {
        try {
            return Level.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("userevents: unknown level " + text + " (FATAL ERROR WARN INFO DEBUG TRACE)");
            return null;
        }
    }

    /** The glob as a pattern, or null after a one-line error: empty, whitespace, control or bracket characters. */
    public static Pattern parseGlob(String glob) {
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || "[]{}".indexOf(c) >= 0) {
                System.err.println("userevents: invalid logger glob '" + glob + "': only names, * and ? (no '" + c + "')");
                return null;
            }
        }
        if (glob.isEmpty()) {
            System.err.println("userevents: invalid logger glob: empty");
            return null;
        }
        return globToPattern(glob);
    }

    /** Logger glob to a regex over event base names. */
    static Pattern globToPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (Character.isLetterOrDigit(c) && c < 128 || c == '_') {
                regex.append(c);
            } else {
                regex.append('_'); // '.', '$', ... became '_' in event names
            }
        }
        // A name that lost characters when sanitized (non-ASCII, '-', ...) carries a hash suffix (EventNames).
        return Pattern.compile(regex + "(?:_h[0-9a-f]{8}|_h[0-9a-f]{16})?");
    }

    /** A glob over logger names as they are (EventHeader event names keep dots): {@code *} and {@code ?} only. */
    static Pattern loggerNamePattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }

    private static final Pattern PROVIDER_TRACEPOINT = Pattern.compile("^([A-Za-z0-9_]+)_L([0-9a-f]+)K([0-9a-f]+)$");

    /** EventHeader providers matching {@code matching}: name to a line of their tracepoints, enabled ones with '*'. */
    Map<String, String> providers(Pattern matching) throws IOException {
        Map<String, java.util.TreeMap<String, String>> byProvider = new java.util.TreeMap<>(); // sorted, as status is not
        for (String line : Files.readAllLines(tracefs.resolve("user_events_status"), StandardCharsets.UTF_8)) {
            if (line.isEmpty()) {
                break;
            }
            String name = line.split(" ", 2)[0];
            Matcher tracepoint = PROVIDER_TRACEPOINT.matcher(name);
            if (!tracepoint.matches() || !matching.matcher(tracepoint.group(1)).matches()) {
                continue;
            }
            try {
                if (!Files.readString(tracefs.resolve("events/user_events").resolve(name).resolve("format")).contains("eventheader_flags")) {
                    continue;
                }
            } catch (NoSuchFileException gone) {
                continue;
            }
            byProvider.computeIfAbsent(tracepoint.group(1), p -> new java.util.TreeMap<>())
                    .put(name.substring(tracepoint.group(1).length() + 1), isEnabled(name) ? "*" : "");
        }
        Map<String, String> lines = new LinkedHashMap<>();
        byProvider.forEach((provider, tracepoints) -> {
            StringBuilder line = new StringBuilder();
            tracepoints.forEach((tracepoint, enabled) -> line.append(' ').append(tracepoint).append(enabled));
            lines.put(provider, line.toString());
        });
        return lines;
    }

    /** Base name to the set of its level events present, from user_events_status. */
    Map<String, Integer> loggers(Pattern matching) throws IOException {
        Map<String, Integer> levelsByBase = new LinkedHashMap<>();
        for (String line : Files.readAllLines(tracefs.resolve("user_events_status"), StandardCharsets.UTF_8)) {
            if (line.isEmpty()) {
                break;
            }
            String name = line.split(" ", 2)[0];
            int underscore = name.lastIndexOf('_');
            if (underscore <= 0) {
                continue;
            }
            Level level;
            try {
                level = Level.valueOf(name.substring(underscore + 1));
            } catch (IllegalArgumentException notOurs) {
                continue;
            }
            String base = name.substring(0, underscore);
            if (matching.matcher(base).matches()) {
                levelsByBase.merge(base, level.tracepointMask, (a, b) -> a | b);
            }
        }
        return levelsByBase;
    }

    private Path enableFile(String event) {
        return tracefs.resolve("events/user_events").resolve(event).resolve("enable");
    }

    private boolean isEnabled(String event) throws IOException {
        try {
            return Files.readString(enableFile(event)).trim().startsWith("1");
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private int list(String glob, Pattern matching) throws IOException {
        Map<String, Integer> loggers = loggers(matching);
        Map<String, String> providers = providers(matching);
        for (Map.Entry<String, Integer> logger : loggers.entrySet()) {
            StringBuilder line = new StringBuilder(logger.getKey());
            for (Level level : Level.values()) {
                if ((logger.getValue() & level.tracepointMask) != 0) {
                    line.append(' ').append(level).append(isEnabled(logger.getKey() + "_" + level) ? "*" : "");
                }
            }
            out.println(line);
        }
        for (Map.Entry<String, String> provider : providers.entrySet()) {
            out.println(provider.getKey() + " (EventHeader provider)" + provider.getValue());
        }
        if (loggers.isEmpty() && providers.isEmpty()) {
            System.err.println("userevents: no logger matches " + glob);
            return 1;
        }
        return 0;
    }

    private int setEnabled(String glob, Pattern matching, int enabledMask) throws IOException {
        Map<String, Integer> loggers = loggers(matching);
        for (Map.Entry<String, Integer> logger : loggers.entrySet()) {
            out.println(logger.getKey() + ": " + describe(apply(logger.getKey(), logger.getValue(), enabledMask)));
        }
        if (loggers.isEmpty()) {
            System.err.println("userevents: no logger matches " + glob);
            return 1;
        }
        return 0;
    }

    /** Writes the enable file of each level in {@code present}; returns the levels switched on. */
    private int apply(String baseName, int present, int enabledMask) throws IOException {
        int on = 0;
        for (Level level : Level.values()) {
            if ((present & level.tracepointMask) != 0) {
                boolean enable = (enabledMask & level.tracepointMask) != 0;
                try {
                    Files.writeString(enableFile(baseName + "_" + level), enable ? "1" : "0");
                } catch (NoSuchFileException gone) {
                    continue; // the logger's process exited and the kernel deleted the event meanwhile
                }
                on |= enable ? level.tracepointMask : 0;
            }
        }
        return on;
    }

    private static String describe(int enabledMask) {
        List<String> on = new ArrayList<>();
        for (Level level : Level.values()) {
            if ((enabledMask & level.tracepointMask) != 0) {
                on.add(level.name());
            }
        }
        return on.isEmpty() ? "disabled" : "enabled " + String.join(" ", on);
    }

    /**
     * {@code enable --follow}: enables the matching events now, then every {@link #FOLLOW_INTERVAL_MILLIS} those
     * registered since (an event's six levels may appear one by one: each level is handled once). Waits quietly
     * while nothing matches. Runs until interrupted; {@code afterFirstPass} runs once the existing events are on.
     * tracefs offers no notification of new events, so this polls user_events_status. {@code handled} collects
     * the levels seen per logger (guarded by itself), so a caller can undo them.
     */
    public int follow(Pattern matching, int enabledMask, Runnable afterFirstPass, Map<String, Integer> handled) throws IOException {
        enableNew(matching, enabledMask, handled);
        afterFirstPass.run();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(FOLLOW_INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                break;
            }
            enableNew(matching, enabledMask, handled);
        }
        return 0;
    }

    /** One pass: applies {@code enabledMask} to each matching level not in {@code handled} yet, and records it. */
    private void enableNew(Pattern matching, int enabledMask, Map<String, Integer> handled) throws IOException {
        for (Map.Entry<String, Integer> logger : loggers(matching).entrySet()) {
            int done;
            synchronized (handled) {
                done = handled.getOrDefault(logger.getKey(), 0);
            }
            int fresh = logger.getValue() & ~done;
            if (fresh != 0) {
                int on = apply(logger.getKey(), fresh, enabledMask);
                synchronized (handled) {
                    handled.put(logger.getKey(), done | fresh);
                }
                if (on != 0) {
                    out.println(logger.getKey() + ": " + describe(on));
                }
            }
        }
    }

    /**
     * Prints matching events from trace_pipe until interrupted (Ctrl-C). With {@code enabledMask} it also enables
     * the glob (following loggers registered later unless {@code followNew} is false) and disables those events
     * on exit. The record-tgid option it sets is restored on exit too.
     */
    private int tail(Pattern matching, int enabledMask, boolean followNew) throws IOException {
        Path recordTgid = tracefs.resolve("options/record-tgid");
        String recordTgidBefore = Files.isWritable(recordTgid) ? Files.readString(recordTgid).trim() : null;
        if (recordTgidBefore != null) {
            Files.writeString(recordTgid, "1"); // so lines carry the pid as well as the tid
        }
        Map<String, Integer> enabled = new java.util.HashMap<>();
        Thread follower = null;
        if (enabledMask != 0) {
            java.util.concurrent.CountDownLatch firstPass = new java.util.concurrent.CountDownLatch(1);
            follower = new Thread(() -> {
                try {
                    if (followNew) {
                        follow(matching, enabledMask, firstPass::countDown, enabled);
                    } else {
                        enableNew(matching, enabledMask, enabled);
                    }
                } catch (IOException e) {
                    System.err.println("userevents: " + e);
                } finally {
                    firstPass.countDown();
                }
            }, "userevents-follow");
            follower.setDaemon(true);
            follower.start();
            try {
                firstPass.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Thread restore = restoreOnExit(follower, enabled, recordTgid, recordTgidBefore);
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

    /** Stops following, disables what tail enabled, and puts record-tgid back. */
    private Thread restoreOnExit(Thread follower, Map<String, Integer> enabled, Path recordTgid, String recordTgidBefore) {
        return new Thread(() -> {
            if (follower != null) {
                follower.interrupt();
                try {
                    follower.join(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                synchronized (enabled) {
                    for (Map.Entry<String, Integer> logger : enabled.entrySet()) {
                        apply(logger.getKey(), logger.getValue(), 0);
                    }
                }
                if (recordTgidBefore != null) {
                    Files.writeString(recordTgid, recordTgidBefore);
                }
            } catch (IOException e) {
                System.err.println("userevents: restoring tracefs: " + e);
            }
        }, "userevents-restore");
    }

    private int readTracePipe(Pattern matching) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Files.newInputStream(tracefs.resolve("trace_pipe")), StandardCharsets.UTF_8))) {
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
                    if (underscore <= 0 || !matching.matcher(event.substring(0, underscore)).matches()) {
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
