package dev.userevents;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A configuration is a key: front ends share one core per equal configuration (SharedUserEvents by equals, Log4j's
 * manager by the toString name). Changing any one setting must give a different key both ways.
 */
class UserEventsConfigTest {
    private static Map<String, UnaryOperator<UserEventsConfig.Builder>> oneChangeEach() {
        Map<String, UnaryOperator<UserEventsConfig.Builder>> changes = new LinkedHashMap<>();
        changes.put("prefix", b -> b.prefix("other_"));
        changes.put("maxMessageBytes", b -> b.maxMessageBytes(1000));
        changes.put("dataFile", b -> b.dataFile(Paths.get("/tmp/other")));
        changes.put("mode", b -> b.mode(Mode.SYNC));
        changes.put("bufferSize", b -> b.bufferSize(64));
        changes.put("queueFullPolicy", b -> b.queueFullPolicy(QueueFullPolicy.DROP));
        changes.put("shutdownTimeoutMillis", b -> b.shutdownTimeoutMillis(1));
        changes.put("shutdownHook", b -> b.shutdownHook(false));
        changes.put("dropReportIntervalMillis", b -> b.dropReportIntervalMillis(1));
        changes.put("callerThread", b -> b.callerThread(true));
        changes.put("preregisterPackages", b -> b.preregisterPackages(List.of("com.example")));
        changes.put("eventHeaderProvider", b -> b.eventHeaderProvider("Other"));
        return changes;
    }

    @Test
    void everySettingIsPartOfEqualsHashCodeAndTheToStringKey() {
        Map<String, UnaryOperator<UserEventsConfig.Builder>> changes = oneChangeEach();
        UserEventsConfig defaults = UserEventsConfig.builder().build();
        assertEquals(defaults, UserEventsConfig.builder().build());
        assertEquals(defaults.toString(), UserEventsConfig.builder().build().toString());
        for (Map.Entry<String, UnaryOperator<UserEventsConfig.Builder>> change : changes.entrySet()) {
            UserEventsConfig changed =
                    change.getValue().apply(UserEventsConfig.builder()).build();
            assertNotEquals(defaults, changed, change.getKey());
            assertNotEquals(defaults.toString(), changed.toString(), change.getKey() + " is missing from toString()");
            assertEquals(
                    changed.hashCode(),
                    change.getValue().apply(UserEventsConfig.builder()).build().hashCode());
        }
    }

    /** The record's constructor normalizes as the builder did: rebuilding a configuration from its values is a no-op. */
    @Test
    void aConfigurationRebuiltFromItsOwnValuesIsEqual() {
        UserEventsConfig odd = UserEventsConfig.builder()
                .prefix("my.app:")
                .bufferSize(1000)
                .maxMessageBytes(1)
                .shutdownTimeoutMillis(-5)
                .dropReportIntervalMillis(0)
                .eventHeaderProvider("")
                .build();
        assertEquals("my_app_", odd.prefix());
        assertEquals(1024, odd.bufferSize());
        assertEquals(64, odd.maxMessageBytes());
        assertEquals(0, odd.shutdownTimeoutMillis());
        assertEquals(1, odd.dropReportIntervalMillis());
        assertNull(odd.eventHeaderProvider());
        UserEventsConfig rebuilt = new UserEventsConfig(
                odd.prefix(),
                odd.maxMessageBytes(),
                odd.dataFile(),
                odd.mode(),
                odd.bufferSize(),
                odd.queueFullPolicy(),
                odd.shutdownTimeoutMillis(),
                odd.shutdownHook(),
                odd.dropReportIntervalMillis(),
                odd.callerThread(),
                odd.preregisterPackages(),
                odd.eventHeaderProvider());
        assertEquals(odd, rebuilt);
        assertEquals(odd.toString(), rebuilt.toString());
    }

    @Test
    void theTestCoversEverySetting() {
        List<String> fields = Arrays.stream(UserEventsConfig.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .map(Field::getName)
                .sorted()
                .toList();
        assertEquals(
                fields,
                oneChangeEach().keySet().stream().sorted().toList(),
                "a new setting needs a line in oneChangeEach(), and a place in equals, hashCode and toString");
    }
}
