package dev.userevents.slf4j;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.testing.ChildJava;
import dev.userevents.testing.KernelTestExtension;
import dev.userevents.testing.Soak;
import dev.userevents.testing.Tracefs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The provider in child JVMs living a real application's life on the real kernel: lines logged from the
 * application's own shutdown hook, a console beside the kernel, and a class loaded on the first connection after an
 * operator's {@code userevents enable --follow}.
 */
@Tag("kernel")
class ApplicationLifeKernelTest {
    private static final String SHUTDOWN_EVENT = "kt_slf4j_app_Shutdown_INFO";

    @RegisterExtension
    final KernelTestExtension kernel = new KernelTestExtension();

    /** A JVM on the test class path; stdout is read line by line, stderr goes to a file. */
    private static final class Child implements AutoCloseable {
        final Process process;
        final BufferedReader out;
        final Path stderr;

        Child(List<String> options, String mainClass, String... args) throws IOException {
            List<String> command = ChildJava.main(options, mainClass, args);
            stderr = Files.createTempFile("child", ".err"); // not in target/: the guest sees the project read-only
            process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Reads stdout until a line starting with {@code prefix}. */
        String awaitLine(String prefix) throws IOException {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            fail("the child ended before printing '" + prefix + "': " + stderr());
            return null;
        }

        void proceed() throws IOException {
            process.getOutputStream().write('\n');
            process.getOutputStream().flush();
        }

        int awaitExit() throws Exception {
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "child did not exit");
            return process.exitValue();
        }

        String stderr() throws IOException {
            return Files.readString(stderr);
        }

        @Override
        public void close() throws IOException {
            process.destroyForcibly();
            Files.deleteIfExists(stderr);
        }
    }

    private static List<String> numbered(String text, int count, int level) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(Tracefs.payload(text + i, level));
        }
        return lines;
    }

    /** Runs ShutdownHookApp once; returns its stderr (the console) after checking the kernel saw every hook line. */
    private String runShutdownApp(boolean traced) throws Exception {
        Tracefs.clearTrace();
        try (Child child = new Child(
                List.of("-Duserevents.bufferSize=64", "-Duserevents.console=INFO"),
                "dev.userevents.slf4j.app.ShutdownHookApp",
                "1000")) {
            child.awaitLine("ready");
            if (traced) {
                kernel.enable(SHUTDOWN_EVENT);
            }
            child.proceed(); // main returns: the JVM runs the app's hook and ours at once
            assertEquals(0, child.awaitExit(), child.stderr());
            List<String> payloads =
                    traced ? Tracefs.awaitPayloads(SHUTDOWN_EVENT, 1000) : List.of(); // before disabling: see Tracefs
            if (traced) {
                kernel.disable(SHUTDOWN_EVENT); // the next run starts untraced
            }
            if (traced) {
                assertEquals(numbered("stopping ", 1000, 4), payloads, "every line of the app's shutdown hook");
            } else {
                assertEquals(List.of(), Tracefs.payloads(SHUTDOWN_EVENT));
            }
            return child.stderr();
        }
    }

    /**
     * The application's own shutdown hook logs 1 000 lines while the provider's hook runs: all 1 000 reach the
     * kernel. One run here and the console test's traced run below make two per JDK in CI (each run is a child JVM,
     * 6-9 s in the VM); {@link Soak} repeats it for a longer hunt (the provider's hook flushes, then callers write
     * themselves; nothing unregisters).
     */
    @Test
    void linesLoggedFromTheApplicationsShutdownHookAllReachTheKernel() throws Exception {
        for (int run = 0; run < Soak.scaled(1); run++) {
            String console = runShutdownApp(true);
            assertFalse(console.contains("[userevents]"), "no diagnostic: " + console);
        }
    }

    /** {@code userevents.console=INFO}: start-up and shutdown lines on stderr, the same with and without tracing. */
    @Test
    void theConsolePrintsTheSameLinesWhetherTracedOrNot() throws Exception {
        List<String> traced = withoutTimestamps(runShutdownApp(true));
        List<String> untraced = withoutTimestamps(runShutdownApp(false));
        assertEquals(1001, traced.size(), String.join("\n", traced.subList(0, Math.min(5, traced.size()))));
        assertEquals("[main] INFO kt.slf4j.app.Shutdown - started", traced.get(0));
        assertEquals("[app-shutdown-hook] INFO kt.slf4j.app.Shutdown - stopping 999", traced.get(1000));
        assertEquals(untraced, traced);
    }

    private static List<String> withoutTimestamps(String console) {
        return console.lines()
                .filter(line -> !line.isEmpty())
                .map(line -> line.replaceFirst("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z ", ""))
                .collect(Collectors.toList());
    }

    /**
     * ZooKeeper's case: the operator runs {@code userevents enable --follow 'dev.userevents.slf4j.app.zk.*' INFO},
     * then the first connection loads a class whose static logger logs at once. With
     * {@code userevents.preregister} its events exist from start-up, so follow has enabled them: every line is
     * captured.
     */
    @Test
    void aClassLoadedOnTheFirstConnectionHasEveryLineCaptured() throws Exception {
        String event = "dev_userevents_slf4j_app_zk_ConnectionHandler_INFO";
        Child server = kernel.closeAfter(new Child(
                List.of("-Duserevents.preregister=dev.userevents.slf4j.app.zk"),
                "dev.userevents.slf4j.app.zk.ServerApp",
                "17"));
        server.awaitLine("ready");
        Child follow = kernel.closeAfter(new Child(
                List.of(),
                "dev.userevents.cli.UserEventsCli",
                "enable",
                "--follow",
                "dev.userevents.slf4j.app.zk.*",
                "INFO"));
        for (String logger :
                List.of("dev_userevents_slf4j_app_zk_ConnectionHandler", "dev_userevents_slf4j_app_zk_ServerApp")) {
            for (String level : List.of("FATAL", "ERROR", "WARN", "INFO")) {
                kernel.disableAfter(logger + "_" + level); // what follow enabled, once it has stopped
            }
        }
        kernel.closeAfter(() -> {
            follow.process.destroy();
            follow.awaitExit();
        });
        follow.awaitLine("dev_userevents_slf4j_app_zk_ConnectionHandler: enabled FATAL ERROR WARN INFO");
        server.proceed();
        assertEquals(0, server.awaitExit(), server.stderr());
        List<String> payloads = Tracefs.awaitPayloads(event, 17);
        assertEquals(numbered("connection line ", 17, 4), payloads);
    }
}
