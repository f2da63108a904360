package dev.userevents;

/**
 * How the writer waits for a published slot: spin first (a producer is usually microseconds away), then yield the
 * core, then let the caller park. (A BLOCK producer facing a full ring yields, then parks, without spinning: see AsyncWriter.)
 */
final class Backoff {
    static final int SPIN_TRIES = 100;
    static final int YIELD_TRIES = 10;

    private Backoff() {}

    /** Spins or yields for attempt number {@code attempt} (0, 1, ...); true once it is time for the caller to park. */
    static boolean spinOrYield(int attempt) {
        if (attempt < SPIN_TRIES) {
            Thread.onSpinWait();
            return false;
        }
        if (attempt < SPIN_TRIES + YIELD_TRIES) {
            Thread.yield();
            return false;
        }
        return true;
    }
}
