package dev.userevents;

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
    private static final String USAGE = String.join("\n",
            "usage: userevents <command>",
            "  list [glob]                 loggers with user_events, their levels, and which are enabled (*)",
            "  enable <logger-glob> <LEVEL> enable LEVEL and every more severe level (FATAL ERROR WARN INFO DEBUG TRACE)",
            "  disable <logger-glob>       disable all six levels",
            "  tail [glob]                 decoded events from trace_pipe: time, pid/tid, logger, level, message",
            "Environment: USEREVENTS_TRACEFS overrides the tracefs directory (default /sys/kernel/tracing).");
    private static final Pattern TRACE_LINE = Pattern.compile(
            "^\\s*(.+?)-(\\d+)\\s+(?:\\(\\s*(\\d+|-------)\\)\\s+)?\\[(\\d+)]\\s+\\S+\\s+([\\d.]+):\\s+(\\w+):\\s+msg=(.*)$");
    private static final Pattern LEVEL_TAIL = Pattern.compile("^(.*?) level=(?:0x[0-9a-f]+ \\()?(\\d+)\\)?$", Pattern.DOTALL);

    private final Path tracefs;
    private final PrintStream out;

    UserEventsCli(Path tracefs, PrintStream out) {
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
        if (!Files.exists(tracefs.resolve("user_events_status"))) {
            System.err.println("userevents: no user_events in " + tracefs + ": " + DataFileLocator.explainMissing());
            return 2;
        }
        switch (args[0]) {
            case "list":
                return list(args.length > 1 ? args[1] : "*");
            case "enable":
                if (args.length < 3) {
                    break;
                }
                Level level = parseLevel(args[2]);
                return level == null ? 1 : setEnabled(args[1], level.andMoreSevereMask());
            case "disable":
                if (args.length < 2) {
                    break;
                }
                return setEnabled(args[1], 0);
            case "tail":
                return tail(args.length > 1 ? args[1] : "*");
            default:
                break;
        }
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
        return Pattern.compile(regex.toString());
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
                levelsByBase.merge(base, level.enableMask, (a, b) -> a | b);
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

    private int list(String glob) throws IOException {
        Map<String, Integer> loggers = loggers(globToPattern(glob));
        for (Map.Entry<String, Integer> logger : loggers.entrySet()) {
            StringBuilder line = new StringBuilder(logger.getKey());
            for (Level level : Level.values()) {
                if ((logger.getValue() & level.enableMask) != 0) {
                    line.append(' ').append(level).append(isEnabled(logger.getKey() + "_" + level) ? "*" : "");
                }
            }
            out.println(line);
        }
        if (loggers.isEmpty()) {
            System.err.println("userevents: no logger matches " + glob);
            return 1;
        }
        return 0;
    }

    private int setEnabled(String glob, int enabledMask) throws IOException {
        Map<String, Integer> loggers = loggers(globToPattern(glob));
        for (Map.Entry<String, Integer> logger : loggers.entrySet()) {
            List<String> on = new ArrayList<>();
            for (Level level : Level.values()) {
                if ((logger.getValue() & level.enableMask) != 0) {
                    boolean enable = (enabledMask & level.enableMask) != 0;
                    Files.writeString(enableFile(logger.getKey() + "_" + level), enable ? "1" : "0");
                    if (enable) {
                        on.add(level.name());
                    }
                }
            }
            out.println(logger.getKey() + ": " + (on.isEmpty() ? "disabled" : "enabled " + String.join(" ", on)));
        }
        if (loggers.isEmpty()) {
            System.err.println("userevents: no logger matches " + glob);
            return 1;
        }
        return 0;
    }

    private int tail(String glob) throws IOException {
        Pattern matching = globToPattern(glob);
        Path recordTgid = tracefs.resolve("options/record-tgid");
        if (Files.isWritable(recordTgid)) {
            Files.writeString(recordTgid, "1"); // so lines carry the pid as well as the tid
        }
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
