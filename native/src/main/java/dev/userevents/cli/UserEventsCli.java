package dev.userevents.cli;

import dev.userevents.Level;
import dev.userevents.format.EventHeaderFormat;
import dev.userevents.kernel.DataFileLocator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code userevents list|enable|disable|tail}: the operator's side, from tracefs alone (no JNA, no attach to the
 * application). A logger glob matches event base names; dots in it are read as {@code _} so
 * {@code com.example.*} works, and {@code *} / {@code ?} are wildcards.
 */
public final class UserEventsCli {
    /** How often --follow reads user_events_status: the bound of the delay before a new logger is enabled. */
    public static final long FOLLOW_INTERVAL_MILLIS = FollowPoller.INTERVAL_MILLIS;
    /** Exit status for a usage error: an invalid glob or level. */
    static final int USAGE_ERROR = 2;

    private static final String USAGE = String.join(
            "\n",
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

    private final Path tracefs;
    private final TracefsEvents events;
    private final PrintStream out;

    public UserEventsCli(Path tracefs, PrintStream out) {
        this.tracefs = tracefs;
        this.events = new TracefsEvents(tracefs);
        this.out = out;
    }

    public static void main(String[] args) {
        String root = System.getenv("USEREVENTS_TRACEFS");
        Path tracefs = root != null ? Paths.get(root) : locateTracefs();
        // UTF-8 whatever the locale (a VM or container often has none): messages are UTF-8 in the kernel.
        PrintStream out =
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
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
                Pattern listed = LoggerGlobs.parse(glob);
                return listed == null ? USAGE_ERROR : list(glob, listed);
            case "enable": {
                if (words.size() != 2 || noFollow) {
                    return usage();
                }
                Pattern matching = LoggerGlobs.parse(words.get(0));
                Level level = parseLevel(words.get(1));
                if (matching == null || level == null) {
                    return USAGE_ERROR;
                }
                return follow
                        ? follow(matching, level.andMoreSevereMask(), () -> {}, new HashMap<>())
                        : setEnabled(words.get(0), matching, level.andMoreSevereMask());
            }
            case "disable": {
                if (words.size() != 1 || follow || noFollow) {
                    return usage();
                }
                Pattern disabled = LoggerGlobs.parse(words.get(0));
                return disabled == null ? USAGE_ERROR : setEnabled(words.get(0), disabled, 0);
            }
            case "tail": {
                if (words.size() > 2 || follow) {
                    return usage();
                }
                Pattern tailed = LoggerGlobs.parse(words.isEmpty() ? "*" : words.get(0));
                Level level = words.size() == 2 ? parseLevel(words.get(1)) : null;
                if (tailed == null || (words.size() == 2 && level == null)) {
                    return USAGE_ERROR;
                }
                if (provider != null) {
                    return new ProviderTail(
                                    tracefs,
                                    out,
                                    provider,
                                    LoggerGlobs.loggerNamePattern(words.isEmpty() ? "*" : words.get(0)),
                                    level == null ? EventHeaderFormat.MAX_LEVEL : level.providerLevel)
                            .run();
                }
                return new TraceTail(tracefs, out)
                        .run(tailed, level == null ? 0 : level.andMoreSevereMask(), !noFollow);
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

    /** The glob as a pattern over event base names, or null after a one-line error (see {@link LoggerGlobs}). */
    public static Pattern parseGlob(String glob) {
        return LoggerGlobs.parse(glob);
    }

    private int list(String glob, Pattern matching) throws IOException {
        Map<String, Integer> loggers = events.loggers(matching);
        Map<String, String> providers = events.providers(matching);
        for (Map.Entry<String, Integer> logger : loggers.entrySet()) {
            StringBuilder line = new StringBuilder(logger.getKey());
            for (Level level : Level.values()) {
                if ((logger.getValue() & level.tracepointMask) != 0) {
                    line.append(' ').append(level).append(events.isEnabled(logger.getKey() + "_" + level) ? "*" : "");
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
        Map<String, Integer> loggers = events.loggers(matching);
        for (Map.Entry<String, Integer> logger : loggers.entrySet()) {
            out.println(logger.getKey() + ": "
                    + TracefsEvents.describe(events.apply(logger.getKey(), logger.getValue(), enabledMask)));
        }
        if (loggers.isEmpty()) {
            System.err.println("userevents: no logger matches " + glob);
            return 1;
        }
        return 0;
    }

    /**
     * {@code enable --follow}: enables the matching events now, then every {@link #FOLLOW_INTERVAL_MILLIS} those
     * registered since (see {@link LoggerEnabler}). Runs until interrupted; {@code afterFirstPass} runs once the
     * existing events are on. {@code handled} collects the levels seen per logger (guarded by itself), so a caller
     * can undo them.
     */
    public int follow(Pattern matching, int enabledMask, Runnable afterFirstPass, Map<String, Integer> handled)
            throws IOException {
        new LoggerEnabler(events, out, matching, enabledMask, handled).follow(afterFirstPass);
        return 0;
    }
}
