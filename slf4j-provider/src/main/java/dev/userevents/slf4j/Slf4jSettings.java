package dev.userevents.slf4j;

import dev.userevents.Level;
import dev.userevents.Setting;
import dev.userevents.SettingText;
import dev.userevents.UserEventsConfig;
import dev.userevents.spi.Diagnostics;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.function.Function;

/**
 * The provider's settings: {@code userevents.properties} on the classpath, overridden by system properties. The core's
 * settings ({@link Setting}, by their {@code userevents.*} property) go as text to the core's binder; the provider's
 * own are the {@link Own} table. A value that does not parse keeps its default, with one diagnostic naming the key.
 */
final class Slf4jSettings {
    static final String RESOURCE = "userevents.properties";

    /** The provider's own settings, beside the core's; the README's SLF4J table lists exactly these (a test checks). */
    enum Own {
        MDC("userevents.mdc", "false", "append MDC entries as ` key=value`"),
        FALLBACK(
                "userevents.fallback",
                "stderr",
                "while user_events is unavailable, `stderr` prints `fallbackLevel` "
                        + "and more severe lines to stderr (as slf4j-simple would); `none` drops them"),
        FALLBACK_LEVEL("userevents.fallbackLevel", "INFO", "level (and more severe) printed by the fallback"),
        CONSOLE(
                "userevents.console",
                "off",
                "a level (`INFO`, `WARN`, ...): print it and more severe levels to "
                        + "stderr, one line each, whatever tracing does");

        final String key;
        final String defaultText;
        final String documentation;

        Own(String key, String defaultText, String documentation) {
            this.key = key;
            this.defaultText = defaultText;
            this.documentation = documentation;
        }

        /** The trimmed value, or the default when unset or blank. */
        String in(Function<String, String> properties) {
            String value = properties.apply(key);
            return value == null || value.isBlank() ? defaultText : value.trim();
        }
    }

    static final String FALLBACK = Own.FALLBACK.key;
    static final String CONSOLE = Own.CONSOLE.key;

    final UserEventsConfig coreConfig;
    final boolean includeMdc;
    /**
     * Level at and above which loggers print to stderr when user_events is unavailable (INFO by default, as
     * slf4j-simple prints); null: no fallback ({@code userevents.fallback=none}).
     */
    final Level fallbackLevel;
    /** Level at and above which loggers print to stderr whatever tracing does; null: no console (default). */
    final Level consoleLevel;

    private Slf4jSettings(Function<String, String> properties) {
        this.coreConfig = UserEventsConfig.builder().setAll(properties).build();
        this.includeMdc = parse(properties, Own.MDC, SettingText::bool);
        // stderr by default: where user_events is missing, an application that swapped its SLF4J backend for this
        // one must not lose its lines without being asked.
        boolean fallback = parse(properties, Own.FALLBACK, text -> {
            if (text.equalsIgnoreCase("none") || text.equalsIgnoreCase("stderr")) {
                return text.equalsIgnoreCase("stderr");
            }
            throw new IllegalArgumentException("is not none|stderr");
        });
        this.fallbackLevel =
                fallback ? parse(properties, Own.FALLBACK_LEVEL, text -> SettingText.oneOf(Level.class, text)) : null;
        this.consoleLevel = parse(
                properties,
                Own.CONSOLE,
                text -> text.equalsIgnoreCase("off") ? null : SettingText.oneOf(Level.class, text));
    }

    /** {@code setting}'s value parsed; a value that does not parse is reported once and its default parsed instead. */
    private static <T> T parse(Function<String, String> properties, Own setting, Function<String, T> parser) {
        String text = setting.in(properties);
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            Diagnostics.reportOnce(
                    "slf4j:" + setting.key,
                    SettingText.problem(
                            setting.key, properties.apply(setting.key), e.getMessage(), setting.defaultText));
            return parser.apply(setting.defaultText);
        }
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
        return from(merged);
    }

    static Slf4jSettings from(Properties properties) {
        return new Slf4jSettings(properties::getProperty);
    }
}
