package dev.userevents.log4j2;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.Setting;
import dev.userevents.UserEventsConfig;
import dev.userevents.testing.SettingSamples;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;
import org.junit.jupiter.api.Test;

/** Every core setting is an attribute of {@code <UserEvents>} and reaches the core as the core binds it. */
class Log4jSettingsTest {
    @Test
    void theBuilderHasOneAttributePerSettingAndNoOther() {
        List<String> attributes = Arrays.stream(UserEventsAppender.Builder.class.getDeclaredFields())
                .filter(field -> field.isAnnotationPresent(PluginBuilderAttribute.class))
                .map(Field::getName)
                .sorted()
                .toList();
        assertEquals(
                Setting.names().stream().sorted().toList(),
                attributes,
                "a setting in the core's table needs its @PluginBuilderAttribute field, named as the setting");
    }

    @Test
    void everySettingGivenInXmlReachesTheCore() {
        for (Map.Entry<String, String> sample : SettingSamples.good().entrySet()) {
            UserEventsConfig configured =
                    configured(sample.getKey() + "=\"" + sample.getValue() + "\"", UserEventsAppender::config);
            // The appender's manager turns the shutdown hook off (Log4j has its own); everything else is as bound.
            UserEventsConfig expected = UserEventsConfig.builder()
                    .set(sample.getKey(), sample.getValue())
                    .shutdownHook(false)
                    .build();
            assertEquals(expected, configured, sample.getKey());
            assertNotEquals(UserEventsConfig.builder().shutdownHook(false).build(), configured, sample.getKey());
        }
    }

    @Test
    void aBadValueIsOneStatusErrorNamingItAndTheDefaultIsUsed() {
        List<String> errors = new CopyOnWriteArrayList<>();
        StatusListener listener = new StatusListener() {
            @Override
            public void log(StatusData data) {
                errors.add(data.getMessage().getFormattedMessage());
            }

            @Override
            public Level getStatusLevel() {
                return Level.ERROR;
            }

            @Override
            public void close() {}
        };
        StatusLogger.getLogger().registerListener(listener);
        try {
            for (Map.Entry<String, String> bad : SettingSamples.bad().entrySet()) {
                if (bad.getValue().indexOf('\0') >= 0) {
                    continue; // XML cannot carry a NUL
                }
                errors.clear();
                UserEventsConfig configured =
                        configured(bad.getKey() + "=\"" + bad.getValue() + "\"", UserEventsAppender::config);
                assertEquals(UserEventsConfig.builder().shutdownHook(false).build(), configured, bad.getKey());
                List<String> ours = errors.stream()
                        .filter(line -> line.contains(bad.getKey() + "=" + bad.getValue()))
                        .toList();
                assertEquals(1, ours.size(), bad.getKey() + ": " + errors);
                assertTrue(
                        ours.get(0)
                                .startsWith("UserEvents appender 'ue': " + bad.getKey() + "=" + bad.getValue() + " "),
                        ours.get(0));
            }
        } finally {
            StatusLogger.getLogger().removeListener(listener);
        }
    }

    /** Starts a context with {@code <UserEvents name="ue" attributes/>}, reads the appender, stops the context. */
    private static <T> T configured(String attributes, Function<UserEventsAppender, T> read) {
        String xml = "<Configuration status=\"OFF\"><Appenders><UserEvents name=\"ue\" " + attributes
                + "/></Appenders><Loggers><Root level=\"info\"><AppenderRef ref=\"ue\"/></Root></Loggers></Configuration>";
        LoggerContext context = new LoggerContext("settings");
        try {
            context.start(new XmlConfiguration(
                    context, new ConfigurationSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))));
            return read.apply(assertInstanceOf(
                    UserEventsAppender.class, context.getConfiguration().getAppender("ue")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            context.stop();
        }
    }
}
