package dev.userevents;

import dev.userevents.kernel.DataFileLocator;
import dev.userevents.kernel.EventNames;
import java.nio.file.Path;

/** Settings of one {@link UserEvents} instance. Immutable; build with {@link #builder()}. */
public final class UserEventsConfig {
    private final String prefix;
    private final int maxMessageBytes;
    private final Path dataFile;
    private final Mode mode;
    private final int bufferSize;
    private final QueueFullPolicy queueFullPolicy;
    private final long shutdownTimeoutMillis;
    private final boolean shutdownHook;
    private final long dropReportIntervalMillis;
    private final boolean callerThread;
    private final java.util.List<String> preregisterPackages;
    private final String eventHeaderProvider;

    private UserEventsConfig(Builder builder) {
        this.mode = builder.mode;
        this.bufferSize = EventRing.capacityFor(builder.bufferSize);
        this.queueFullPolicy = builder.queueFullPolicy;
        this.shutdownTimeoutMillis = Math.max(0, builder.shutdownTimeoutMillis);
        this.shutdownHook = builder.shutdownHook;
        this.dropReportIntervalMillis = Math.max(1, builder.dropReportIntervalMillis);
        this.prefix = EventNames.sanitizePrefix(builder.prefix);
        this.maxMessageBytes = EventEncoder.clampMaxMessageBytes(builder.maxMessageBytes);
        this.dataFile = builder.dataFile;
        this.callerThread = builder.callerThread;
        this.preregisterPackages = java.util.List.copyOf(builder.preregisterPackages);
        this.eventHeaderProvider = builder.eventHeaderProvider;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static UserEventsConfig defaults() {
        return builder().build();
    }

    /** Prepended to every event name (sanitized, at most {@value EventNames#MAX_PREFIX_LENGTH} characters). */
    public String prefix() {
        return prefix;
    }

    /** Bound of a message's UTF-8 bytes; longer messages are truncated with a marker. */
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** The user_events_data path, or null to locate it ({@link DataFileLocator}). */
    public Path dataFile() {
        return dataFile;
    }

    /** ASYNC (default): a background writer; SYNC: write on the caller's thread. */
    public Mode mode() {
        return mode;
    }

    /** Ring slots in async mode, a power of two (rounded up; at most 2^20). */
    public int bufferSize() {
        return bufferSize;
    }

    public QueueFullPolicy queueFullPolicy() {
        return queueFullPolicy;
    }

    /** How long close() may take to deliver queued events. */
    public long shutdownTimeoutMillis() {
        return shutdownTimeoutMillis;
    }

    /** Whether a JVM shutdown hook closes the instance (flushing the ring, unregistering). */
    public boolean shutdownHook() {
        return shutdownHook;
    }

    /** How often the number of dropped events is reported, when it grew. */
    public long dropReportIntervalMillis() {
        return dropReportIntervalMillis;
    }

    /** Whether each message starts with {@code [thread-name#id] } of the thread that logged it. */
    public boolean callerThread() {
        return callerThread;
    }

    /** Packages whose classes get a logger registered at open, so their events exist before first use. */
    public java.util.List<String> preregisterPackages() {
        return preregisterPackages;
    }

    /**
     * The EventHeader provider name ({@code <name>_L1K1..L5K1} tracepoints, OpenTelemetry's log layout), or null for
     * none (the default). Validated at open: a bad name gets one diagnostic and no provider stream.
     */
    public String eventHeaderProvider() {
        return eventHeaderProvider;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof UserEventsConfig)) {
            return false;
        }
        UserEventsConfig that = (UserEventsConfig) other;
        return prefix.equals(that.prefix) && maxMessageBytes == that.maxMessageBytes
                && java.util.Objects.equals(dataFile, that.dataFile) && mode == that.mode && bufferSize == that.bufferSize
                && queueFullPolicy == that.queueFullPolicy && shutdownTimeoutMillis == that.shutdownTimeoutMillis
                && shutdownHook == that.shutdownHook && dropReportIntervalMillis == that.dropReportIntervalMillis
                && callerThread == that.callerThread && preregisterPackages.equals(that.preregisterPackages)
                && java.util.Objects.equals(eventHeaderProvider, that.eventHeaderProvider);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(prefix, maxMessageBytes, dataFile, mode, bufferSize, queueFullPolicy,
                shutdownTimeoutMillis, shutdownHook, dropReportIntervalMillis, callerThread, preregisterPackages,
                eventHeaderProvider);
    }

    /** Every setting: front ends key shared instances by it (Log4j's manager name). */
    @Override
    public String toString() {
        return "UserEventsConfig[prefix=" + prefix + ", mode=" + mode + ", bufferSize=" + bufferSize
                + ", queueFullPolicy=" + queueFullPolicy + ", maxMessageBytes=" + maxMessageBytes
                + ", shutdownTimeoutMillis=" + shutdownTimeoutMillis + ", shutdownHook=" + shutdownHook
                + ", dropReportIntervalMillis=" + dropReportIntervalMillis
                + ", dataFile=" + dataFile + ", callerThread=" + callerThread
                + ", preregisterPackages=" + preregisterPackages + ", eventHeaderProvider=" + eventHeaderProvider + "]";
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
        private java.util.List<String> preregisterPackages = java.util.List.of();
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
        public Builder preregisterPackages(java.util.List<String> packages) {
            this.preregisterPackages = packages == null ? java.util.List.of() : packages;
            return this;
        }

        /** {@link #preregisterPackages(java.util.List)} from the settings' form: comma-separated, blanks ignored. */
        public Builder preregisterPackages(String commaSeparated) {
            return preregisterPackages(commaSeparated == null ? java.util.List.of() : java.util.Arrays.stream(commaSeparated.split(","))
                    .map(String::trim).filter(p -> !p.isEmpty()).collect(java.util.stream.Collectors.toList()));
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

        public UserEventsConfig build() {
            return new UserEventsConfig(this);
        }
    }
}
