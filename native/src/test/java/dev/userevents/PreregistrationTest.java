package dev.userevents;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.spi.CapturedDiagnostics;
import dev.userevents.testing.BootJar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Where preregistration finds classes: directories, jars, Spring Boot's nested jars, the module path. */
class PreregistrationTest {
    @RegisterExtension
    final CapturedDiagnostics diagnostics = new CapturedDiagnostics();

    @TempDir
    Path dir;

    /** Runs {@code java -jar app.jar ARGS}; returns stdout, with stderr after a line "--stderr--". */
    private static String run(Path jar, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile("boot", ".err");
        Process child =
                new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the Boot jar did not exit");
        String err = Files.readString(stderr);
        assertEquals(0, child.exitValue(), out + err);
        return out + "--stderr--\n" + err;
    }

    private Path bootJar() throws IOException {
        return new BootJar()
                .start(BootApplicationMain.class)
                .libraryOf(UserEvents.class, "userevents-native.jar")
                .library(
                        "late.jar",
                        "fixture.nested.Late",
                        "fixture.nested.Late$Handler",
                        "fixture.nested.Late$1",
                        "fixture.nested.deeper.Repository")
                .library("other.jar", "fixture.other.Thing")
                .brokenLibrary("broken.jar")
                .write(dir.resolve("app.jar"));
    }

    /**
     * A package that exists only in a nested jar of a real Spring Boot executable jar (Boot's JarLauncher, the
     * layout spring-boot-maven-plugin writes) is found; an unreadable nested jar does not stop the others.
     */
    @Test
    void aPackageOnlyInANestedJarOfABootExecutableJarIsFound() throws Exception {
        String output = run(bootJar(), "list", "fixture.nested");
        String stdout = output.substring(0, output.indexOf("--stderr--"));
        assertEquals(
                "name fixture.nested.Late\nname fixture.nested.Late$Handler\nname fixture.nested.deeper.Repository\n",
                stdout,
                output);
        String stderr = output.substring(output.indexOf("--stderr--"));
        assertFalse(stderr.contains("no class of package"), stderr);
        assertEquals(
                1,
                stderr.lines()
                        .filter(l -> l.contains("cannot read") && l.contains("broken.jar"))
                        .count(),
                "one diagnostic for the unreadable nested jar: " + stderr);
    }

    /** The application's own classes, in BOOT-INF/classes. */
    @Test
    void theApplicationsOwnPackageInBootInfClassesIsFound() throws Exception {
        String output = run(bootJar(), "list", "dev.userevents");
        assertTrue(output.contains("name dev.userevents.BootApplicationMain\n"), output);
        assertTrue(output.contains("name dev.userevents.UserEvents\n"), "and the core's, in its nested jar: " + output);
    }

    /** Nothing found: the one diagnostic names the loaders and the entries that were read. */
    @Test
    void whenNothingIsFoundTheDiagnosticSaysWhatWasRead() throws Exception {
        String output = run(bootJar(), "list", "no.such.pkg");
        assertFalse(output.contains("name "), output);
        String stderr = output.substring(output.indexOf("--stderr--"));
        assertEquals(
                1,
                stderr.lines()
                        .filter(l -> l.contains("no class of package no.such.pkg"))
                        .count(),
                stderr);
        assertTrue(stderr.contains("LaunchedClassLoader") && stderr.contains("app.jar"), stderr);
    }

    @Test
    void directoriesAndJarsOfAClassLoaderAreFoundWithoutDuplicates() throws Exception {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("fixture/dir/sub"));
        Files.write(classes.resolve("fixture/dir/A.class"), BootJar.emptyClass("fixture.dir.A"));
        Files.write(classes.resolve("fixture/dir/A$1.class"), BootJar.emptyClass("fixture.dir.A$1"));
        Files.write(classes.resolve("fixture/dir/sub/B.class"), BootJar.emptyClass("fixture.dir.sub.B"));
        try (java.net.URLClassLoader loader =
                new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, null)) {
            List<String> names = Preregistration.loggerNames(
                    List.of("fixture.dir"),
                    List.of(loader),
                    Preregistration.classPathEntries(List.of(loader)),
                    ModuleLayer.empty());
            assertEquals(List.of("fixture.dir.A", "fixture.dir.sub.B"), names);
        }
        assertEquals(List.of(), diagnostics.lines());
    }

    @Test
    void theJdksOwnModulesAreListedThroughJrt() {
        List<String> names = Preregistration.loggerNames(
                List.of("java.util.logging"),
                List.of(ClassLoader.getPlatformClassLoader()),
                List.of(),
                ModuleLayer.boot());
        assertTrue(names.contains("java.util.logging.Logger"), names.toString());
    }

    @Test
    void anonymousClassesAndDescriptorsAreSkipped() {
        TreeSet<String> names = new TreeSet<>();
        for (String path : List.of(
                "a/B.class",
                "a/B$1.class",
                "a/B$C.class",
                "a/B$1Local.class",
                "a/module-info.class",
                "a/package-info.class",
                "META-INF/versions/22/a/B.class",
                "a/readme.txt")) {
            Preregistration.addIfClass(path, names);
        }
        assertEquals(new TreeSet<>(List.of("a.B", "a.B$C")), names);
    }
}
