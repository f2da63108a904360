package dev.userevents;

import java.util.function.Function;

/**
 * How a front end opens its core: on user_events, saying {@code whileUnavailable} in the core's one diagnostic where
 * it is missing, or, in the front end's own tests, on another device ({@link #openWith}). Each front end keeps one
 * in a package-private field, so an application never reaches the seam.
 */
public final class CoreOpener {
    private final Function<UserEventsConfig, UserEvents> kernel;
    private volatile Function<UserEventsConfig, UserEvents> opener;

    public CoreOpener(String whileUnavailable) {
        this.kernel = config -> UserEvents.open(config, whileUnavailable);
        this.opener = kernel;
    }

    /** A new core for {@code config}, on user_events unless a test said otherwise. */
    public UserEvents open(UserEventsConfig config) {
        return opener.apply(config);
    }

    /**
     * Cores opened until {@link #openWithKernel()} are opened with {@code testOpener}, for example
     * {@code config -> UserEvents.open(config, inMemoryDevice)}; cores already open keep theirs.
     */
    public void openWith(Function<UserEventsConfig, UserEvents> testOpener) {
        opener = testOpener;
    }

    /** Undoes {@link #openWith}. */
    public void openWithKernel() {
        opener = kernel;
    }
}
