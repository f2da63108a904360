package dev.userevents.log4j2;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.filter.AbstractFilter;

/**
 * Added by {@link UserEventsFilter} to every appender other than {@code UserEvents}: denies an event below its
 * logger's configured level, one that passed only because tracing enabled it, so Console, File and the rest write
 * exactly what they would with tracing off. Costs a LoggerConfig lookup per event that reaches such an appender.
 */
final class ConfiguredLevelFilter extends AbstractFilter {
    private final Configuration configuration;

    ConfiguredLevelFilter(Configuration configuration) {
        super(Result.NEUTRAL, Result.DENY);
        this.configuration = configuration;
    }

    @Override
    public Result filter(LogEvent event) {
        String loggerName = event.getLoggerName();
        org.apache.logging.log4j.Level configured = configuration.getLoggerConfig(loggerName == null ? "" : loggerName).getLevel();
        return configured == null || event.getLevel().isMoreSpecificThan(configured) ? onMatch : onMismatch;
    }
}
