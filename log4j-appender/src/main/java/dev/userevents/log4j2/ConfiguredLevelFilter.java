package dev.userevents.log4j2;

import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.filter.AbstractFilter;
import org.apache.logging.log4j.core.filter.AbstractFilterable;

/**
 * Added by {@link #guardOtherAppenders} (its only installer, which {@link UserEventsFilter} calls when the
 * configuration starts, unless {@code everywhere}) to every appender other than {@code UserEvents}: denies an event below its
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
        org.apache.logging.log4j.Level configured = configuration
                .getLoggerConfig(loggerName == null ? "" : loggerName)
                .getLevel();
        return configured == null || event.getLevel().isMoreSpecificThan(configured) ? onMatch : onMismatch;
    }

    /** Gives every appender of {@code configuration} that is not a UserEvents appender, and has none yet, this filter. */
    static void guardOtherAppenders(Configuration configuration) {
        for (Appender appender : configuration.getAppenders().values()) {
            if (!(appender instanceof UserEventsAppender)
                    && appender instanceof AbstractFilterable
                    && !hasOne(((AbstractFilterable) appender).getFilter())) {
                ConfiguredLevelFilter levels = new ConfiguredLevelFilter(configuration);
                levels.start();
                ((AbstractFilterable) appender).addFilter(levels);
            }
        }
    }

    private static boolean hasOne(Filter filter) {
        for (Filter each : UserEventsFilter.each(filter)) {
            if (each instanceof ConfiguredLevelFilter) {
                return true;
            }
        }
        return false;
    }
}
