package dev.userevents.log4j2;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.testing.KernelTestExtension;
import dev.userevents.testing.Tracefs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Log4j2 in a real application's configuration (log4j2-life.xml: File + UserEvents, the filter with its defaults,
 * Root at warn) on the real kernel, in a {@link UserEventsLoggerContext} as {@link UserEventsContextSelector}
 * makes them: events exist at logger creation, and tracing changes nothing another appender writes.
 */
@Tag("kernel")
class Log4jLifeKernelTest {
    @RegisterExtension
    final KernelTestExtension kernel = new KernelTestExtension();

    private Path file;
    private UserEventsLoggerContext context;

    @BeforeEach
    void start() throws Exception {
        file = Files.createTempFile("log4j-life", ".log"); // not in target/: the guest sees the project read-only
        kernel.closeAfter(() -> Files.deleteIfExists(file));
        System.setProperty("kt.life.file", file.toString());
        context = new UserEventsLoggerContext(
                "kt-life", null, getClass().getResource("/log4j2-life.xml").toURI());
        context.start();
        kernel.closeAfter(context::stop); // after the test's events are disabled
    }

    @Test
    void aLoggerCreatedButNotYetUsedIsRegisteredAndItsFirstDebugReachesTheKernel() throws Exception {
        Logger logger = context.getLogger("kt.log4j.life.Unused");
        List<String> status = Tracefs.statusEventNames();
        for (String level : List.of("FATAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE")) {
            assertTrue(status.contains("kt_log4j_life_Unused_" + level), "registered at creation: " + level);
        }
        kernel.enable("kt_log4j_life_Unused_DEBUG");
        assertTrue(logger.isDebugEnabled(), "tracing turned DEBUG on below Root's warn");
        logger.debug("Creating new log file: log.{}", 1);
        List<String> payloads = Tracefs.awaitPayloads("kt_log4j_life_Unused_DEBUG", 1);
        assertEquals(List.of(Tracefs.payload("Creating new log file: log.1", 5)), payloads);
    }

    /** Without the selector (a plain LoggerContext), the filter's start still registers the loggers that exist. */
    @Test
    void loggersThatExistedBeforeTheConfigurationStartedAreRegisteredByTheSweep() throws Exception {
        org.apache.logging.log4j.core.LoggerContext plain = new org.apache.logging.log4j.core.LoggerContext(
                "kt-sweep", null, getClass().getResource("/log4j2-life.xml").toURI());
        kernel.closeAfter(plain::stop);
        // Held until the end: Log4j 2.24+ keeps its loggers by weak reference, so a logger nobody holds may be
        // collected before the sweep runs (seen once on JDK 25, where the test then failed).
        Logger early = plain.getLogger("kt.log4j.life.Early"); // before any configuration started
        assertFalse(Tracefs.statusEventNames().contains("kt_log4j_life_Early_DEBUG"));
        plain.start();
        assertTrue(Tracefs.statusEventNames().contains("kt_log4j_life_Early_DEBUG"), "registered by the sweep");
        java.lang.ref.Reference.reachabilityFence(early);
    }

    private static void logSequence(Logger logger) {
        logger.trace("trace line");
        logger.debug("debug line {}", 1);
        logger.info("info line {}", 2);
        logger.warn("warn line {}", 3);
        logger.error("error line {}", 4);
    }

    @Test
    void theFileAppenderWritesTheSameBytesWithAndWithoutKernelTracing() throws Exception {
        Logger logger = context.getLogger("kt.log4j.life.Server");
        logSequence(logger);
        byte[] untraced = Files.readAllBytes(file);
        assertEquals(
                "WARN kt.log4j.life.Server - warn line 3\nERROR kt.log4j.life.Server - error line 4\n",
                new String(untraced, java.nio.charset.StandardCharsets.UTF_8));
        kernel.enable("kt_log4j_life_Server_DEBUG");
        kernel.enable("kt_log4j_life_Server_INFO");
        logSequence(logger);
        List<String> debug = Tracefs.awaitPayloads("kt_log4j_life_Server_DEBUG", 1);
        List<String> info = Tracefs.awaitPayloads("kt_log4j_life_Server_INFO", 1);
        assertEquals(List.of(Tracefs.payload("debug line 1", 5)), debug, "the kernel got the traced DEBUG line");
        assertEquals(List.of(Tracefs.payload("info line 2", 4)), info, "and the traced INFO line");
        byte[] both = Files.readAllBytes(file);
        byte[] expected = new byte[untraced.length * 2];
        System.arraycopy(untraced, 0, expected, 0, untraced.length);
        System.arraycopy(untraced, 0, expected, untraced.length, untraced.length);
        assertArrayEquals(
                expected,
                both,
                "the File appender's bytes: " + new String(both, java.nio.charset.StandardCharsets.UTF_8));
    }
}
