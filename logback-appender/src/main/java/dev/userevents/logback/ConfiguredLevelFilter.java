package dev.userevents.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Added by {@link UserEventsTurboFilter} to every appender that is not a {@link UserEventsAppender}: denies an event
 * below its logger's effective level, one that passed only because the turbo filter accepted it for tracing, so
 * Console, File and the rest write exactly what they would with tracing off. Costs a logger lookup by name per
 * event that reaches such an appender.
 */
final class ConfiguredLevelFilter extends Filter<ILoggingEvent> {
    private final LoggerContext loggers;

    ConfiguredLevelFilter(LoggerContext loggers) {
        this.loggers = loggers;
        setName("userevents-configured-level");
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return event.getLevel().isGreaterOrEqual(loggers.getLogger(event.getLoggerName()).getEffectiveLevel())
                ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
