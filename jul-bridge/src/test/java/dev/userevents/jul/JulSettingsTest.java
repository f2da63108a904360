package dev.userevents.jul;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.Setting;
import dev.userevents.UserEventsConfig;
import dev.userevents.spi.CapturedDiagnostics;
import dev.userevents.testing.SettingSamples;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every core setting is a {@code userevents.*} key of JUL's own core; the bridge's own settings are one table. */
class JulSettingsTest {
    @RegisterExtension
    final CapturedDiagnostics diagnostics = new CapturedDiagnostics();

    @Test
    void everyCoreSettingIsReadFromItsKey() {
        for (Map.Entry<String, String> sample : SettingSamples.good().entrySet()) {
            String key = Setting.named(sample.getKey()).property();
            UserEventsConfig read = JulSettings.from(Map.of(key, sample.getValue())::get);
            assertEquals(
                    UserEventsConfig.builder()
                            .set(sample.getKey(), sample.getValue())
                            .build(),
                    read,
                    key);
            assertNotEquals(UserEventsConfig.defaults(), read, key);
        }
        assertEquals(List.of(), diagnostics.lines());
    }

    @Test
    void aBadValueIsOneDiagnosticNamingTheKeyAndTheDefaultIsUsed() {
        for (Map.Entry<String, String> bad : SettingSamples.bad().entrySet()) {
            String key = Setting.named(bad.getKey()).property();
            assertEquals(UserEventsConfig.defaults(), JulSettings.from(Map.of(key, bad.getValue())::get), key);
        }
        assertEquals(
                SettingSamples.bad().size(),
                diagnostics.lines().size(),
                diagnostics.lines().toString());
    }

    @Test
    void theGateAndItsPollAreReadWithTheirDefaults() {
        assertFalse(JulSettings.levelGate(key -> null));
        assertEquals(10, JulSettings.pollMillis(key -> null));
        assertTrue(JulSettings.levelGate(Map.of("userevents.jul.gate", " Levels ")::get));
        assertEquals(1, JulSettings.pollMillis(Map.of("userevents.jul.pollMillis", "0")::get), "at least 1");
        assertFalse(JulSettings.levelGate(Map.of("userevents.jul.gate", "fast")::get));
        assertEquals(10, JulSettings.pollMillis(Map.of("userevents.jul.pollMillis", "5ms")::get));
        assertEquals(
                List.of(
                        "[userevents] userevents.jul.gate=fast is not check or levels; using check",
                        "[userevents] userevents.jul.pollMillis=5ms is not an integer; using 10"),
                diagnostics.lines());
    }

    @Test
    void theReadmeListsExactlyTheBridgesOwnSettings() {
        List<String> keys = new ArrayList<>();
        for (List<String> row : SettingSamples.readmeTable("The bridge's own settings")) {
            JulSettings.Own own = Arrays.stream(JulSettings.Own.values())
                    .filter(o -> o.key.equals(SettingSamples.code(row.get(0))))
                    .findFirst()
                    .orElseThrow(
                            () -> new AssertionError("the README lists " + row.get(0) + ", JulSettings.Own does not"));
            keys.add(own.key);
            assertEquals(own.defaultText, SettingSamples.code(row.get(1)), own.key);
            assertEquals(own.documentation, row.get(2), own.key);
        }
        assertEquals(Arrays.stream(JulSettings.Own.values()).map(o -> o.key).toList(), keys);
    }
}
