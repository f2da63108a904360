package dev.userevents.jul;

import dev.userevents.SettingText;
import dev.userevents.UserEventsConfig;
import dev.userevents.spi.Diagnostics;
import java.util.function.Function;
import java.util.logging.LogManager;

/**
 * The settings of JUL's own core (when it does not share the SLF4J provider's) and of the bridge: each key from a
 * system property, else JUL's configuration ({@code logging.properties}). The core's settings go by their
 * {@code userevents.*} property as text to the core's binder; the bridge's own are the {@link Own} table. A value
 * that does not parse keeps its default, with one diagnostic naming the key.
 */
final class JulSettings {
    /** The bridge's own settings, beside the core's; the README's JUL table lists exactly these (a test checks). */
    enum Own {
        GATE(
                "userevents.jul.gate",
                "check",
                "`check`: `isLoggable` is JUL's check, then one read of the logger's "
                        + "enable word; `levels`: JUL's own `isLoggable`, with levels set from the enable words by a poller"),
        POLL_MILLIS(
                "userevents.jul.pollMillis",
                "10",
                "with `userevents.jul.gate=levels`, how often the poller reads " + "the enable words (at least 1)");

        final String key;
        final String defaultText;
        final String documentation;

        Own(String key, String defaultText, String documentation) {
            this.key = key;
            this.defaultText = defaultText;
            this.documentation = documentation;
        }
    }

    private JulSettings() {}

    /** A system property, else JUL's configuration; null when neither has the key. */
    static String lookup(String key) {
        String value = System.getProperty(key);
        return value != null ? value : LogManager.getLogManager().getProperty(key);
    }

    static UserEventsConfig load() {
        return from(JulSettings::lookup);
    }

    /** The config from a lookup of each key (null: not set). */
    static UserEventsConfig from(Function<String, String> settings) {
        return UserEventsConfig.builder().setAll(settings).build();
    }

    /** Whether {@code userevents.jul.gate=levels} (else {@code check}, the default). */
    static boolean levelGate(Function<String, String> settings) {
        return parse(settings, Own.GATE, text -> {
            if (text.equalsIgnoreCase("levels") || text.equalsIgnoreCase("check")) {
                return text.equalsIgnoreCase("levels");
            }
            throw new IllegalArgumentException("is not check or levels");
        });
    }

    /** {@code userevents.jul.pollMillis}, at least 1. */
    static long pollMillis(Function<String, String> settings) {
        return Math.max(1, parse(settings, Own.POLL_MILLIS, SettingText::longInteger));
    }

    /** {@code setting}'s value parsed; a value that does not parse is reported once and its default parsed instead. */
    private static <T> T parse(Function<String, String> settings, Own setting, Function<String, T> parser) {
        String value = settings.apply(setting.key);
        String text = value == null || value.isBlank() ? setting.defaultText : value.trim();
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            Diagnostics.reportOnce(
                    "jul:" + setting.key, SettingText.problem(setting.key, value, e.getMessage(), setting.defaultText));
            return parser.apply(setting.defaultText);
        }
    }
}
