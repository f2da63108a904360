package dev.userevents;

import java.nio.file.Path;

/** Settings of one {@link UserEvents} instance. Immutable; build with {@link #builder()}. */
public final class UserEventsConfig {
    private final String prefix;
    private final int maxMessageBytes;
    private final Path dataFile;

    private UserEventsConfig(Builder builder) {
        this.prefix = EventNames.sanitizePrefix(builder.prefix);
        this.maxMessageBytes = EventEncoder.clampMaxMessageBytes(builder.maxMessageBytes);
        this.dataFile = builder.dataFile;
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

    public static final class Builder {
        private String prefix = "";
        private int maxMessageBytes = EventEncoder.DEFAULT_MAX_MESSAGE_BYTES;
        private Path dataFile;

        private Builder() {}

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

        public UserEventsConfig build() {
            return new UserEventsConfig(this);
        }
    }
}
