package dev.userevents.slf4j;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.Level;
import dev.userevents.Setting;
import dev.userevents.UserEventsConfig;
import dev.userevents.spi.CapturedDiagnostics;
import dev.userevents.testing.SettingSamples;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every core setting is a {@code userevents.*} property of the provider; its own settings are one table. */
class Slf4jSettingsTest {
    @RegisterExtension
    final CapturedDiagnostics diagnostics = new CapturedDiagnostics();

    @Test
    void everyCoreSettingIsReadFromItsProperty() {
        for (Map.Entry<String, String> sample : SettingSamples.good().entrySet()) {
            Properties properties = new Properties();
            properties.setProperty(Setting.named(sample.getKey()).property(), sample.getValue());
            UserEventsConfig read = Slf4jSettings.from(properties).coreConfig;
            assertEquals(
                    UserEventsConfig.builder()
                            .set(sample.getKey(), sample.getValue())
                            .build(),
                    read,
                    sample.getKey());
            assertNotEquals(UserEventsConfig.defaults(), read, sample.getKey());
        }
        assertEquals(List.of(), diagnostics.lines());
    }

    @Test
    void aBadValueIsOneDiagnosticNamingThePropertyAndTheDefaultIsUsed() {
        for (Map.Entry<String, String> bad : SettingSamples.bad().entrySet()) {
            diagnostics.forgetReported();
            Properties properties = new Properties();
            String key = Setting.named(bad.getKey()).property();
            properties.setProperty(key, bad.getValue());
            assertEquals(UserEventsConfig.defaults(), Slf4jSettings.from(properties).coreConfig, key);
        }
        List<String> lines = diagnostics.lines();
        assertEquals(SettingSamples.bad().size(), lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("[userevents] userevents.mode=loud is not one of"), lines.get(0));
    }

    @Test
    void theProvidersOwnSettingsKeepTheirDefaultsOnBadValues() {
        Properties properties = new Properties();
        properties.setProperty("userevents.mdc", "yes");
        properties.setProperty("userevents.console", "loud");
        properties.setProperty("userevents.fallbackLevel", "most");
        Slf4jSettings settings = Slf4jSettings.from(properties);
        assertFalse(settings.includeMdc);
        assertNull(settings.consoleLevel, "the default: no console");
        assertEquals(Level.INFO, settings.fallbackLevel);
        assertEquals(
                List.of(
                        "[userevents] userevents.mdc=yes is not true or false; using false",
                        "[userevents] userevents.fallbackLevel=most is not one of " + Arrays.toString(Level.values())
                                + "; using INFO",
                        "[userevents] userevents.console=loud is not one of " + Arrays.toString(Level.values())
                                + "; using off"),
                diagnostics.lines());
        properties.setProperty("userevents.mdc", " TRUE ");
        assertTrue(Slf4jSettings.from(properties).includeMdc);
    }

    @Test
    void theReadmeListsExactlyTheProvidersOwnSettings() {
        List<String> keys = new ArrayList<>();
        for (List<String> row : SettingSamples.readmeTable("Settings come from `userevents.properties`")) {
            Slf4jSettings.Own own = Arrays.stream(Slf4jSettings.Own.values())
                    .filter(o -> o.key.equals(SettingSamples.code(row.get(0))))
                    .findFirst()
                    .orElseThrow(() ->
                            new AssertionError("the README lists " + row.get(0) + ", Slf4jSettings.Own does not"));
            keys.add(own.key);
            assertEquals(own.defaultText, SettingSamples.code(row.get(1)), own.key);
            assertEquals(own.documentation, row.get(2), own.key);
        }
        assertEquals(Arrays.stream(Slf4jSettings.Own.values()).map(o -> o.key).toList(), keys);
    }
}
