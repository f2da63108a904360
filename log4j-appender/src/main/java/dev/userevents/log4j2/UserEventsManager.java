package dev.userevents.log4j2;

import dev.userevents.CoreOpener;
import dev.userevents.LoggerEvents;
import dev.userevents.UserEvents;
import dev.userevents.UserEventsConfig;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.logging.log4j.core.appender.AbstractManager;
import org.apache.logging.log4j.core.appender.ManagerFactory;

/**
 * One core {@link UserEvents} shared, Log4j-style, by every appender or filter with the same settings. Log4j
 * counts references: on reconfiguration the new configuration takes the manager before the old one releases
 * it, so the registrations survive (no re-registration, no EADDRINUSE), and the last release flushes and
 * unregisters before the enable words go.
 */
final class UserEventsManager extends AbstractManager {
    /** How a new manager opens its core: user_events, or in this package's tests another device. */
    private static final CoreOpener OPENER =
            new CoreOpener("The UserEvents appenders write nothing; Log4j's other appenders are unaffected.");

    private static final ManagerFactory<UserEventsManager, UserEventsConfig> FACTORY =
            (name, config) -> new UserEventsManager(name, OPENER.open(config));

    private final UserEvents core;
    /** Set by the first appender that reports this manager idle: appenders sharing it, and reconfigurations, stay quiet. */
    private final AtomicBoolean idleReported = new AtomicBoolean();

    private UserEventsManager(String name, UserEvents core) {
        super(null, name);
        this.core = core;
    }

    /** The device seam, for this package's tests only (package-private on purpose): see {@link CoreOpener#openWith}. */
    static void openWith(Function<UserEventsConfig, UserEvents> testOpener) {
        OPENER.openWith(testOpener);
    }

    /** Undoes {@link #openWith}. */
    static void openWithKernel() {
        OPENER.openWithKernel();
    }

    /** Log4j's own shutdown hook stops the context; the core's hook would race it. */
    static UserEventsManager get(UserEventsConfig.Builder config) {
        UserEventsConfig built = config.shutdownHook(false).build();
        return getManager("UserEvents" + built, FACTORY, built);
    }

    /** Writes {@code event} to each of its logger's streams that is traced (see {@link UserEvents#log}). */
    void log(org.apache.logging.log4j.core.LogEvent event, Log4jEventReader reader) {
        core.log(core.logger(event.getLoggerName()), Log4jLevels.toCore(event.getLevel()), event, reader);
    }

    UserEventsConfig config() {
        return core.config();
    }

    /** The EventHeader provider as configured (written and gated on when valid and user_events is there), or null. */
    String eventHeaderProvider() {
        return core.config().eventHeaderProvider();
    }

    boolean isAvailable() {
        return core.isAvailable();
    }

    /** Why user_events is unavailable, or null. */
    String unavailableReason() {
        return core.unavailableReason();
    }

    /** True once: for the first appender that finds this manager without user_events. */
    boolean firstToReportIdle() {
        return !core.isAvailable() && idleReported.compareAndSet(false, true);
    }

    dev.userevents.Counters counters() {
        return core.counters();
    }

    /** The logger's events: one lookup by name in the core's registry (no sanitizing on the hot path). */
    LoggerEvents logger(String loggerName) {
        return core.logger(loggerName);
    }

    /** {@link #logger} of each name, registered together (a sweep). */
    void loggers(java.util.Collection<String> loggerNames) {
        core.loggers(loggerNames);
    }

    @Override
    protected boolean releaseSub(long timeout, TimeUnit timeUnit) {
        core.close(timeout > 0 ? timeUnit.toMillis(timeout) : core.config().shutdownTimeoutMillis());
        return true;
    }
}
