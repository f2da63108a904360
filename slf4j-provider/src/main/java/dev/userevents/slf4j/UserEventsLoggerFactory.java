package dev.userevents.slf4j;

import dev.userevents.UserEvents;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/** One {@link UserEventsLogger} per name; creating it registers its six events. */
public final class UserEventsLoggerFactory implements ILoggerFactory {
    private final ConcurrentMap<String, UserEventsLogger> loggers = new ConcurrentHashMap<>();
    private final UserEvents core;
    private final StderrConsole console;
    private final boolean includeMdc;

    /** Loggers over a core instance of your own (embedding, benchmarks); no console, no MDC. */
    public UserEventsLoggerFactory(UserEvents core) {
        this(core, null, false);
    }

    UserEventsLoggerFactory(UserEvents core, StderrConsole console, boolean includeMdc) {
        this.core = core;
        this.console = console;
        this.includeMdc = includeMdc;
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, n -> UserEventsLogger.create(n, core, console, includeMdc));
    }

    /** The core instance behind these loggers: counters, close. */
    public UserEvents core() {
        return core;
    }
}
