package dev.userevents.spi;

import java.util.function.Consumer;

/**
 * The level gates' loop, written once (JUL's {@code userevents.jul.gate=levels}, Logback's
 * {@code UserEventsLevelGate}, Log4j2's {@code gate="levels"}): a daemon thread that runs a pass over the enable
 * words every {@code periodMillis} until {@link #stop}; a pass that throws is reported once and the next one runs.
 */
public final class PollingThread {
    private final Thread thread;
    /** Set by {@link #stop}; the thread also ends on its interrupt. */
    private volatile boolean stopped;

    private PollingThread(String name, long periodMillis, Runnable pass, Consumer<RuntimeException> failed) {
        thread = new Thread(() -> run(periodMillis, pass, failed), name);
        thread.setDaemon(true);
    }

    /**
     * Starts a thread named {@code name} running {@code pass} every {@code periodMillis} (at least 1); a pass that
     * throws is reported once through {@link Diagnostics} under {@code diagnosticKey}.
     */
    public static PollingThread start(String name, long periodMillis, Runnable pass, String diagnosticKey) {
        return start(
                name,
                periodMillis,
                pass,
                e -> Diagnostics.reportOnce(diagnosticKey, name + " skipped a pass (reported once): " + e));
    }

    /** As above, a failed pass handed to {@code failed} (each time: the caller says it once, in its own channel). */
    public static PollingThread start(
            String name, long periodMillis, Runnable pass, Consumer<RuntimeException> failed) {
        PollingThread polling = new PollingThread(name, Math.max(1, periodMillis), pass, failed);
        polling.thread.start();
        return polling;
    }

    private void run(long periodMillis, Runnable pass, Consumer<RuntimeException> failed) {
        while (!stopped) {
            try {
                pass.run();
            } catch (RuntimeException e) { // never end the gate over one logger
                failed.accept(e);
            }
            try {
                Thread.sleep(periodMillis); // after a failed pass too: a failure that repeats must not spin
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Ends the thread and waits up to a second for its pass to finish. Returns whether it ended: only then may the
     * caller read what the passes write (a pass blocked in a registration hop ends at its next sleep).
     */
    public boolean stop() {
        stopped = true;
        thread.interrupt();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return !thread.isAlive();
    }
}
