package dev.userevents.cli;

import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * Following events registered later: tracefs offers no notification of new events, so both followers (a logger
 * glob's level events, {@link LoggerEnabler}; a provider's tracepoints, {@link ProviderTail}) poll, with this one
 * loop and interval.
 */
final class FollowPoller {
    /** How often a follower looks again: the bound of the delay before a new logger is enabled. */
    static final long INTERVAL_MILLIS = 20;

    private FollowPoller() {}

    /** One look at tracefs. */
    interface Pass {
        void run() throws IOException;
    }

    /**
     * Runs {@code pass} every {@link #INTERVAL_MILLIS} until the thread is interrupted or {@code finished} is true
     * (checked before each wait). The caller makes the first pass itself, before it has to wait.
     */
    static void poll(Pass pass, BooleanSupplier finished) throws IOException {
        while (!Thread.currentThread().isInterrupted() && !finished.getAsBoolean()) {
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // for the caller: it was asked to stop
                return;
            }
            pass.run();
        }
    }
}
