package dev.userevents.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Iterator;
import java.util.function.Function;

/**
 * Added (by {@link Guard}, its only installer) to every appender that is not a {@link UserEventsAppender} once tracing
 * first turns on a level below a logger's configured one (by {@link UserEventsTurboFilter}'s ACCEPT or
 * {@link UserEventsLevelGate}'s level): denies
 * an event below its logger's configured effective level, one that passed only for tracing, so Console, File and
 * the rest write exactly what they would with tracing off. Costs a logger lookup by name per event that reaches such
 * an appender.
 */
final class ConfiguredLevelFilter extends Filter<ILoggingEvent> {
    private final LoggerContext loggers;
    private final Function<Logger, Level> configuredEffective;

    ConfiguredLevelFilter(LoggerContext loggers, Function<Logger, Level> configuredEffective) {
        this.loggers = loggers;
        this.configuredEffective = configuredEffective;
        setName("userevents-configured-level");
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return event.getLevel().isGreaterOrEqual(configuredEffective.apply(loggers.getLogger(event.getLoggerName())))
                ? FilterReply.NEUTRAL
                : FilterReply.DENY;
    }

    /**
     * The one way this filter is installed: {@link #installOnce} the first time tracing lets an event below its
     * logger's configured level through (by {@link UserEventsTurboFilter}'s ACCEPT or {@link UserEventsLevelGate}'s
     * level), so until then other appenders pay nothing. One per turbo filter or gate.
     */
    static final class Guard {
        private final Function<Logger, Level> configuredEffective;
        private volatile boolean installed;

        /** {@code configuredEffective}: a logger's effective level as configured, without tracing's changes. */
        Guard(Function<Logger, Level> configuredEffective) {
            this.configuredEffective = configuredEffective;
        }

        boolean isInstalled() {
            return installed;
        }

        /** Gives every appender of the context that is not a UserEventsAppender, and has none yet, the filter. */
        synchronized void installOnce(LoggerContext loggers) {
            if (installed) {
                return;
            }
            for (Logger each : loggers.getLoggerList()) {
                for (Iterator<Appender<ILoggingEvent>> appenders = each.iteratorForAppenders(); appenders.hasNext(); ) {
                    Appender<ILoggingEvent> appender = appenders.next();
                    boolean guarded = appender.getCopyOfAttachedFiltersList().stream()
                            .anyMatch(f -> f instanceof ConfiguredLevelFilter);
                    if (!(appender instanceof UserEventsAppender) && !guarded) {
                        ConfiguredLevelFilter filter = new ConfiguredLevelFilter(loggers, configuredEffective);
                        filter.start();
                        appender.addFilter(filter);
                    }
                }
            }
            installed = true;
        }
    }
}
