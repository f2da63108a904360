package dev.userevents.perf;

import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/** Log4j2 contexts built in code, so one JMH fork can hold the stock and the UserEvents set-ups side by side. */
final class Log4jContexts {
    private Log4jContexts() {}

    /** Root at INFO, no appender output that matters: Log4j's own level check. */
    static LoggerContext stockInfo() {
        ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
        builder.setStatusLevel(Level.WARN).setConfigurationName("stock");
        builder.add(builder.newRootLogger(Level.INFO));
        return start(new LoggerContext("stock"), builder.build());
    }

    /**
     * Root at INFO with a configuration-level {@code ThresholdFilter} that always answers NEUTRAL: Log4j's own
     * global-filter dispatch (the filter lookup, the call, the NEUTRAL test, then the level test), which any
     * configuration-level filter pays, with a check about as cheap as a filter can have.
     */
    static LoggerContext stockWithNeutralFilter() {
        ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
        builder.setStatusLevel(Level.WARN).setConfigurationName("stock-neutral-filter");
        builder.add(builder.newFilter("ThresholdFilter", Filter.Result.NEUTRAL, Filter.Result.NEUTRAL)
                .addAttribute("level", Level.TRACE));
        builder.add(builder.newRootLogger(Level.INFO));
        return start(new LoggerContext("stock-neutral-filter"), builder.build());
    }

    /**
     * {@code <UserEventsFilter/>} at configuration level (its defaults: onMatch ACCEPT, onMismatch NEUTRAL, so the
     * configured INFO decides an untraced level) and the UserEvents appender, in the context
     * UserEventsContextSelector makes: loggers hold their enable word (RegisteredLogger) and answer isEnabled
     * themselves.
     */
    static LoggerContext userEvents() {
        return start(
                new dev.userevents.log4j2.UserEventsLoggerContext("userevents", null, null),
                userEventsConfiguration("userevents"));
    }

    /** The same configuration in a plain LoggerContext (no selector): Log4j's filter dispatch, a cache probe. */
    static LoggerContext userEventsWithoutSelector() {
        return start(new LoggerContext("userevents-plain"), userEventsConfiguration("userevents-plain"));
    }

    /**
     * No selector, {@code <UserEventsFilter gate="levels"/>} nested in the UserEvents appender: no configuration-level
     * filter, so {@code isDebugEnabled()} is Log4j's own level test; a poller sets a traced logger's level.
     */
    static LoggerContext userEventsLevelsGate() {
        ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
        builder.setStatusLevel(Level.WARN).setConfigurationName("userevents-levels");
        builder.add(builder.newAppender("userEvents", "UserEvents")
                .add(builder.newFilter("UserEventsFilter", Filter.Result.ACCEPT, Filter.Result.NEUTRAL)
                        .addAttribute("gate", "levels")));
        builder.add(builder.newRootLogger(Level.INFO).add(builder.newAppenderRef("userEvents")));
        return start(new LoggerContext("userevents-levels"), builder.build());
    }

    private static Configuration userEventsConfiguration(String name) {
        ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
        builder.setStatusLevel(Level.WARN).setConfigurationName(name);
        builder.add(builder.newFilter("UserEventsFilter", Filter.Result.ACCEPT, Filter.Result.NEUTRAL));
        builder.add(builder.newAppender("userEvents", "UserEvents"));
        builder.add(builder.newRootLogger(Level.INFO).add(builder.newAppenderRef("userEvents")));
        return builder.build();
    }

    /** Log4j2 async loggers (LMAX Disruptor) writing {@code %m%n} to a file, buffered. */
    static LoggerContext asyncFile(Path file) {
        ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
        builder.setStatusLevel(Level.WARN).setConfigurationName("async-file");
        builder.add(builder.newAppender("file", "File")
                .addAttribute("fileName", file.toString())
                .addAttribute("immediateFlush", false)
                .addAttribute("bufferedIO", true)
                .add(builder.newLayout("PatternLayout").addAttribute("pattern", "%m%n")));
        builder.add(builder.newRootLogger(Level.INFO).add(builder.newAppenderRef("file")));
        return start(new AsyncLoggerContext("async-file"), builder.build());
    }

    /**
     * Log4j2 async loggers (LMAX Disruptor, its default wait strategy and ring) whose background thread hands each
     * event to a {@code Null} appender: the caller's cost of Log4j's hand-off (format into the ring's event,
     * publish) while the consumer keeps up, as the core's hand-off runs against a device whose writev is free.
     */
    static LoggerContext asyncNull() {
        ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
        builder.setStatusLevel(Level.WARN).setConfigurationName("async-null");
        builder.add(builder.newAppender("null", "Null"));
        builder.add(builder.newRootLogger(Level.INFO).add(builder.newAppenderRef("null")));
        return start(new AsyncLoggerContext("async-null"), builder.build());
    }

    private static LoggerContext start(LoggerContext context, Configuration configuration) {
        context.start(configuration);
        return context;
    }
}
