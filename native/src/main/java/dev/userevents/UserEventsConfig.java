package dev.userevents;

import dev.userevents.kernel.DataFileLocator;
import dev.userevents.kernel.EventNames;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Settings of one {@link UserEvents} instance. Immutable; build with {@link #builder()}, or by name with
 * {@link Builder#set(String, String)} (the names and their documentation: {@link Setting}). The canonical
 * constructor normalizes as the builder does, so equal settings give equal configurations: front ends share one core
 * per equal configuration ({@link SharedUserEvents} by {@code equals}, Log4j's manager by the {@code toString} name).
 *
 * @param prefix prepended to every event name (sanitized, at most {@value EventNames#MAX_PREFIX_LENGTH} characters)
 * @param maxMessageBytes bound of a message's UTF-8 bytes; longer messages are truncated with a marker
 * @param dataFile the user_events_data path, or null to locate it ({@link DataFileLocator})
 * @param mode ASYNC (default): a background writer; SYNC: write on the caller's thread
 * @param bufferSize ring slots in async mode, a power of two (rounded up; at most 2^20)
 * @param queueFullPolicy what a caller does when the ring is full
 * @param shutdownTimeoutMillis how long close() may take to deliver queued events
 * @param shutdownHook whether a JVM shutdown hook closes the instance (flushing the ring, unregistering)
 * @param dropReportIntervalMillis how often the number of dropped events is reported, when it grew
 * @param callerThread whether each message starts with {@code [thread-name#id] } of the thread that logged it
 * @param preregisterPackages packages whose classes get a logger registered at open, so their events exist before
 *        first use
 * @param eventHeaderProvider the EventHeader provider name ({@code <name>_L1K1..L5K1} tracepoints, OpenTelemetry's
 *        log layout), or null for none (the default); validated at open: a bad name gets one diagnostic and no
 *        provider stream
 */
public record UserEventsConfig(
        String prefix,
        int maxMessageBytes,
        Path dataFile,
        Mode mode,
        int bufferSize,
        QueueFullPolicy queueFullPolicy,
        long shutdownTimeoutMillis,
        boolean shutdownHook,
        long dropReportIntervalMillis,
        boolean callerThread,
        List<String> preregisterPackages,
        String eventHeaderProvider) {
    /** Normalizes (each step is idempotent, so a configuration rebuilt from its own values is equal to it). */
    public UserEventsConfig {
        prefix = EventNames.sanitizePrefix(prefix);
        maxMessageBytes = EventEncoder.clampMaxMessageBytes(maxMessageBytes);
        mode = mode == null ? Builder.DEFAULT_MODE : mode;
        bufferSize = EventRing.capacityFor(bufferSize);
        queueFullPolicy = queueFullPolicy == null ? Builder.DEFAULT_QUEUE_FULL_POLICY : queueFullPolicy;
        shutdownTimeoutMillis = Math.max(0, shutdownTimeoutMillis);
        dropReportIntervalMillis = Math.max(1, dropReportIntervalMillis);
        preregisterPackages = preregisterPackages == null ? List.of() : List.copyOf(preregisterPackages);
        eventHeaderProvider = eventHeaderProvider == null || eventHeaderProvider.isEmpty() ? null : eventHeaderProvider;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static UserEventsConfig defaults() {
        return builder().build();
    }

    public static final class Builder {
        // The defaults, in this one place: front ends' builders and settings start from these.
        public static final Mode DEFAULT_MODE = Mode.ASYNC;
        public static final QueueFullPolicy DEFAULT_QUEUE_FULL_POLICY = QueueFullPolicy.BLOCK;
        public static final int DEFAULT_MAX_MESSAGE_BYTES = EventEncoder.DEFAULT_MAX_MESSAGE_BYTES;
        public static final int DEFAULT_BUFFER_SIZE = 1024;
        public static final long DEFAULT_SHUTDOWN_TIMEOUT_MILLIS = 5000;
        public static final long DEFAULT_DROP_REPORT_INTERVAL_MILLIS = 10_000;

        private Mode mode = DEFAULT_MODE;
        private int bufferSize = DEFAULT_BUFFER_SIZE;
        private QueueFullPolicy queueFullPolicy = DEFAULT_QUEUE_FULL_POLICY;
        private long shutdownTimeoutMillis = DEFAULT_SHUTDOWN_TIMEOUT_MILLIS;
        private boolean shutdownHook = true;
        private long dropReportIntervalMillis = DEFAULT_DROP_REPORT_INTERVAL_MILLIS;
        private String prefix = "";
        private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
        private Path dataFile;
        private boolean callerThread;
        private List<String> preregisterPackages = List.of();
        private String eventHeaderProvider;

        private Builder() {}

        /**
         * Also write every enabled event as EventHeader to the provider {@code name}'s tracepoints (default none:
         * null or empty). Names: ASCII letters, digits and '_', at most 233 characters.
         */
        public Builder eventHeaderProvider(String name) {
            this.eventHeaderProvider = name == null || name.isEmpty() ? null : name;
            return this;
        }

        /** Start each message with {@code [thread-name#id] } of the logging thread (default false). */
        public Builder callerThread(boolean callerThread) {
            this.callerThread = callerThread;
            return this;
        }

        /**
         * Register a logger named after every class of these packages (and their subpackages) found on the
         * class path when the instance opens (default none). See {@link Preregistration}.
         */
        public Builder preregisterPackages(List<String> packages) {
            this.preregisterPackages = packages == null ? List.of() : packages;
            return this;
        }

        /** {@link #preregisterPackages(List)} from the settings' form: comma-separated, blanks ignored. */
        public Builder preregisterPackages(String commaSeparated) {
            return preregisterPackages(
                    commaSeparated == null
                            ? List.of()
                            : Arrays.stream(commaSeparated.split(","))
                                    .map(String::trim)
                                    .filter(p -> !p.isEmpty())
                                    .collect(Collectors.toList()));
        }

        public Builder prefix(String prefix) {
            this.prefix = prefix == null ? "" : prefix;
            return this;
        }

        /** Clamped to [{@value EventEncoder#MIN_MAX_MESSAGE_BYTES}, {@value EventEncoder#MAX_MAX_MESSAGE_BYTES}]. */
        public Builder maxMessageBytes(int maxMessageBytes) {
            this.maxMessageBytes = maxMessageBytes;
            return this;
        }

        /** Write to this file instead of the located user_events_data (tests, benchmarks, containers). */
        public Builder dataFile(Path dataFile) {
            this.dataFile = dataFile;
            return this;
        }

        public Builder mode(Mode mode) {
            this.mode = mode == null ? DEFAULT_MODE : mode;
            return this;
        }

        public Builder bufferSize(int bufferSize) {
            this.bufferSize = bufferSize;
            return this;
        }

        public Builder queueFullPolicy(QueueFullPolicy queueFullPolicy) {
            this.queueFullPolicy = queueFullPolicy == null ? DEFAULT_QUEUE_FULL_POLICY : queueFullPolicy;
            return this;
        }

        public Builder shutdownTimeoutMillis(long shutdownTimeoutMillis) {
            this.shutdownTimeoutMillis = shutdownTimeoutMillis;
            return this;
        }

        public Builder shutdownHook(boolean shutdownHook) {
            this.shutdownHook = shutdownHook;
            return this;
        }

        public Builder dropReportIntervalMillis(long dropReportIntervalMillis) {
            this.dropReportIntervalMillis = dropReportIntervalMillis;
            return this;
        }

        /**
         * Sets the {@link Setting} called {@code name} (its {@link Setting#settingName()}, as the README lists it) from
         * its text, as front ends read it from their configuration: surrounding blanks are ignored, null leaves the
         * setting as it is, a blank value means its default. A value that does not parse, or an unknown name, is
         * reported once in the library's diagnostics, naming the setting and the value, and the default is used.
         */
        public Builder set(String name, String value) {
            return set(name, value, Setting::reportOnce);
        }

        /** {@link #set(String, String)}, with problems told to {@code problems} (Log4j's status, Logback's). */
        public Builder set(String name, String value, Consumer<String> problems) {
            Setting setting = Setting.named(name);
            if (setting == null) {
                problems.accept(
                        "unknown setting " + name + "=" + value + " (ignored); the settings are " + Setting.names());
            } else {
                setting.bind(this, name, value, problems);
            }
            return this;
        }

        /**
         * Sets every {@link Setting} whose {@link Setting#property()} (for example {@code userevents.bufferSize})
         * {@code properties} knows (null: not set), as {@link #set(String, String)} does; problems name the property.
         */
        public Builder setAll(Function<String, String> properties) {
            for (Setting setting : Setting.values()) {
                setting.bind(this, setting.property(), properties.apply(setting.property()), Setting::reportOnce);
            }
            return this;
        }

        public UserEventsConfig build() {
            return new UserEventsConfig(
                    prefix,
                    maxMessageBytes,
                    dataFile,
                    mode,
                    bufferSize,
                    queueFullPolicy,
                    shutdownTimeoutMillis,
                    shutdownHook,
                    dropReportIntervalMillis,
                    callerThread,
                    preregisterPackages,
                    eventHeaderProvider);
        }
    }
}
