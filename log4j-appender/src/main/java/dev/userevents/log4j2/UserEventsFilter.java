package dev.userevents.log4j2;

import dev.userevents.EnableWord;
import dev.userevents.EnableWordCache;
import dev.userevents.Mode;
import dev.userevents.UserEventsConfig;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.core.config.plugins.PluginConfiguration;
import org.apache.logging.log4j.core.filter.AbstractFilter;
import org.apache.logging.log4j.core.filter.CompositeFilter;
import org.apache.logging.log4j.message.Message;

/**
 * {@code <UserEventsFilter/>} at {@code <Configuration>} level: answers {@code Logger.isEnabled(level)} with the
 * kernel-written enable bit of that logger/level event, {@code onMatch} (ACCEPT) when it is set, {@code onMismatch}
 * (NEUTRAL: the configured levels decide) otherwise. So {@code isDebugEnabled()} turns true the moment someone
 * enables {@code user_events:<logger>_DEBUG}, without a restart. {@code onMismatch="DENY"} makes tracing the only
 * source of events.
 *
 * <p>Log4j's ACCEPT bypasses the configured levels for every appender. By default ({@code everywhere="false"})
 * the filter therefore adds a {@link ConfiguredLevelFilter} to every appender that is not {@code UserEvents} when
 * the configuration starts: an event below its logger's configured level reaches only the UserEvents appenders,
 * and Console, File and the rest write what they would with tracing off. {@code everywhere="true"} sends traced
 * events to every appender.
 *
 * <p>Events exist at logger creation: at start the filter registers every logger of its context (those created
 * before this configuration), and {@link UserEventsLoggerContext} (selected by {@link UserEventsContextSelector})
 * registers each logger created later. Without that selector a later logger registers on its first call.
 *
 * <p>With an EventHeader provider on the appender, give the filter the same {@code eventHeaderProvider}: then
 * enabling {@code <Provider>_L5K1} turns DEBUG and TRACE on for every logger, as the logger's own events do.
 *
 * <p>{@code gate="levels"}, for applications that cannot set the selector: a {@link LevelPoller} sets each logger's
 * level from its word instead, so {@code isDebugEnabled()} is stock Log4j's check when the filter is nested in the
 * UserEvents appender (where Log4j asks it only for that appender's events), at the price of up to
 * {@code pollMillis} (default 10) between an enable and its effect.
 *
 * <p>Every overload is implemented so a check allocates nothing (AbstractFilter's would box parameters into
 * an array): a cache probe by the Logger's identity (a map lookup by name on a miss) and one volatile read.
 */
@Plugin(name = "UserEventsFilter", category = Node.CATEGORY, elementType = Filter.ELEMENT_TYPE, printObject = true)
public final class UserEventsFilter extends AbstractFilter {
    private final UserEventsManager manager;
    /** Loggers not made by {@link UserEventsLoggerContext}: their words by identity. */
    private final EnableWordCache byLogger = new EnableWordCache();

    private final Configuration configuration;
    private final boolean everywhere;
    /** With {@code gate="levels"}: sets loggers' levels from their words (started with this filter); else null. */
    private final LevelPoller levels;

    private UserEventsFilter(
            Result onMatch,
            Result onMismatch,
            UserEventsManager manager,
            Configuration configuration,
            boolean everywhere,
            long levelsPollMillis) {
        super(onMatch, onMismatch);
        this.manager = manager;
        this.configuration = configuration;
        this.everywhere = everywhere;
        LoggerContext context = configuration == null ? null : configuration.getLoggerContext();
        this.levels = levelsPollMillis < 0 || context == null
                ? null
                : new LevelPoller(context, configuration, manager, levelsPollMillis);
    }

    /** The filters {@code filter} stands for: a {@code <Filters>} composite's, itself, or none for null. */
    static Filter[] each(Filter filter) {
        if (filter instanceof CompositeFilter) {
            return ((CompositeFilter) filter).getFiltersArray();
        }
        return filter == null ? new Filter[0] : new Filter[] {filter};
    }

    /** Registers {@code loggerName}'s events with every UserEventsFilter of {@code configuration}; returns the first. */
    static UserEventsFilter registerIn(Configuration configuration, String loggerName) {
        Filter filter = configuration == null ? null : configuration.getFilter();
        UserEventsFilter first = null;
        for (Filter each : each(filter)) {
            if (each instanceof UserEventsFilter) {
                ((UserEventsFilter) each).register(loggerName);
                first = first == null ? (UserEventsFilter) each : first;
            }
        }
        return first;
    }

    dev.userevents.LoggerEvents register(String loggerName) {
        return manager.logger(loggerName);
    }

    UserEventsManager manager() {
        return manager;
    }

    /** Registers the loggers that already exist, and keeps traced-only events out of the other appenders. */
    @Override
    public void start() {
        if (configuration != null) {
            LoggerContext context = configuration.getLoggerContext();
            if (context != null) {
                java.util.List<String> names = new java.util.ArrayList<>();
                for (org.apache.logging.log4j.core.Logger logger : context.getLoggers()) {
                    names.add(logger.getName());
                }
                manager.loggers(names); // one hop to the registrar for the whole sweep
            }
            warnOnProviderMismatch();
            if (!everywhere) {
                ConfiguredLevelFilter.guardOtherAppenders(configuration);
            }
            if (levels != null && manager.isAvailable()) { // no user_events: no word will ever be set
                warnIfAskedByEveryCheck();
                levels.start();
            }
        }
        super.start();
    }

    /** {@code gate="levels"} at configuration level still pays Log4j's filter call on every check: say so once. */
    private void warnIfAskedByEveryCheck() {
        boolean global = false;
        for (Filter each : each(configuration.getFilter())) {
            global |= each == this;
        }
        if (global) {
            LOGGER.warn(
                    "UserEventsFilter gate=\"levels\" at <Configuration> level is still asked by every "
                            + "isDebugEnabled(): nest it in the UserEvents appender, where only that appender's events ask it.");
        }
    }

    /**
     * An appender writing an EventHeader provider the filter does not know would get nothing below the configured
     * levels when an operator enables only the provider's tracepoints: say so once.
     */
    private void warnOnProviderMismatch() {
        String filterProvider = manager.eventHeaderProvider();
        for (Appender appender : configuration.getAppenders().values()) {
            if (appender instanceof UserEventsAppender) {
                String provider = ((UserEventsAppender) appender).eventHeaderProvider();
                if (provider != null && !provider.equals(filterProvider)) {
                    dev.userevents.spi.Diagnostics.reportOnce(
                            "log4j-provider-mismatch:" + provider,
                            "appender "
                                    + appender.getName() + " writes EventHeader provider " + provider
                                    + " but UserEventsFilter has "
                                    + (filterProvider == null ? "none" : filterProvider)
                                    + ": give the filter eventHeaderProvider=\""
                                    + provider + "\" too, or enabling " + provider
                                    + "_L5K1 alone will not turn DEBUG on.");
                }
            }
        }
    }

    /** Its prefix and provider are the core's settings, bound as the appender's are; a bad one goes to Log4j's status. */
    private static void settingProblem(String problem) {
        LOGGER.error("UserEventsFilter: {}", problem);
    }

    @PluginBuilderFactory
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Attributes: {@code prefix} (as on the appender), {@code onMatch}, {@code onMismatch}, {@code everywhere},
     * {@code eventHeaderProvider}, {@code gate} and {@code pollMillis}.
     */
    public static final class Builder implements org.apache.logging.log4j.core.util.Builder<UserEventsFilter> {
        @PluginBuilderAttribute
        private String prefix = "";
        // Not AbstractFilterBuilder: its onMatch defaults to NEUTRAL, which would leave isDebugEnabled to the levels.
        @PluginBuilderAttribute
        private Result onMatch = Result.ACCEPT;

        @PluginBuilderAttribute
        private Result onMismatch = Result.NEUTRAL;
        /**
         * The appender's {@code eventHeaderProvider}, so the provider's level tracepoints turn levels on too (the
         * filter holds its own registrations); default none.
         */
        @PluginBuilderAttribute
        private String eventHeaderProvider;
        /** false (default): events that pass only because of tracing reach only UserEvents appenders. */
        @PluginBuilderAttribute
        private boolean everywhere;

        /**
         * {@code check} (default): the filter answers each check from the word; {@code levels}: a {@link LevelPoller}
         * sets loggers' levels from their words, so a filter nested in an appender costs the check nothing.
         */
        @PluginBuilderAttribute
        private String gate = "check";
        /** With {@code gate="levels"}, how often the poller reads the words (at least 1). */
        @PluginBuilderAttribute
        private long pollMillis = 10;

        @PluginConfiguration
        private Configuration configuration;

        public Builder setGate(String gate) {
            this.gate = gate;
            return this;
        }

        public Builder setPollMillis(long pollMillis) {
            this.pollMillis = pollMillis;
            return this;
        }

        public Builder setEverywhere(boolean everywhere) {
            this.everywhere = everywhere;
            return this;
        }

        public Builder setConfiguration(Configuration configuration) {
            this.configuration = configuration;
            return this;
        }

        public Builder setPrefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        public Builder setEventHeaderProvider(String eventHeaderProvider) {
            this.eventHeaderProvider = eventHeaderProvider;
            return this;
        }

        public Builder setOnMatch(Result onMatch) {
            this.onMatch = onMatch;
            return this;
        }

        public Builder setOnMismatch(Result onMismatch) {
            this.onMismatch = onMismatch;
            return this;
        }

        @Override
        public UserEventsFilter build() {
            // Its own registrations (sync mode, no writer thread): the kernel sets the bit in every enabler of an
            // event.
            UserEventsManager manager = UserEventsManager.get(UserEventsConfig.builder()
                    .mode(Mode.SYNC)
                    .set("prefix", prefix, UserEventsFilter::settingProblem)
                    .set("eventHeaderProvider", eventHeaderProvider, UserEventsFilter::settingProblem));
            return new UserEventsFilter(onMatch, onMismatch, manager, configuration, everywhere, levelsPollMillis());
        }

        /** The poller's period with {@code gate="levels"}, -1 for {@code check}; a bad value is reported, not thrown. */
        private long levelsPollMillis() {
            if (pollMillis < 1) {
                settingProblem("pollMillis must be at least 1, was " + pollMillis + "; using 10");
                pollMillis = 10;
            }
            if ("levels".equalsIgnoreCase(gate)) {
                return pollMillis;
            }
            if (gate != null && !"check".equalsIgnoreCase(gate)) {
                settingProblem("gate must be check or levels, was '" + gate + "'; using check");
            }
            return -1;
        }
    }

    private Result check(String loggerName, Level level) {
        return manager.logger(loggerName).isEnabled(Log4jLevels.toCore(level)) ? onMatch : onMismatch;
    }

    /** The check for a Logger: the same answer as by name, from its own field or through {@link #byLogger}. */
    private Result check(Logger logger, Level level) {
        if (logger instanceof RegisteredLogger && ((RegisteredLogger) logger).manager == manager) {
            return (((RegisteredLogger) logger).word.read() & Log4jLevels.enableMask(level)) != 0
                    ? onMatch
                    : onMismatch;
        }
        EnableWord word = byLogger.get(logger);
        if (word == null) {
            word = byLogger.put(logger, manager.logger(logger.getName()).word());
        }
        return (word.read() & Log4jLevels.enableMask(level)) != 0 ? onMatch : onMismatch;
    }

    @Override
    public Result filter(LogEvent event) {
        return check(event.getLoggerName(), event.getLevel());
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, Message msg, Throwable t) {
        return check(logger, level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, Object msg, Throwable t) {
        return check(logger, level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object... params) {
        return check(logger, level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0) {
        return check(logger, level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1) {
        return check(logger, level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2) {
        return check(logger, level);
    }

    @Override
    public Result filter(
            Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2, Object p3) {
        return check(logger, level);
    }

    @Override
    public Result filter(
            Logger logger,
            Level level,
            Marker marker,
            String msg,
            Object p0,
            Object p1,
            Object p2,
            Object p3,
            Object p4) {
        return check(logger, level);
    }

    @Override
    public Result filter(
            Logger logger,
            Level level,
            Marker marker,
            String msg,
            Object p0,
            Object p1,
            Object p2,
            Object p3,
            Object p4,
            Object p5) {
        return check(logger, level);
    }

    @Override
    public Result filter(
            Logger logger,
            Level level,
            Marker marker,
            String msg,
            Object p0,
            Object p1,
            Object p2,
            Object p3,
            Object p4,
            Object p5,
            Object p6) {
        return check(logger, level);
    }

    @Override
    public Result filter(
            Logger logger,
            Level level,
            Marker marker,
            String msg,
            Object p0,
            Object p1,
            Object p2,
            Object p3,
            Object p4,
            Object p5,
            Object p6,
            Object p7) {
        return check(logger, level);
    }

    @Override
    public Result filter(
            Logger logger,
            Level level,
            Marker marker,
            String msg,
            Object p0,
            Object p1,
            Object p2,
            Object p3,
            Object p4,
            Object p5,
            Object p6,
            Object p7,
            Object p8) {
        return check(logger, level);
    }

    @Override
    public Result filter(
            Logger logger,
            Level level,
            Marker marker,
            String msg,
            Object p0,
            Object p1,
            Object p2,
            Object p3,
            Object p4,
            Object p5,
            Object p6,
            Object p7,
            Object p8,
            Object p9) {
        return check(logger, level);
    }

    @Override
    public boolean stop(long timeout, TimeUnit timeUnit) {
        setStopping();
        if (levels != null) {
            levels.stop(); // before the words go with the manager
        }
        boolean stopped = manager.stop(timeout, timeUnit);
        setStopped();
        return stopped;
    }
}
