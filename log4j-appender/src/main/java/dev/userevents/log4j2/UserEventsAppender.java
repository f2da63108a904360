package dev.userevents.log4j2;

import dev.userevents.Mode;
import dev.userevents.QueueFullPolicy;
import dev.userevents.UserEventsConfig;

import java.io.Serializable;
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

    private UserEventsAppender(String name, Filter filter, Layout<? extends Serializable> layout, boolean ignoreExceptions,
                               Property[] properties, UserEventsManager manager) {
        super(name, filter, layout, ignoreExceptions, properties);
        this.manager = manager;
        this.reader = new Log4jEventReader(layout);
    }

    @PluginBuilderFactory
    public static Builder newBuilder() {
        return new Builder();
    }

    /** Builder with the appender's attributes; the nested Layout is optional. */
    public static final class Builder extends AbstractAppender.Builder<Builder>
            implements org.apache.logging.log4j.core.util.Builder<UserEventsAppender> {
        @PluginBuilderAttribute
        private String prefix = "";
        @PluginBuilderAttribute
        private Mode mode = UserEventsConfig.Builder.DEFAULT_MODE;
        @PluginBuilderAttribute
        private int bufferSize = UserEventsConfig.Builder.DEFAULT_BUFFER_SIZE;
        @PluginBuilderAttribute
        private QueueFullPolicy queueFullPolicy = UserEventsConfig.Builder.DEFAULT_QUEUE_FULL_POLICY;
        @PluginBuilderAttribute
        private int maxMessageBytes = UserEventsConfig.Builder.DEFAULT_MAX_MESSAGE_BYTES;
        @PluginBuilderAttribute
        private long shutdownTimeoutMillis = UserEventsConfig.Builder.DEFAULT_SHUTDOWN_TIMEOUT_MILLIS;
        /** {@code thread="true"}: each message starts with {@code [thread-name#id] } of the logging thread. */
        @PluginBuilderAttribute
        private boolean thread;
        /** Comma-separated packages whose classes get their events registered at start-up. */
        @PluginBuilderAttribute
        private String preregister = "";
        /**
         * {@code eventHeaderProvider="MyApp"}: also write each event as EventHeader to {@code MyApp_L1K1..L5K1}
         * (OpenTelemetry's log layout, for collectors); default none.
         */
        @PluginBuilderAttribute
        private String eventHeaderProvider;

        public Builder setPrefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        public Builder setMode(Mode mode) {
            this.mode = mode;
            return this;
        }

        public Builder setBufferSize(int bufferSize) {
            this.bufferSize = bufferSize;
            return this;
        }

        public Builder setQueueFullPolicy(QueueFullPolicy queueFullPolicy) {
            this.queueFullPolicy = queueFullPolicy;
            return this;
        }

        public Builder setMaxMessageBytes(int maxMessageBytes) {
            this.maxMessageBytes = maxMessageBytes;
            return this;
        }

        public Builder setShutdownTimeoutMillis(long shutdownTimeoutMillis) {
            this.shutdownTimeoutMillis = shutdownTimeoutMillis;
            return this;
        }

        public Builder setThread(boolean thread) {
            this.thread = thread;
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

        @Override
        public UserEventsAppender build() {
            UserEventsManager manager = UserEventsManager.get(UserEventsConfig.builder().prefix(prefix).mode(mode)
                    .bufferSize(bufferSize).queueFullPolicy(queueFullPolicy).maxMessageBytes(maxMessageBytes)
                    .shutdownTimeoutMillis(shutdownTimeoutMillis).callerThread(thread)
                    .preregisterPackages(preregister).eventHeaderProvider(eventHeaderProvider));
            return new UserEventsAppender(getName(), getFilter(), getLayout(), isIgnoreExceptions(),
                    getPropertyArray(), manager);
        }
    }

    /** Says once, in Log4j's status (WARN), why this appender writes nothing; the other appenders go on as configured. */
    @Override
    public void start() {
        super.start();
        if (manager.firstToReportIdle()) {
            LOGGER.warn("UserEvents appender '{}' is idle: user_events is unavailable: {} Log4j's other appenders are "
                    + "unaffected. Check this host with 'userevents doctor'.", getName(), manager.unavailableReason());
        }
    }

    @Override
    public void append(LogEvent event) {
        manager.log(event, reader);
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
