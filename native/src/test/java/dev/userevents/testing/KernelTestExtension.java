package dev.userevents.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userevents.UserEvents;
import dev.userevents.UserEventsConfig;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every kernel test sets up and leaves behind, in one place:
 * {@code @RegisterExtension final KernelTestExtension kernel = new KernelTestExtension();}
 *
 * <p>Before each test: {@link KernelTestSupport#requireUserEvents()} and an empty trace. What a test opens or
 * enables through it ({@link #open}, {@link #enable}, {@link #closeAfter}, ...) is released after the test, failed
 * or not, newest first (as nested try/finally blocks would), so an event is disabled before the instance that
 * registered it closes. Every release runs even if one throws; the first failure is rethrown with the others
 * suppressed.
 */
public final class KernelTestExtension implements BeforeEachCallback, AfterEachCallback {
    /** The kernel's default per-CPU ring buffer size, restored after {@link #bufferSizeKb}. */
    public static final int DEFAULT_BUFFER_SIZE_KB = 1408;

    private final Deque<AutoCloseable> releases = new ArrayDeque<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        KernelTestSupport.requireUserEvents();
        Tracefs.clearTrace();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Throwable first = null;
        for (AutoCloseable release; (release = releases.pollFirst()) != null; ) {
            try {
                release.close();
            } catch (Exception | AssertionError e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first instanceof Error) {
            throw (Error) first;
        }
        if (first != null) {
            throw (Exception) first;
        }
    }

    /** Opens the core, asserts it reached the kernel, and closes it after the test. */
    public UserEvents open(UserEventsConfig config) {
        UserEvents events = closeAfter(UserEvents.open(config));
        assertTrue(events.isAvailable(), events::unavailableReason);
        return events;
    }

    /** Closes {@code resource} after the test (a lambda works too: {@code kernel.closeAfter(() -> ...)}). */
    public <T extends AutoCloseable> T closeAfter(T resource) {
        releases.push(resource);
        return resource;
    }

    /** Enables the tracefs event {@code event} now, and disables it after the test. */
    public void enable(String event) {
        Tracefs.enable(event);
        releases.push(new Disable(event));
    }

    /**
     * Disables {@code event} now, for a test that asserts what disabling does; it is then not disabled again after
     * the test.
     */
    public void disable(String event) {
        releases.removeIf(release -> release instanceof Disable && ((Disable) release).event.equals(event));
        Tracefs.disable(event);
    }

    /** Disables {@code event} after the test: for events that something else (the CLI, follow) enables. */
    public void disableAfter(String event) {
        releases.push(new Disable(event));
    }

    /** Sets {@code event}'s ftrace filter now and clears it ("0") after the test. */
    public void filter(String event, String expression) {
        Tracefs.filter(event, expression);
        releases.push(() -> Tracefs.filter(event, "0"));
    }

    /** Resizes ftrace's per-CPU ring buffer and empties it; the default size is restored after the test. */
    public void bufferSizeKb(int kilobytes) {
        Tracefs.bufferSizeKb(kilobytes);
        Tracefs.clearTrace();
        releases.push(() -> Tracefs.bufferSizeKb(DEFAULT_BUFFER_SIZE_KB));
    }

    private static final class Disable implements AutoCloseable {
        final String event;

        Disable(String event) {
            this.event = event;
        }

        @Override
        public void close() {
            Tracefs.disable(event);
        }
    }
}
