package dev.userevents.log4j2;

import dev.userevents.Mode;
import dev.userevents.QueueFullPolicy;
import dev.userevents.Setting;
import dev.userevents.UserEventsConfig;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;

/**
 * {@code <UserEvents name="..."/>}: writes each event whose logger/level event is being traced as a user_event
 * {@code <prefix><logger>_<LEVEL>} ({@code __rel_loc char[] msg; u32 level}). It checks the enable bit itself,
 * so it can sit beside file and console appenders and writes only what tracing wants.
 *
 * <p>The message is formatted into a reused per-thread builder and encoded on the caller's thread (into the
 * ring slot in async mode), so no mutable {@link LogEvent} or {@code Message} crosses threads.
 */
@Plugin(name = "UserEvents", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE, printObject = true)
public final class UserEventsAppender extends AbstractAppender {
    private final UserEventsManager manager;
    /** Reads this appender's events: the message, and the layout's text for the per-logger event. */
    private final Log4jEventReader reader;

    private UserEventsAppender(
            String name,
            Filter filter,
            Layout<? extends Serializable> layout,
            boolean ignoreExceptions,
            Property[] properties,
            UserEventsManager manager) {
        super(name, filter, layout, ignoreExceptions, properties);
        this.manager = manager;
        this.reader = new Log4jEventReader(layout);
    }

    @PluginBuilderFactory
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Builder with the appender's attributes; the nested Layout is optional. Each {@link PluginBuilderAttribute}
     * field below is one core {@link Setting} (Log4j injects attributes by field name, so it needs one per name): the
     * text is forwarded as given to {@link UserEventsConfig.Builder#set}, which parses it and reports a bad value in
     * Log4j's status. {@code Log4jSettingsTest} checks that the fields are exactly the table's names.
     */
    public static final class Builder extends AbstractAppender.Builder<Builder>
            implements org.apache.logging.log4j.core.util.Builder<UserEventsAppender> {
        @PluginBuilderAttribute
        private String prefix;

        @PluginBuilderAttribute
        private String mode;

        @PluginBuilderAttribute
        private String bufferSize;

        @PluginBuilderAttribute
        private String queueFullPolicy;

        @PluginBuilderAttribute
        private String maxMessageBytes;

        @PluginBuilderAttribute
        private String shutdownTimeoutMillis;

        @PluginBuilderAttribute
        private String dataFile;

        @PluginBuilderAttribute
        private String thread;

        @PluginBuilderAttribute
        private String preregister;

        @PluginBuilderAttribute
        private String eventHeaderProvider;

        public Builder setPrefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        public Builder setMode(Mode mode) {
            this.mode = text(mode);
            return this;
        }

        public Builder setBufferSize(int bufferSize) {
            this.bufferSize = text(bufferSize);
            return this;
        }

        public Builder setQueueFullPolicy(QueueFullPolicy queueFullPolicy) {
            this.queueFullPolicy = text(queueFullPolicy);
            return this;
        }

        public Builder setMaxMessageBytes(int maxMessageBytes) {
            this.maxMessageBytes = text(maxMessageBytes);
            return this;
        }

        public Builder setShutdownTimeoutMillis(long shutdownTimeoutMillis) {
            this.shutdownTimeoutMillis = text(shutdownTimeoutMillis);
            return this;
        }

        public Builder setDataFile(String dataFile) {
            this.dataFile = dataFile;
            return this;
        }

        public Builder setThread(boolean thread) {
            this.thread = text(thread);
            return this;
        }

        public Builder setEventHeaderProvider(String eventHeaderProvider) {
            this.eventHeaderProvider = eventHeaderProvider;
            return this;
        }

        public Builder setPreregister(String preregister) {
            this.preregister = preregister;
            return this;
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }

        /** The core settings from this builder's attributes: each forwarded by its name, problems to Log4j's status. */
        UserEventsConfig.Builder settings() {
            UserEventsConfig.Builder settings = UserEventsConfig.builder();
            for (Field field : Builder.class.getDeclaredFields()) {
                if (field.isAnnotationPresent(PluginBuilderAttribute.class)) {
                    settings.set(
                            field.getName(),
                            attribute(field),
                            problem -> LOGGER.error("UserEvents appender '{}': {}", getName(), problem));
                }
            }
            return settings;
        }

        private String attribute(Field field) {
            try {
                return (String) field.get(this);
            } catch (IllegalAccessException e) { // this class reads its own fields
                throw new IllegalStateException(e);
            }
        }

        @Override
        public UserEventsAppender build() {
            UserEventsManager manager = UserEventsManager.get(settings());
            return new UserEventsAppender(
                    getName(), getFilter(), getLayout(), isIgnoreExceptions(), getPropertyArray(), manager);
        }
    }

    /** Says once, in Log4j's status (WARN), why this appender writes nothing; the other appenders go on as configured. */
    @Override
    public void start() {
        super.start();
        if (manager.firstToReportIdle()) {
            LOGGER.warn(
                    "UserEvents appender '{}' is idle: user_events is unavailable: {} Log4j's other appenders are "
                            + "unaffected. Check this host with 'userevents doctor'.",
                    getName(),
                    manager.unavailableReason());
        }
    }

    @Override
    public void append(LogEvent event) {
        manager.log(event, reader);
    }

    /** The core's settings as this appender's attributes made them. */
    UserEventsConfig config() {
        return manager.config();
    }

    /** The EventHeader provider as configured ({@code eventHeaderProvider}), or null. */
    public String eventHeaderProvider() {
        return manager.eventHeaderProvider();
    }

    /** Whether events can reach the kernel (false: no user_events here; the one diagnostic says why). */
    public boolean isAvailable() {
        return manager.isAvailable();
    }

    /** The core counters behind this appender: written, dropped, disabled-race, errors. */
    public dev.userevents.Counters counters() {
        return manager.counters();
    }

    @Override
    public boolean stop(long timeout, TimeUnit timeUnit) {
        setStopping();
        boolean stopped = super.stop(timeout, timeUnit, false);
        stopped &= manager.stop(timeout, timeUnit); // the last user flushes and unregisters
        setStopped();
        return stopped;
    }
}
