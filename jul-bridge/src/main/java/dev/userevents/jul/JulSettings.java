package dev.userevents.jul;

import dev.userevents.Mode;
import dev.userevents.QueueFullPolicy;
import dev.userevents.UserEventsConfig;
import dev.userevents.spi.Diagnostics;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.function.Function;
import java.util.logging.LogManager;

/**
 * The settings of JUL's own core (when it does not share the SLF4J provider's): the SLF4J provider's
 * {@code userevents.*} keys, from a system property or else JUL's configuration ({@code logging.properties}). The
 * defaults are the core's ({@link UserEventsConfig.Builder}); a value that does not parse keeps its default, with
 * one diagnostic naming the key. Until the core binds settings by name itself, this is the one place JUL maps them.
 */
final class JulSettings {
    private JulSettings() {}

    static UserEventsConfig load() {
        return from(key -> {
            String value = System.getProperty(key);
            return value != null ? value : LogManager.getLogManager().getProperty(key);
        });
    }

    /** The config from a lookup of each key (null: not set). */
    static UserEventsConfig from(Function<String, String> settings) {
        UserEventsConfig.Builder builder = UserEventsConfig.builder();
        String prefix = settings.apply("userevents.prefix");
        if (prefix != null) {
            builder.prefix(prefix.trim());
        }
        String mode = settings.apply("userevents.mode");
        if (mode != null) {
            builder.mode(parse(Mode.class, "userevents.mode", mode));
        }
        String policy = settings.apply("userevents.queueFullPolicy");
        if (policy != null) {
            builder.queueFullPolicy(parse(QueueFullPolicy.class, "userevents.queueFullPolicy", policy));
        }
        Integer bufferSize = parseInt(settings, "userevents.bufferSize");
        if (bufferSize != null) {
            builder.bufferSize(bufferSize);
        }
        Integer maxMessageBytes = parseInt(settings, "userevents.maxMessageBytes");
        if (maxMessageBytes != null) {
            builder.maxMessageBytes(maxMessageBytes);
        }
        String dataFile = settings.apply("userevents.dataFile");
        if (dataFile != null && !dataFile.isBlank()) {
            builder.dataFile(Paths.get(dataFile.trim()));
        }
        String thread = settings.apply("userevents.thread");
        if (thread != null) {
            builder.callerThread(Boolean.parseBoolean(thread.trim()));
        }
        builder.preregisterPackages(settings.apply("userevents.preregister"));
        String provider = settings.apply("userevents.eventheader.provider");
        if (provider != null) {
            builder.eventHeaderProvider(provider.trim());
        }
        return builder.build();
    }

    /** Null (the builder's default) when the value is not one of the constants. */
    private static <E extends Enum<E>> E parse(Class<E> type, String key, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            Diagnostics.reportOnce("jul:" + key, key + "=" + value + " is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + "; using the default");
            return null;
        }
    }

    private static Integer parseInt(Function<String, String> settings, String key) {
        String value = settings.apply(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            Diagnostics.reportOnce("jul:" + key, key + "=" + value + " is not an integer; using the default");
            return null;
        }
    }
}
