package dev.userevents.slf4j;

import dev.userevents.UserEvents;
import dev.userevents.spi.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The core this provider opened, for the other front ends of the same process: {@code userevents-jul} routes
 * java.util.logging through it, so one process has one core, one set of settings and one writer. Listening never
 * starts SLF4J: the provider opens its core when the application's first SLF4J logger asks, as without a listener.
 */
public final class ProviderCore {
    private static final List<Consumer<UserEvents>> WAITING = new ArrayList<>(); // guarded by itself
    private static UserEvents opened; // guarded by WAITING

    private ProviderCore() {}

    /** Calls {@code listener} with the provider's core: now if it is open, else on the thread that opens it. */
    public static void whenOpen(Consumer<UserEvents> listener) {
        UserEvents core;
        synchronized (WAITING) {
            core = opened;
            if (core == null) {
                WAITING.add(listener);
                return;
            }
        }
        notify(listener, core);
    }

    /** The provider's {@code initialize()}: the first core opened is the process's. */
    static void opened(UserEvents core) {
        List<Consumer<UserEvents>> listeners;
        synchronized (WAITING) {
            if (opened != null) {
                return;
            }
            opened = core;
            listeners = new ArrayList<>(WAITING);
            WAITING.clear();
        }
        for (Consumer<UserEvents> listener : listeners) {
            notify(listener, core);
        }
    }

    private static void notify(Consumer<UserEvents> listener, UserEvents core) {
        try {
            listener.accept(core);
        } catch (RuntimeException | LinkageError e) { // another front end's failure must not fail SLF4J's start
            Diagnostics.reportOnce("slf4j:core-listener", "a front end sharing the SLF4J provider's core failed: " + e);
        }
    }
}
