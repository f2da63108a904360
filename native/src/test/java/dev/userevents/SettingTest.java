package dev.userevents;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.spi.CapturedDiagnostics;
import dev.userevents.testing.SettingSamples;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The one settings table: each name binds, a bad value is one diagnostic and the default, the README lists it. */
class SettingTest {
    @RegisterExtension
    final CapturedDiagnostics diagnostics = new CapturedDiagnostics();

    @Test
    void everySettingBindsByNameToWhatItsBuilderMethodSets() {
        UserEventsConfig defaults = UserEventsConfig.defaults();
        for (Map.Entry<String, String> sample : SettingSamples.good().entrySet()) {
            UserEventsConfig bound = UserEventsConfig.builder()
                    .set(sample.getKey(), sample.getValue())
                    .build();
            assertNotEquals(defaults, bound, sample.getKey() + "=" + sample.getValue() + " changed nothing");
        }
        UserEventsConfig.Builder all = UserEventsConfig.builder();
        SettingSamples.good().forEach(all::set);
        assertEquals(
                UserEventsConfig.builder()
                        .prefix("myapp_")
                        .mode(Mode.SYNC)
                        .bufferSize(64)
                        .queueFullPolicy(QueueFullPolicy.DROP)
                        .maxMessageBytes(1000)
                        .shutdownTimeoutMillis(250)
                        .dataFile(Paths.get("/tmp/other_user_events_data"))
                        .callerThread(true)
                        .preregisterPackages(List.of("com.example", "org.example"))
                        .eventHeaderProvider("MyApp")
                        .build(),
                all.build());
        assertEquals(List.of(), diagnostics.lines());
    }

    @Test
    void textIsTrimmedCaseDoesNotMatterAndBlankMeansTheDefault() {
        UserEventsConfig.Builder builder = UserEventsConfig.builder()
                .set("mode", " Sync ")
                .set("thread", "TRUE")
                .set("eventHeaderProvider", " MyApp ")
                .set("dataFile", " /tmp/x ");
        UserEventsConfig config = builder.build();
        assertEquals(Mode.SYNC, config.mode());
        assertTrue(config.callerThread());
        assertEquals("MyApp", config.eventHeaderProvider());
        assertEquals(Paths.get("/tmp/x"), config.dataFile());
        for (String name : Setting.names()) {
            builder.set(name, "  ");
        }
        assertEquals(UserEventsConfig.defaults(), builder.build(), "a blank value is the default");
        for (String name : Setting.names()) {
            builder.set(name, null);
        }
        assertEquals(UserEventsConfig.defaults(), builder.build(), "null leaves the setting");
        assertEquals(List.of(), diagnostics.lines());
    }

    @Test
    void aBadValueIsOneDiagnosticNamingSettingAndValueAndTheDefaultIsUsed() {
        for (Map.Entry<String, String> bad : SettingSamples.bad().entrySet()) {
            String name = bad.getKey();
            List<String> problems = new ArrayList<>();
            UserEventsConfig.Builder builder =
                    UserEventsConfig.builder().set(name, SettingSamples.good().get(name));
            UserEventsConfig config =
                    builder.set(name, bad.getValue(), problems::add).build();
            assertEquals(UserEventsConfig.defaults(), config, name + ": the default, not the earlier value");
            assertEquals(1, problems.size(), name + ": " + problems);
            assertTrue(problems.get(0).startsWith(name + "=" + bad.getValue() + " "), problems.get(0));
            assertTrue(
                    problems.get(0)
                            .contains("; using the default ("
                                    + Setting.named(name).shownDefault() + ")"),
                    problems.get(0));
        }
        assertEquals("mode=loud is not one of [ASYNC, SYNC]; using the default (ASYNC)", firstProblem("mode", "loud"));
        assertEquals("bufferSize=many is not an integer; using the default (1024)", firstProblem("bufferSize", "many"));
        assertEquals("thread=yes is not true or false; using the default (false)", firstProblem("thread", "yes"));
    }

    @Test
    void theLibrarysDiagnosticsSayABadValueOnceAndAnUnknownNameIsOneLineToo() {
        UserEventsConfig.builder()
                .set("bufferSize", "many")
                .set("bufferSize", "many")
                .set("colour", "blue")
                .build();
        assertEquals(
                List.of("[userevents] bufferSize=many is not an integer; using the default (1024)"),
                diagnostics.lines().subList(0, 1));
        assertEquals(2, diagnostics.lines().size(), diagnostics.lines().toString());
        assertTrue(
                diagnostics.lines().get(1).contains("unknown setting colour=blue"),
                diagnostics.lines().get(1));
    }

    @Test
    void propertiesAreReadByTheirKeysAndProblemsNameTheKey() {
        Properties properties = new Properties();
        SettingSamples.good()
                .forEach((name, value) ->
                        properties.setProperty(Setting.named(name).property(), value));
        UserEventsConfig.Builder all = UserEventsConfig.builder();
        SettingSamples.good().forEach(all::set);
        assertEquals(
                all.build(),
                UserEventsConfig.builder().setAll(properties::getProperty).build());
        assertEquals("userevents.eventheader.provider", Setting.EVENT_HEADER_PROVIDER.property(), "its historic key");
        Properties bad = new Properties();
        bad.setProperty("userevents.queueFullPolicy", "wait");
        assertEquals(
                UserEventsConfig.defaults(),
                UserEventsConfig.builder().setAll(bad::getProperty).build());
        assertEquals(
                List.of("[userevents] userevents.queueFullPolicy=wait is not one of [BLOCK, DROP, SYNC]; "
                        + "using the default (BLOCK)"),
                diagnostics.lines());
    }

    @Test
    void theReadmeSettingsTableListsExactlyTheTable() {
        List<List<String>> rows = SettingSamples.readmeTable("## Settings");
        List<String> names = new ArrayList<>();
        for (List<String> row : rows) {
            String name = SettingSamples.code(row.get(0));
            names.add(name);
            Setting setting = Setting.named(name);
            assertNotNull(setting, "the README lists " + name + ", the table does not");
            assertEquals(setting.property(), SettingSamples.code(row.get(1)), name);
            assertEquals(setting.shownDefault(), SettingSamples.code(row.get(2)), name);
            assertEquals(setting.documentation(), row.get(3), name + "'s meaning: the README says what the table says");
        }
        assertEquals(Setting.names(), names, "the README's settings table, in the table's order");
    }

    private static String firstProblem(String name, String value) {
        List<String> problems = new ArrayList<>();
        UserEventsConfig.builder().set(name, value, problems::add);
        return problems.get(0);
    }
}
