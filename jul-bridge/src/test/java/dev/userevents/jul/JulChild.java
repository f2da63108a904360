package dev.userevents.jul;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.testing.ChildJava;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A JVM running {@link dev.userevents.jul.app.JulApp} (or another main class) on the test class path: JUL's
 * LogManager is chosen at JVM start, so every LogManager test needs a JVM of its own. SLF4J is left out of the class
 * path unless asked for: with userevents-slf4j present JUL would wait for the SLF4J provider's core.
 */
final class JulChild implements AutoCloseable {
    static final String MANAGER = "-Djava.util.logging.manager=dev.userevents.jul.UserEventsLogManager";

    final Process process;
    private final BufferedReader out;
    private final OutputStream in;
    private final Path stderr;

    JulChild(List<String> options, boolean withSlf4j) throws IOException {
        this(options, withSlf4j, "dev.userevents.jul.app.JulApp");
        awaitLine("ready");
    }

    JulChild(List<String> options, boolean withSlf4j, String mainClass, String... args) throws IOException {
        String classpath = classPath(withSlf4j);
        List<String> command = ChildJava.java(options.toArray(new String[0]));
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(List.of(args));
        stderr = Files.createTempFile("julchild", ".err"); // not in target/: the VM sees the project read-only
        process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = process.getOutputStream();
    }

    /** The test class path (the VM harness's, else surefire's), without SLF4J unless {@code withSlf4j}. */
    static String classPath(boolean withSlf4j) {
        String full = System.getProperty(
                "userevents.testClasspath",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        return Arrays.stream(full.split(java.io.File.pathSeparator))
                .filter(entry -> withSlf4j || !(entry.contains("slf4j") || entry.contains("slf4j-provider")))
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    /** Runs one command (its words joined by tabs); returns what it printed before {@code done}. */
    List<String> send(String... words) throws IOException {
        in.write((String.join("\t", words) + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        List<String> answer = new ArrayList<>();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.equals("done " + words[0])) {
                return answer;
            }
            answer.add(line);
        }
        fail("the child ended during '" + String.join(" ", words) + "': " + stderr());
        return answer;
    }

    String awaitLine(String prefix) throws IOException {
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        fail("the child ended before printing '" + prefix + "': " + stderr());
        return null;
    }

    String stderr() throws IOException {
        return Files.readString(stderr);
    }

    /** stderr between the lines {@code === from} and {@code === to} (the console between two marks). */
    String stderrBetween(String from, String to) throws IOException {
        String all = stderr();
        int start = all.indexOf("=== " + from + "\n");
        int end = all.indexOf("=== " + to + "\n");
        assertTrue(start >= 0 && end > start, "marks " + from + ", " + to + " in: " + all);
        return all.substring(start + from.length() + 5, end);
    }

    @Override
    public void close() throws IOException {
        try {
            in.write("quit\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // it is going away either way
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(stderr);
        }
    }
}
