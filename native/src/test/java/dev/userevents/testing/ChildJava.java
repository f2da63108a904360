package dev.userevents.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The command line of a child JVM in a test: this JDK's {@code java} with the flags every child takes, so the
 * suites' child JVMs start the same way and as fast as the VM allows.
 *
 * <ul>
 *   <li>How it compiles: {@code -XX:TieredStopAtLevel=1} by default (a child lives seconds; C2's compiler threads
 *       would take the CPU the test is waiting on), or what {@code -Duserevents.testChildJit} says ({@code
 *       vm/run-kernel-tests} gives {@code -Xint}: under the VM's emulation every compiled method costs its
 *       translation again, and a child started in 4.8 s interpreted against 8.1 s with C1, 2026-12-02).
 *   <li>Class data sharing from the JDK's archive ({@code -Xshare:auto}).
 *   <li>{@code --enable-native-access=ALL-UNNAMED} on JDK 22+, as the README asks of applications.
 * </ul>
 */
public final class ChildJava {
    private ChildJava() {}

    /** The class path of the tests themselves: inside the VM the launcher's, on the host Surefire's. */
    public static String testClasspath() {
        return System.getProperty("userevents.testClasspath", System.getProperty("java.class.path"));
    }

    /** How a child compiles: {@code -Duserevents.testChildJit} (the VM's harness gives {@code -Xint}), else C1 only. */
    public static String jit() {
        return System.getProperty("userevents.testChildJit", "-XX:TieredStopAtLevel=1");
    }

    /** {@code java}, the common flags, then {@code options}; the caller adds its class path or jar. */
    public static List<String> java(String... options) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                jit(),
                "-Djna.tmpdir=/tmp",
                "-Xshare:auto"));
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(Arrays.asList(options));
        return command;
    }

    /** A child running {@code mainClass} on the test class path. */
    public static List<String> main(List<String> options, String mainClass, String... args) {
        String classpath = testClasspath();
        List<String> command = java(options.toArray(new String[0]));
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** {@code classpath} copied where another user (nobody) can read it: ~/.m2 is root's. */
    public static String readableCopy(String classpath) throws IOException {
        Path dir = Files.createTempDirectory("readable-cp");
        dir.toFile().setReadable(true, false);
        dir.toFile().setExecutable(true, false);
        List<String> copies = new ArrayList<>();
        int n = 0;
        for (String entry : classpath.split(File.pathSeparator)) {
            Path source = Path.of(entry);
            Path target = dir.resolve("e" + n++ + (Files.isDirectory(source) ? "" : ".jar"));
            if (Files.isDirectory(source)) {
                try (Stream<Path> tree = Files.walk(source)) {
                    for (Path file : (Iterable<Path>) tree::iterator) {
                        Path copy = target.resolve(source.relativize(file).toString());
                        Files.copy(file, copy);
                        copy.toFile().setReadable(true, false);
                        copy.toFile().setExecutable(true, false);
                    }
                }
            } else if (Files.exists(source)) {
                Files.copy(source, target);
                target.toFile().setReadable(true, false);
            }
            copies.add(target.toString());
        }
        return String.join(File.pathSeparator, copies);
    }
}
