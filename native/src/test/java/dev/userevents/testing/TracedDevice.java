package dev.userevents.testing;

import dev.userevents.Level;
import dev.userevents.UserEvents;
import dev.userevents.UserEventsConfig;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A front end's host gating test, written once for every front end: an in-memory device whose {@link #opener()} goes
 * into the front end's device seam ({@code CoreOpener#openWith}), the kernel's side of tracing ({@link #trace}) over
 * every core opened through it, and what reached the device ({@link #written}).
 */
public final class TracedDevice {
    private final InMemoryDevice device = new InMemoryDevice();
    /** Every core opened through {@link #opener()} (a filter's and an appender's, one if their settings are equal). */
    private final List<UserEvents> opened = new CopyOnWriteArrayList<>();

    /** Opens each core on this device and remembers it. */
    public Function<UserEventsConfig, UserEvents> opener() {
        return config -> {
            UserEvents core = UserEvents.open(config, device);
            opened.add(core);
            return core;
        };
    }

    /** Whether any core was opened through {@link #opener()} (since the last {@link #forgetOpened()}). */
    public boolean opened() {
        return !opened.isEmpty();
    }

    /** Forgets the cores opened so far (closed with their context: the next one opens its own). */
    public void forgetOpened() {
        opened.clear();
    }

    /** What the kernel does when a tracer attaches: the bit in every registered word of the event. */
    public void trace(String loggerName, Level level, boolean on) {
        for (UserEvents core : opened) {
            device.setEnabled(core.logger(loggerName), level, on);
        }
    }

    /** The records that reached the device, as {@code LEVEL message}. */
    public List<String> written() {
        return device.records().stream()
                .map(r -> Level.ofValue(r.level) + " " + r.message)
                .collect(Collectors.toList());
    }
}
