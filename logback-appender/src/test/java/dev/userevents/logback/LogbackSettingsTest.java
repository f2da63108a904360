package dev.userevents.logback;

import static org.junit.jupiter.api.Assertions.*;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import dev.userevents.Setting;
import dev.userevents.UserEventsConfig;
import dev.userevents.testing.SettingSamples;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every core setting is a property of the UserEventsAppender and reaches the core as the core binds it. */
class LogbackSettingsTest {
    @Test
    void theAppenderHasOneStringSetterPerSetting() {
        for (String name : Setting.names()) {
            String setter = "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
            assertDoesNotThrow(
                    () -> UserEventsAppender.class.getMethod(setter, String.class),
                    "a setting in the core's table needs the appender's " + setter + "(String)");
        }
        long settingSetters = java.util.Arrays.stream(UserEventsAppender.class.getDeclaredMethods())
                .filter(m -> m.getName().startsWith("set")
                        && m.getParameterCount() == 1
                        && m.getParameterTypes()[0] == String.class
                        && java.lang.reflect.Modifier.isPublic(m.getModifiers()))
                .map(Method::getName)
                .count();
        assertEquals(Setting.names().size(), settingSetters, "no property outside the core's table");
    }

    @Test
    void everySettingGivenInLogbackXmlReachesTheCore() throws JoranException {
        for (Map.Entry<String, String> sample : SettingSamples.good().entrySet()) {
            LoggerContext context =
                    configured("<" + sample.getKey() + ">" + sample.getValue() + "</" + sample.getKey() + ">");
            try {
                assertEquals(
                        UserEventsConfig.builder()
                                .set(sample.getKey(), sample.getValue())
                                .build(),
                        appender(context).config(),
                        sample.getKey());
                assertNotEquals(UserEventsConfig.defaults(), appender(context).config(), sample.getKey());
            } finally {
                context.stop();
            }
        }
    }

    @Test
    void aBadValueIsOneStatusErrorNamingItAndTheDefaultIsUsed() {
        for (Map.Entry<String, String> bad : SettingSamples.bad().entrySet()) {
            LoggerContext context = new LoggerContext();
            UserEventsAppender appender = new UserEventsAppender();
            appender.setContext(context);
            String setter = "set" + Character.toUpperCase(bad.getKey().charAt(0))
                    + bad.getKey().substring(1);
            assertDoesNotThrow(() ->
                    UserEventsAppender.class.getMethod(setter, String.class).invoke(appender, bad.getValue()));
            appender.start();
            try {
                assertEquals(UserEventsConfig.defaults(), appender.config(), bad.getKey());
                List<String> errors = context.getStatusManager().getCopyOfStatusList().stream()
                        .filter(s -> s.getLevel() == Status.ERROR)
                        .map(Status::getMessage)
                        .toList();
                assertEquals(1, errors.size(), bad.getKey() + ": " + errors);
                assertTrue(errors.get(0).startsWith(bad.getKey() + "=" + bad.getValue() + " "), errors.get(0));
            } finally {
                appender.stop();
            }
        }
    }

    private static LoggerContext configured(String properties) throws JoranException {
        String xml = "<configuration><appender name=\"ue\" class=\"dev.userevents.logback.UserEventsAppender\">"
                + properties + "</appender><root level=\"info\"><appender-ref ref=\"ue\"/></root></configuration>";
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return context;
    }

    private static UserEventsAppender appender(LoggerContext context) {
        return assertInstanceOf(
                UserEventsAppender.class,
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("ue"));
    }
}
