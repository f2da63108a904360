package dev.userevents;

import dev.userevents.spi.Diagnostics;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Logger names for {@link UserEventsConfig#preregisterPackages()}: the binary names of the classes of those
 * packages (and subpackages) on the class path, the names that {@code LoggerFactory.getLogger(Foo.class)} and
 * {@code LogManager.getLogger()} give. Registering them at start-up closes the window of the common
 * {@code static final Logger} in a class loaded late (on the first connection, say): its events exist before the
 * class does, so {@code userevents enable} and perf find them, and its first line is captured.
 *
 * <p>Scans the directories and jars of {@code java.class.path} and of the {@link URLClassLoader}s that load this
 * class or the caller's context (an application server's web-app loader, a test launcher's); not nested jars of a
 * fat jar, not the module path. Anonymous and local classes ({@code Foo$1}) are skipped. At most {@link #MAX_LOGGERS} names, so a broad
 * package cannot eat the kernel's event limit; a package with no class is reported once and ignored.
 */
final class Preregistration {
    /** Six events each: 24 576 of the kernel's default 32 768, leaving room for the loggers the app creates. */
    static final int MAX_LOGGERS = 4096;
    private static final String CLASS_SUFFIX = ".class";

    private Preregistration() {}

    /** The directories and jars to scan, in class-path order, without repeats. */
    static List<Path> classPathEntries() {
        java.util.LinkedHashSet<Path> entries = new java.util.LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Paths.get(entry));
            }
        }
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                Preregistration.class.getClassLoader()}) {
            for (; loader != null; loader = loader.getParent()) {
                if (loader instanceof URLClassLoader) {
                    for (URL url : ((URLClassLoader) loader).getURLs()) {
                        if ("file".equals(url.getProtocol())) {
                            try {
                                entries.add(Paths.get(url.toURI()));
                            } catch (URISyntaxException | IllegalArgumentException e) {
                                // not a plain file URL: nothing to scan
                            }
                        }
                    }
                }
            }
        }
        return new ArrayList<>(entries);
    }

    /** The class names under {@code packages} in {@code classPath}, sorted, at most {@link #MAX_LOGGERS}. */
    static List<String> loggerNames(List<String> packages, List<Path> classPath) {
        TreeSet<String> names = new TreeSet<>();
        for (String pkg : packages) {
            String prefix = pkg.trim().replace('.', '/');
            if (prefix.isEmpty()) {
                continue;
            }
            int before = names.size();
            for (Path entry : classPath) {
                scan(entry, prefix + "/", names);
            }
            if (names.size() == before) {
                Diagnostics.reportOnce("preregister:" + pkg, "preregister: no class of package " + pkg.trim()
                        + " on the class path; ignored (reported once).");
            }
        }
        if (names.size() <= MAX_LOGGERS) {
            return new ArrayList<>(names);
        }
        Diagnostics.reportOnce("preregister:max", "preregister: " + names.size() + " classes found, registering the first "
                + MAX_LOGGERS + " by name; name narrower packages (reported once).");
        return new ArrayList<>(names).subList(0, MAX_LOGGERS);
    }

    private static void scan(Path entry, String packagePath, TreeSet<String> names) {
        try {
            if (Files.isDirectory(entry)) {
                Path dir = entry.resolve(packagePath);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.walk(dir)) {
                        files.forEach(file -> addIfClass(entry.relativize(file).toString().replace(File.separatorChar, '/'), names));
                    }
                }
            } else if (Files.isRegularFile(entry)) {
                try (ZipFile jar = new ZipFile(entry.toFile())) {
                    for (Enumeration<? extends ZipEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                        String path = entries.nextElement().getName();
                        if (path.startsWith(packagePath)) {
                            addIfClass(path, names);
                        }
                    }
                }
            }
        } catch (IOException | UncheckedIOException | SecurityException e) {
            Diagnostics.reportOnce("preregister:" + entry, "preregister: cannot read " + entry + ": " + e);
        }
    }

    /** {@code a/b/Foo$Bar.class} to {@code a.b.Foo$Bar}; nothing for anonymous/local classes and descriptors. */
    static void addIfClass(String path, TreeSet<String> names) {
        if (!path.endsWith(CLASS_SUFFIX)) {
            return;
        }
        String name = path.substring(0, path.length() - CLASS_SUFFIX.length()).replace('/', '.');
        if (name.endsWith("module-info") || name.endsWith("package-info")) {
            return;
        }
        for (int dollar = name.indexOf('$'); dollar >= 0; dollar = name.indexOf('$', dollar + 1)) {
            if (dollar + 1 < name.length() && Character.isDigit(name.charAt(dollar + 1))) {
                return; // Foo$1, Foo$1Local: no logger is named after these
            }
        }
        names.add(name);
    }
}
