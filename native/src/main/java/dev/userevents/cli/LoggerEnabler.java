package dev.userevents.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Enables the level events of a glob's loggers as they appear ({@code enable --follow}, {@code tail GLOB LEVEL}):
 * each level event is handled once (an event's six levels may appear one by one), and what was handled is kept so
 * that {@code tail} can disable it on exit.
 */
final class LoggerEnabler {
    private final TracefsEvents events;
    private final PrintStream out;
    private final Pattern matching;
    private final int enabledMask;
    /**
     * Levels handled per logger base name; guarded by itself (the follower and the restoring thread share it). An
     * enable and its record happen under it together, so the restore cannot run between them and leave an event on.
     */
    private final Map<String, Integer> handled;
    /** Set by {@link #disableHandled}: a follower still running after it enables nothing more. Guarded by handled. */
    private boolean stopped;

    LoggerEnabler(
            TracefsEvents events, PrintStream out, Pattern matching, int enabledMask, Map<String, Integer> handled) {
        this.events = events;
        this.out = out;
        this.matching = matching;
        this.enabledMask = enabledMask;
        this.handled = handled;
    }

    /**
     * Enables the matching events now, then every {@link FollowPoller#INTERVAL_MILLIS} those registered since;
     * waits quietly while nothing matches. Runs until interrupted; {@code afterFirstPass} runs once the existing
     * events are on.
     */
    void follow(Runnable afterFirstPass) throws IOException {
        enableNew();
        afterFirstPass.run();
        FollowPoller.poll(this::enableNew, () -> false);
    }

    /** One pass: applies the mask to each matching level not handled yet, records it, and prints what it switched on. */
    void enableNew() throws IOException {
        for (Map.Entry<String, Integer> logger : events.loggers(matching).entrySet()) {
            int on;
            synchronized (handled) {
                if (stopped) {
                    return;
                }
                int done = handled.getOrDefault(logger.getKey(), 0);
                int fresh = logger.getValue() & ~done;
                if (fresh == 0) {
                    continue;
                }
                on = events.apply(logger.getKey(), fresh, enabledMask);
                handled.put(logger.getKey(), done | fresh);
            }
            if (on != 0) {
                out.println(logger.getKey() + ": " + TracefsEvents.describe(on));
            }
        }
    }

    /** Disables every level event handled so far; from then on {@link #enableNew} enables nothing. */
    void disableHandled() throws IOException {
        synchronized (handled) {
            stopped = true;
            for (Map.Entry<String, Integer> logger : handled.entrySet()) {
                events.apply(logger.getKey(), logger.getValue(), 0);
            }
        }
    }
}
