package dev.userevents.slf4j;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.testing.KernelTestExtension;
import dev.userevents.testing.Tracefs;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * JPMS: the built jars on the module path of a child JVM. The provider is a named module found by SLF4J's
 * ServiceLoader through {@code provides}; the core and JNA resolve ({@code com.sun.jna} is an automatic module);
 * the event reaches the kernel; and the JVM prints no warning (on JDK 22+ given
 * {@code --enable-native-access=dev.userevents}, the module-path form of the README's flag: the core's FFM calls).
 */
@Tag("kernel")
class ModulePathKernelTest {
    @RegisterExtension
    final KernelTestExtension kernel = new KernelTestExtension();

    @Test
    void theJarsWorkAsNamedModulesOnTheModulePath() throws Exception {
        List<Path> classpath = Arrays.stream(
                        System.getProperty("userevents.testClasspath", System.getProperty("java.class.path"))
                                .split(":"))
                .map(Path::of)
                .collect(Collectors.toList());
        Path target = classpath.stream()
                .filter(p -> p.endsWith("test-classes"))
                .findFirst()
                .orElseThrow()
                .getParent();
        Path testClasses = target.resolve("test-classes");
        List<Path> modulePath = new ArrayList<>();
        modulePath.add(onlyJar(target, "userevents-slf4j-"));
        modulePath.add(jarOnClasspath(classpath, "userevents-native-"));
        modulePath.add(jarOnClasspath(classpath, "jna-"));
        modulePath.add(jarOnClasspath(classpath, "slf4j-api-"));

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto",
                dev.userevents.testing.ChildJava.jit(),
                "-Djna.tmpdir=/tmp",
                "--module-path",
                modulePath.stream().map(Path::toString).collect(Collectors.joining(":")),
                "--add-modules",
                "dev.userevents.slf4j"));
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=dev.userevents"); // the core's FFM calls (JNA is not loaded on 22+)
        }
        command.addAll(List.of("-cp", testClasses.toString(), "dev.userevents.slf4j.modulepath.ModulePathMain"));
        Path stderr =
                Files.createTempFile("modulepath", ".err"); // not in target/: the guest sees the project read-only
        Process child =
                new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        kernel.closeAfter(child::destroyForcibly);
        List<String> out = new ArrayList<>();
        List<String> payloads;
        try (BufferedReader lines =
                        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                OutputStream in = child.getOutputStream()) {
            for (String line; (line = lines.readLine()) != null && !line.equals("ready"); ) {
                out.add(line);
            }
            assertTrue(child.isAlive(), "child ended early: " + out + " " + Files.readString(stderr));
            kernel.enable("kt_slf4j_modulepath_INFO");
            in.write('\n');
            in.flush();
            for (String line; (line = lines.readLine()) != null; ) {
                out.add(line);
            }
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child did not exit");
            payloads = Tracefs.awaitPayloads("kt_slf4j_modulepath_INFO", 1); // before disabling: see Tracefs
        }
        String errors = Files.readString(stderr);
        assertEquals(0, child.exitValue(), out + " " + errors);
        assertEquals(
                List.of("logger=" + UserEventsLogger.class.getName() + " module=dev.userevents.slf4j", "enabled=true"),
                out,
                errors);
        assertEquals(List.of(Tracefs.payload("from the module path 1", 4)), payloads);
        assertEquals("", errors, "the child printed to stderr (a warning?)");
        Files.delete(stderr);
    }

    private static Path jarOnClasspath(List<Path> classpath, String prefix) {
        List<Path> jars = classpath.stream()
                .filter(p -> p.getFileName().toString().startsWith(prefix)
                        && p.getFileName().toString().matches(".*-[0-9][^-]*(-SNAPSHOT)?\\.jar"))
                .collect(Collectors.toList());
        assertEquals(1, jars.size(), prefix + "*.jar (main artifact) on the test class path: " + jars);
        return jars.get(0);
    }

    private static Path onlyJar(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.getFileName().toString().endsWith(".jar")
                            && !p.getFileName().toString().contains("-tests")
                            && !p.getFileName().toString().contains("-sources")
                            && !p.getFileName().toString().contains("-javadoc"))
                    .collect(Collectors.toList());
            assertEquals(1, jars.size(), "the packaged " + prefix + "*.jar in " + dir + ": " + jars);
            return jars.get(0);
        }
    }
}
