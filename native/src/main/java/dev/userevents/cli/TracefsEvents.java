package dev.userevents.cli;

import dev.userevents.Level;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user_events a tracefs directory shows: which exist (parsed from {@code user_events_status}) and their
 * {@code events/user_events/<name>/enable} files. A logger's six level events are {@code <base>_<LEVEL>}; an
 * EventHeader provider's tracepoints are {@code <provider>_L<level>K<keyword>}.
 */
final class TracefsEvents {
    private static final Pattern PROVIDER_TRACEPOINT = Pattern.compile("^([A-Za-z0-9_]+)_L([0-9a-f]+)K([0-9a-f]+)$");

    private final Path tracefs;

    TracefsEvents(Path tracefs) {
        this.tracefs = tracefs;
    }

    /** Base name to the set of its level events present ({@link Level#tracepointMask} bits), in status order. */
    Map<String, Integer> loggers(Pattern matching) throws IOException {
        Map<String, Integer> levelsByBase = new LinkedHashMap<>();
        for (String name : eventNames()) {
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

    /** EventHeader providers matching {@code matching}: name to a line of their tracepoints, enabled ones with '*'. */
    Map<String, String> providers(Pattern matching) throws IOException {
        Map<String, TreeMap<String, String>> byProvider = new TreeMap<>(); // sorted, as status is not
        for (String name : eventNames()) {
            Matcher tracepoint = PROVIDER_TRACEPOINT.matcher(name);
            if (!tracepoint.matches() || !matching.matcher(tracepoint.group(1)).matches()) {
                continue;
            }
            try {
                if (!Files.readString(eventDirectory(name).resolve("format")).contains("eventheader_flags")) {
                    continue;
                }
            } catch (NoSuchFileException gone) {
                continue;
            }
            byProvider
                    .computeIfAbsent(tracepoint.group(1), p -> new TreeMap<>())
                    .put(name.substring(tracepoint.group(1).length() + 1), isEnabled(name) ? "*" : "");
        }
        Map<String, String> lines = new LinkedHashMap<>();
        byProvider.forEach((provider, tracepoints) -> {
            StringBuilder line = new StringBuilder();
            tracepoints.forEach(
                    (tracepoint, enabled) -> line.append(' ').append(tracepoint).append(enabled));
            lines.put(provider, line.toString());
        });
        return lines;
    }

    /** The event names of user_events_status: the first word of each line before the blank line. */
    private List<String> eventNames() throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(tracefs.resolve("user_events_status"), StandardCharsets.UTF_8)) {
            if (line.isEmpty()) {
                break; // then "Active: N", "Busy: N"
            }
            names.add(line.split(" ", 2)[0]);
        }
        return names;
    }

    /** {@code events/user_events/<event>} of {@code root} (tracefs or an ftrace instance): its enable, format and id files. */
    static Path eventDirectory(Path root, String event) {
        return root.resolve("events/user_events").resolve(event);
    }

    private Path eventDirectory(String event) {
        return eventDirectory(tracefs, event);
    }

    boolean isEnabled(String event) throws IOException {
        try {
            return Files.readString(eventDirectory(event).resolve("enable"))
                    .trim()
                    .startsWith("1");
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** Writes the enable file of each level in {@code present} of logger {@code baseName}; returns the levels switched on. */
    int apply(String baseName, int present, int enabledMask) throws IOException {
        int on = 0;
        for (Level level : Level.values()) {
            if ((present & level.tracepointMask) != 0) {
                boolean enable = (enabledMask & level.tracepointMask) != 0;
                try {
                    Files.writeString(eventDirectory(baseName + "_" + level).resolve("enable"), enable ? "1" : "0");
                } catch (NoSuchFileException gone) {
                    continue; // the logger's process exited and the kernel deleted the event meanwhile
                }
                on |= enable ? level.tracepointMask : 0;
            }
        }
        return on;
    }

    /** "enabled FATAL ERROR ..." or "disabled", as enable, disable and follow print a logger's new state. */
    static String describe(int enabledMask) {
        List<String> on = new ArrayList<>();
        for (Level level : Level.values()) {
            if ((enabledMask & level.tracepointMask) != 0) {
                on.add(level.name());
            }
        }
        return on.isEmpty() ? "disabled" : "enabled " + String.join(" ", on);
    }
}
