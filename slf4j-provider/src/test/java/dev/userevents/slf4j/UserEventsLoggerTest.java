package dev.userevents.slf4j;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.Level;
import dev.userevents.Mode;
import dev.userevents.UserEvents;
import dev.userevents.UserEventsConfig;
import dev.userevents.testing.InMemoryDevice;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.slf4j.spi.NOPLoggingEventBuilder;

/** The logger's formatting and gating, over an in-process device double (kernel behaviour: Slf4jKernelTest). */
class UserEventsLoggerTest {
    private final InMemoryDevice device = new InMemoryDevice();
    private final UserEvents core = UserEvents.open(
            UserEventsConfig.builder().mode(Mode.SYNC).maxMessageBytes(65534).build(), device);

    @AfterEach
    void close() {
        core.close();
        MDC.clear();
    }

    private UserEventsLogger logger(String name, boolean mdc) {
        return UserEventsLogger.create(name, core, null, mdc);
    }

    private void enable(String loggerName, Level level) {
        device.setEnabled(core.logger(loggerName), level, true);
    }

    private List<String> messages() {
        return device.records().stream().map(r -> r.message).collect(java.util.stream.Collectors.toList());
    }

    @Test
    void disabledLevelsFormatNothingAndFluentIsNop() {
        UserEventsLogger logger = logger("quiet", false);
        java.util.concurrent.atomic.AtomicInteger formatted = new java.util.concurrent.atomic.AtomicInteger();
        Object counting = new Object() {
            @Override
            public String toString() {
                formatted.incrementAndGet(); // SLF4J's formatter would swallow an exception: count instead
                return "formatted";
            }
        };
        assertFalse(logger.isInfoEnabled());
        logger.info("x {}", counting);
        logger.debug("x {} {}", counting, counting);
        logger.atDebug().addArgument(counting).log("x {}");
        assertSame(NOPLoggingEventBuilder.singleton(), logger.atDebug());
        assertEquals(0, formatted.get(), "nothing formatted for a disabled level");
        assertTrue(device.records().isEmpty());
        enable("quiet", Level.INFO);
        logger.info("x {}", counting);
        assertEquals(1, formatted.get(), "the same argument is formatted once the level is enabled");
    }

    @Test
    void enablingInfoLeavesDebugOff() {
        UserEventsLogger logger = logger("gate", false);
        enable("gate", Level.INFO);
        assertTrue(logger.isInfoEnabled());
        assertFalse(logger.isDebugEnabled());
        assertFalse(logger.isWarnEnabled(), "one event, one level: WARN is its own event");
    }

    @Test
    void formatsLikeSlf4j() {
        UserEventsLogger logger = logger("fmt", false);
        enable("fmt", Level.WARN);
        logger.warn("a={} b={}", 1, "two");
        logger.warn("escaped \\{} and {}", "x");
        logger.warn("array {}", (Object) new int[] {1, 2});
        logger.warn("three {} {} {}", "a", null, 'c');
        logger.warn("unicode {}", "\u00e9\uD83D\uDE80");
        assertEquals(
                List.of(
                        "a=1 b=two",
                        "escaped {} and x",
                        "array [1, 2]",
                        "three a null c",
                        "unicode \u00e9\uD83D\uDE80"),
                messages());
        assertEquals(3, device.records().get(0).level);
    }

    @Test
    void throwableAsLastArgumentGivesStackTrace() {
        UserEventsLogger logger = logger("ex", false);
        enable("ex", Level.ERROR);
        logger.error("failed {}", "op", new IllegalStateException("boom", new RuntimeException("cause")));
        String message = messages().get(0);
        assertTrue(message.startsWith("failed op\njava.lang.IllegalStateException: boom\n\tat "), message);
        assertTrue(message.contains("Caused by: java.lang.RuntimeException: cause"), message);
    }

    @Test
    void fluentKeyValuesAndMdc() {
        UserEventsLogger logger = logger("kv", true);
        enable("kv", Level.INFO);
        MDC.put("request", "r-1");
        logger.atInfo()
                .setMessage("done {}")
                .addArgument(42)
                .addKeyValue("user", "ann")
                .addKeyValue("ms", 7)
                .log();
        assertEquals(List.of("done 42 user=ann ms=7 request=r-1"), messages());
    }

    @Test
    void aToStringThatThrowsNeverReachesTheCaller() {
        UserEventsLogger logger = logger("bad", false);
        enable("bad", Level.INFO);
        Object bad = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };
        assertDoesNotThrow(() -> logger.info("value {}", bad));
        assertEquals(1, messages().size(), "SLF4J's formatter reports the failure inline");
        assertTrue(messages().get(0).contains("FAILED toString()"), messages().get(0));
    }

    @Test
    void anArgumentThatLogsWhileFormattedKeepsBothMessagesWhole() {
        UserEventsLogger logger = logger("nested", false);
        enable("nested", Level.INFO);
        Object chatty = new Object() {
            @Override
            public String toString() {
                logger.info("inner {}", "line");
                return "value";
            }
        };
        logger.info("outer {} with {}", chatty, java.util.Map.of("k", chatty).keySet());
        assertEquals(List.of("inner line", "outer value with [k]"), messages());
    }

    @Test
    void settingsParseWithDefaultsForBadValues() {
        Properties properties = new Properties();
        properties.setProperty("userevents.mode", "sync");
        properties.setProperty("userevents.bufferSize", "not a number");
        properties.setProperty("userevents.queueFullPolicy", "drop");
        properties.setProperty("userevents.prefix", "my.app:");
        properties.setProperty("userevents.fallback", "stderr");
        properties.setProperty("userevents.fallbackLevel", "warn");
        Slf4jSettings settings = Slf4jSettings.from(properties);
        assertEquals(Mode.SYNC, settings.coreConfig.mode());
        assertEquals(UserEventsConfig.Builder.DEFAULT_BUFFER_SIZE, settings.coreConfig.bufferSize());
        assertEquals(dev.userevents.QueueFullPolicy.DROP, settings.coreConfig.queueFullPolicy());
        assertEquals("my_app_", settings.coreConfig.prefix());
        assertEquals(Level.WARN, settings.fallbackLevel);
    }

    @Test
    void consoleThreadAndPreregisterSettings() {
        Properties properties = new Properties();
        assertNull(Slf4jSettings.from(properties).consoleLevel, "no console by default");
        assertFalse(Slf4jSettings.from(properties).coreConfig.callerThread());
        properties.setProperty("userevents.console", "warn");
        properties.setProperty("userevents.thread", "true");
        properties.setProperty("userevents.preregister", " org.apache.zookeeper , ,com.example");
        Slf4jSettings settings = Slf4jSettings.from(properties);
        assertEquals(Level.WARN, settings.consoleLevel);
        assertTrue(settings.coreConfig.callerThread());
        assertEquals(
                java.util.List.of("org.apache.zookeeper", "com.example"), settings.coreConfig.preregisterPackages());
        properties.setProperty("userevents.console", "off");
        assertNull(Slf4jSettings.from(properties).consoleLevel);
    }
}
