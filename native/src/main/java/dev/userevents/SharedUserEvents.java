package dev.userevents;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Reference-counted {@link UserEvents} instances by configuration, for front ends whose components come and go
 * with reconfiguration (Logback's appender and turbo filter; Log4j2 uses its own {@code AbstractManager}). Equal
 * configurations share one instance, so a component that starts before its predecessor stops keeps the
 * registrations; the last {@link #release} closes it (flush, unregister, then free).
 */
public final class SharedUserEvents {
    private static final Map<UserEventsConfig, Shared> OPEN = new HashMap<>(); // guarded by itself

    private static final class Shared {
        final UserEvents events;
        int users;

        Shared(UserEvents events) {
            this.events = events;
        }
    }

    private SharedUserEvents() {}

    /** The instance for {@code config}, opened on first use; pair each call with one {@link #release}. */
    public static UserEvents acquire(UserEventsConfig config) {
        return acquire(config, (String) null);
    }

    /**
     * {@link #acquire(UserEventsConfig)}; when this call opens the instance and user_events is unavailable, the one
     * diagnostic says {@code whileUnavailable} (see {@link UserEvents#open(UserEventsConfig, String)}; null: the default).
     */
    public static UserEvents acquire(UserEventsConfig config, String whileUnavailable) {
        return acquire(
                config, c -> whileUnavailable == null ? UserEvents.open(c) : UserEvents.open(c, whileUnavailable));
    }

    /**
     * {@link #acquire(UserEventsConfig)} for a front end with a device seam: when this call opens the instance, it
     * opens it with {@code opener} (for example {@code c -> UserEvents.open(c, device)} over a test double); an
     * instance already open for an equal configuration is shared as it is.
     */
    public static UserEvents acquire(UserEventsConfig config, Function<UserEventsConfig, UserEvents> opener) {
        synchronized (OPEN) {
            Shared shared = OPEN.computeIfAbsent(config, c -> new Shared(opener.apply(c)));
            shared.users++;
            return shared.events;
        }
    }

    /** One user is done; the last one closes the instance (within {@code timeoutMillis} for queued events). */
    public static void release(UserEvents events, long timeoutMillis) {
        synchronized (OPEN) {
            Shared shared = OPEN.get(events.config());
            if (shared == null || shared.events != events || --shared.users > 0) {
                return;
            }
            OPEN.remove(events.config());
        }
        events.close(timeoutMillis);
    }
}
