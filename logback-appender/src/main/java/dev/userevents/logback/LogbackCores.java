package dev.userevents.logback;

import dev.userevents.CoreOpener;
import dev.userevents.SharedUserEvents;
import dev.userevents.UserEvents;
import dev.userevents.UserEventsConfig;
import java.util.function.Function;

/**
 * Where the Logback pieces (appender, turbo filter, level gate) get their shared core: {@link SharedUserEvents} by
 * configuration, opened on user_events, or in this package's tests on another device ({@link #openWith}).
 */
final class LogbackCores {
    /** What the core's one diagnostic says where user_events is missing, whichever Logback piece opens it first. */
    static final String WHILE_UNAVAILABLE =
            "The UserEventsAppender writes nothing; Logback's other appenders are unaffected.";

    private static final CoreOpener OPENER = new CoreOpener(WHILE_UNAVAILABLE);

    private LogbackCores() {}

    /** The shared core for {@code config}; pair with {@link SharedUserEvents#release}. */
    static UserEvents acquire(UserEventsConfig config) {
        return SharedUserEvents.acquire(config, OPENER::open);
    }

    /** The device seam, for this package's tests only (package-private on purpose): see {@link CoreOpener#openWith}. */
    static void openWith(Function<UserEventsConfig, UserEvents> testOpener) {
        OPENER.openWith(testOpener);
    }

    /** Undoes {@link #openWith}. */
    static void openWithKernel() {
        OPENER.openWithKernel();
    }
}
