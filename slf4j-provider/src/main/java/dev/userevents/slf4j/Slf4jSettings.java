package dev.userevents.slf4j;

import dev.userevents.spi.Diagnostics;
import dev.userevents.Level;
import dev.userevents.Mode;
import dev.userevents.QueueFullPolicy;
import dev.userevents.UserEventsConfig;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;

/**
 * The provider's settings: {@code userevents.properties} on the classpath, overridden by system properties.
 * A value that does not parse keeps its default, with one diagnostic naming the key.
 */
final class Slf4jSettings {
    static final String RESOURCE = "userevents.properties";
    static final String PREFIX = "userevents.prefix";
    static final String MODE = "userevents.mode";
    static final String BUFFER_SIZE = "userevents.bufferSize";
    static final String QUEUE_FULL_POLICY = "userevents.queueFullPolicy";
    static final String MAX_MESSAGE_BYTES = "userevents.maxMessageBytes";
    static final String MDC = "userevents.mdc";
    static final String FALLBACK = "userevents.fallback";
    static final String FALLBACK_LEVEL = "userevents.fallbackLevel";
    static final String CONSOLE = "userevents.console";
    static final String THREAD = "userevents.thread";
    static final String PREREGISTER = "userevents.preregister";
    static final String EVENTHEADER_PROVIDER = "userevents.eventheader.provider";
    /** Path of user_events_data when it is not where tracefs puts it (a container's bind mount). */
    static final String DATA_FILE = "userevents.dataFile";

    final UserEventsConfig coreConfig;
    final boolean includeMdc;
    /**
     * Level at and above which loggers print to stderr when user_events is unavailable (INFO by default, as
     * slf4j-simple prints); null: no fallback ({@code userevents.fallback=none}).
     */
    final Level fallbackLevel;
    /** Level at and above which loggers print to stderr whatever tracing does; null: no console (default). */
    final Level consoleLevel;

    private Slf4jSettings(Properties properties) {
        UserEventsConfig.Builder builder = UserEventsConfig.builder()
                .prefix(properties.getProperty(PREFIX, ""))
                .mode(parseEnum(properties, MODE, Mode.class, UserEventsConfig.Builder.DEFAULT_MODE))
                .queueFullPolicy(parseEnum(properties, QUEUE_FULL_POLICY, QueueFullPolicy.class,
                        UserEventsConfig.Builder.DEFAULT_QUEUE_FULL_POLICY));
        String dataFile = properties.getProperty(DATA_FILE);
        if (dataFile != null && !dataFile.isBlank()) {
            builder.dataFile(java.nio.file.Paths.get(dataFile.trim()));
        }
        builder.callerThread(Boolean.parseBoolean(properties.getProperty(THREAD, "false").trim()));
        builder.preregisterPackages(properties.getProperty(PREREGISTER, ""));
        builder.eventHeaderProvider(properties.getProperty(EVENTHEADER_PROVIDER, "").trim());
        Integer bufferSize = parseInt(properties, BUFFER_SIZE);
        if (bufferSize != null) {
            builder.bufferSize(bufferSize);
        }
        Integer maxMessageBytes = parseInt(properties, MAX_MESSAGE_BYTES);
        if (maxMessageBytes != null) {
            builder.maxMessageBytes(maxMessageBytes);
        }
        this.coreConfig = builder.build();
        this.includeMdc = Boolean.parseBoolean(properties.getProperty(MDC, "false").trim());
        // stderr by default: where user_events is missing, an application that swapped its SLF4J backend for this
        // one must not lose its lines without being asked.
        String fallback = properties.getProperty(FALLBACK, "stderr").trim().toLowerCase(Locale.ROOT);
        if (!fallback.equals("none") && !fallback.equals("stderr")) {
            Diagnostics.reportOnce("slf4j:" + FALLBACK, FALLBACK + "=" + fallback + " is not none|stderr; using stderr");
            fallback = "stderr";
        }
        String console = properties.getProperty(CONSOLE, "off").trim();
        this.consoleLevel = console.isEmpty() || console.equalsIgnoreCase("off") ? null
                : parseEnum(properties, CONSOLE, Level.class, Level.INFO);
        this.fallbackLevel = fallback.equals("stderr") ? parseEnum(properties, FALLBACK_LEVEL, Level.class, Level.INFO) : null;
    }

    static Slf4jSettings load() {
        Properties merged = new Properties();
        ClassLoader loader = Slf4jSettings.class.getClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                merged.load(in);
            }
        } catch (IOException | IllegalArgumentException e) {
            Diagnostics.reportOnce("slf4j:resource", "cannot read " + RESOURCE + ": " + e);
        }
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("userevents.")) {
                merged.setProperty(key, System.getProperty(key));
            }
        }
        return new Slf4jSettings(merged);
    }

    static Slf4jSettings from(Properties properties) {
        return new Slf4jSettings(properties);
    }

    private static <E extends Enum<E>> E parseEnum(Properties properties, String key, Class<E> type, E defaultValue) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            Diagnostics.reportOnce("slf4j:" + key, key + "=" + value + " is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + "; using " + defaultValue);
            return defaultValue;
        }
    }

    private static Integer parseInt(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            Diagnostics.reportOnce("slf4j:" + key, key + "=" + value + " is not an integer; using the default");
            return null;
        }
    }
}
