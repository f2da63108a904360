package dev.userevents.slf4j;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.Level;
import dev.userevents.spi.CapturedDiagnostics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;

/**
 * Without user_events (a data file that does not exist stands for any host without it) the provider prints INFO
 * and more severe lines to stderr unless told otherwise, as slf4j-simple would, and its one diagnostic names the
 * cause, says where the lines go, and points to {@code userevents doctor}.
 */
class Slf4jFallbackTest {
    private static final String MISSING = "/nonexistent/userevents-fallback-test/user_events_data";

    @RegisterExtension
    final CapturedDiagnostics diagnostics = new CapturedDiagnostics();

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        System.setProperty("userevents.dataFile", MISSING);
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
        for (String key : List.of(
                "userevents.dataFile", "userevents.fallback", "userevents.fallbackLevel", "userevents.console")) {
            System.clearProperty(key);
        }
    }

    /** Logs one line per level through a freshly initialized provider; returns what reached stderr. */
    private List<String> logEveryLevel() {
        UserEventsServiceProvider provider = new UserEventsServiceProvider();
        provider.initialize();
        Logger log = provider.getLoggerFactory().getLogger("com.example.Orders");
        log.trace("t {}", 1);
        log.debug("d {}", 2);
        log.info("order {} placed", 7);
        log.warn("w {}", 4);
        log.error("e {}", 5, new IllegalStateException("boom"));
        return stderr.toString(StandardCharsets.UTF_8)
                .lines()
                .map(line -> line.replaceFirst("^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z ", "")) // the time stamp
                .filter(line -> !line.startsWith("\t")) // the stack trace's frames
                .collect(Collectors.toList());
    }

    @Test
    void byDefaultInfoAndMoreSevereGoToStderrWithOneDiagnosticNamingTheCause() {
        assertEquals(
                List.of(
                        "[main] INFO com.example.Orders - order 7 placed",
                        "[main] WARN com.example.Orders - w 4",
                        "[main] ERROR com.example.Orders - e 5",
                        "java.lang.IllegalStateException: boom"),
                logEveryLevel());
        List<String> reported = diagnostics.lines();
        assertEquals(1, reported.size(), reported.toString());
        String diagnostic = reported.get(0);
        assertTrue(
                diagnostic.startsWith("[userevents] user_events unavailable: cannot open " + MISSING + ": ENOENT."),
                diagnostic);
        assertTrue(
                diagnostic.contains(
                        "SLF4J lines at INFO and above go to stderr instead (userevents.fallback=stderr, the default;"),
                diagnostic);
        assertTrue(diagnostic.contains("Check this host with 'userevents doctor' (java -cp "), diagnostic);
        assertTrue(diagnostic.endsWith(" dev.userevents.cli.UserEventsCli doctor)."), diagnostic);
    }

    @Test
    void fallbackNoneDropsEveryLineAndSaysSo() {
        System.setProperty("userevents.fallback", "none");
        assertEquals(List.of(), logEveryLevel());
        assertTrue(
                diagnostics.lines().get(0).contains("Every SLF4J line is dropped (userevents.fallback=none;"),
                diagnostics.lines().toString());
    }

    @Test
    void fallbackNoneKeepsAnExplicitConsole() {
        System.setProperty("userevents.fallback", "none");
        System.setProperty("userevents.console", "WARN");
        assertEquals(
                List.of(
                        "[main] WARN com.example.Orders - w 4",
                        "[main] ERROR com.example.Orders - e 5",
                        "java.lang.IllegalStateException: boom"),
                logEveryLevel());
        assertTrue(
                diagnostics.lines().get(0).contains("Only the console prints (userevents.console=WARN)"),
                diagnostics.lines().toString());
    }

    @Test
    void aConsoleBesideTheFallbackPrintsEachLineOnce() {
        System.setProperty("userevents.console", "INFO");
        System.setProperty("userevents.fallbackLevel", "debug");
        assertEquals(
                List.of(
                        "[main] DEBUG com.example.Orders - d 2",
                        "[main] INFO com.example.Orders - order 7 placed",
                        "[main] WARN com.example.Orders - w 4",
                        "[main] ERROR com.example.Orders - e 5",
                        "java.lang.IllegalStateException: boom"),
                logEveryLevel());
    }

    @Test
    void settingsDefaultToStderrAtInfoAndABadValueKeepsTheDefault() {
        assertEquals(Level.INFO, Slf4jSettings.from(new Properties()).fallbackLevel);
        Properties none = new Properties();
        none.setProperty("userevents.fallback", " NONE ");
        assertNull(Slf4jSettings.from(none).fallbackLevel);
        Properties bad = new Properties();
        bad.setProperty("userevents.fallback", "syslog");
        assertEquals(Level.INFO, Slf4jSettings.from(bad).fallbackLevel);
        assertEquals(
                List.of("[userevents] userevents.fallback=syslog is not none|stderr; using stderr"),
                diagnostics.lines());
    }
}
