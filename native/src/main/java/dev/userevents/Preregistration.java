package dev.userevents;

import dev.userevents.spi.Diagnostics;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleReader;
import java.lang.module.ResolvedModule;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Logger names for {@link UserEventsConfig#preregisterPackages()}: the binary names of the classes of those
 * packages (and subpackages), the names that {@code LoggerFactory.getLogger(Foo.class)} and
 * {@code LogManager.getLogger()} give. Registering them at start-up closes the window of the common
 * {@code static final Logger} in a class loaded late (on the first connection, say): its events exist before the
 * class does, so {@code userevents enable} and perf find them, and its first line is captured.
 *
 * <p>Classes are listed wherever the application's class loaders find them, in three passes whose results are merged:
 * <ol>
 * <li>each loader's {@code getResources("a/b/")} (the context loader, this class's loader, the system loader, and
 * their parents): directories ({@code file:}), jars and anything a loader serves as a {@link JarURLConnection}
 * (a Spring Boot executable jar's {@code jar:nested:} URLs for {@code BOOT-INF/classes} and each
 * {@code BOOT-INF/lib/*.jar}, a WAR's {@code WEB-INF} under Tomcat or Jetty), and {@code jrt:} modules;</li>
 * <li>the directories and jars of {@code java.class.path} and of the {@link URLClassLoader}s above, for jars built
 * without directory entries (which {@code getResources} of a directory does not see);</li>
 * <li>the modules of the boot layer that hold one of the packages (the module path).</li>
 * </ol>
 * Anonymous and local classes ({@code Foo$1}) are skipped. At most {@link #MAX_LOGGERS} names, so a broad package
 * cannot eat the kernel's event limit; a package with no class is reported once, naming what was read; a source
 * that cannot be read is reported once and the others are still read.
 */
final class Preregistration {
    /**
     * Six events each: 6 144. The kernel deletes a closed process's events in deferred work whose cost grows faster
     * than the count (in the test VM: 1 002 events 0.31 s, 10 002 events 6.3 s, 32 766 events 116 s; meanwhile
     * tracefs writes and other processes' registrations wait on the same lock), so a broad package costs every
     * tracing user of the host at the application's exit.
     */
    static final int MAX_LOGGERS = 1024;

    private static final String CLASS_SUFFIX = ".class";
    private static final int SOURCES_NAMED = 12;

    private Preregistration() {}

    /** The class loaders to ask: the context loader, this class's loader, the system loader, each with its parents. */
    static List<ClassLoader> classLoaders() {
        LinkedHashSet<ClassLoader> loaders = new LinkedHashSet<>();
        for (ClassLoader loader : new ClassLoader[] {
            Thread.currentThread().getContextClassLoader(),
            Preregistration.class.getClassLoader(),
            ClassLoader.getSystemClassLoader()
        }) {
            for (; loader != null; loader = loader.getParent()) {
                loaders.add(loader);
            }
        }
        return new ArrayList<>(loaders);
    }

    /** The directories and jars of the class path and of URL class loaders, in order, without repeats. */
    static List<Path> classPathEntries(List<ClassLoader> loaders) {
        LinkedHashSet<Path> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Paths.get(entry));
            }
        }
        for (ClassLoader loader : loaders) {
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
        return new ArrayList<>(entries);
    }

    /** The class names under {@code packages}, wherever this application's loaders find them. */
    static List<String> loggerNames(List<String> packages) {
        List<ClassLoader> loaders = classLoaders();
        return loggerNames(packages, loaders, classPathEntries(loaders), ModuleLayer.boot());
    }

    /** The class names under {@code packages} in those sources, sorted, at most {@link #MAX_LOGGERS}. */
    static List<String> loggerNames(
            List<String> packages, List<ClassLoader> loaders, List<Path> classPath, ModuleLayer layer) {
        TreeSet<String> names = new TreeSet<>();
        for (String pkg : packages) {
            String prefix = pkg.trim().replace('.', '/');
            if (prefix.isEmpty()) {
                continue;
            }
            Scan scan = new Scan(prefix + "/", names);
            int before = names.size();
            for (ClassLoader loader : loaders) {
                scan.loader(loader);
            }
            for (Path entry : classPath) {
                scan.path(entry);
            }
            scan.modules(layer);
            if (names.size() == before) {
                Diagnostics.reportOnce(
                        "preregister:" + pkg,
                        "preregister: no class of package " + pkg.trim() + " found; ignored (reported once). Read: "
                                + describe(loaders, scan.sourcesRead));
            }
        }
        if (names.size() <= MAX_LOGGERS) {
            return new ArrayList<>(names);
        }
        Diagnostics.reportOnce(
                "preregister:max",
                "preregister: " + names.size() + " classes found, registering the first " + MAX_LOGGERS
                        + " by name; name narrower packages (reported once).");
        return new ArrayList<>(names).subList(0, MAX_LOGGERS);
    }

    private static String describe(List<ClassLoader> loaders, Set<String> sources) {
        StringBuilder text = new StringBuilder("class loaders ");
        List<String> loaderNames = new ArrayList<>();
        for (ClassLoader loader : loaders) {
            loaderNames.add(loader.getClass().getName());
        }
        text.append(loaderNames).append("; ").append(sources.size()).append(" entries");
        List<String> named = new ArrayList<>(sources).subList(0, Math.min(SOURCES_NAMED, sources.size()));
        text.append(named.isEmpty() ? "" : " " + named);
        if (sources.size() > SOURCES_NAMED) {
            text.append(" and ").append(sources.size() - SOURCES_NAMED).append(" more");
        }
        return text.toString();
    }

    /** One package's listing: what was read (so nothing is read twice), and the names found. */
    private static final class Scan {
        final String packagePath;
        final TreeSet<String> names;
        final Set<String> sourcesRead = new LinkedHashSet<>();

        Scan(String packagePath, TreeSet<String> names) {
            this.packagePath = packagePath;
            this.names = names;
        }

        void loader(ClassLoader loader) {
            Enumeration<URL> urls;
            try {
                urls = loader.getResources(packagePath);
            } catch (IOException | RuntimeException e) {
                Diagnostics.reportOnce(
                        "preregister:" + loader,
                        "preregister: " + loader + " cannot list " + packagePath + ": " + e + " (reported once)");
                return;
            }
            for (URL url : Collections.list(urls)) {
                read(url);
            }
            // The loader's own jars that getResources did not answer for: jars without directory entries, and
            // ones the loader skips when unreadable (Boot's nested jars), which get their diagnostic here.
            if (loader instanceof URLClassLoader) {
                for (URL url : ((URLClassLoader) loader).getURLs()) {
                    if ("jar".equals(url.getProtocol())) {
                        read(url);
                    }
                }
            }
        }

        private void read(URL url) {
            try {
                url(url);
            } catch (IOException | RuntimeException e) {
                Diagnostics.reportOnce(
                        "preregister:" + url,
                        "preregister: cannot read " + url + ": " + e
                                + "; the other entries are still read (reported once).");
            }
        }

        private void url(URL url) throws IOException {
            String protocol = url.getProtocol();
            if ("file".equals(protocol) || "jrt".equals(protocol)) {
                Path dir;
                try {
                    dir = Paths.get(url.toURI());
                } catch (URISyntaxException e) {
                    throw new IOException(e);
                }
                directory(dir);
                return;
            }
            URLConnection connection = url.openConnection();
            if (!(connection instanceof JarURLConnection)) {
                Diagnostics.reportOnce(
                        "preregister:" + protocol,
                        "preregister: cannot list " + url + " (a " + protocol
                                + ": URL is neither a directory nor a jar); its classes are not preregistered (reported once).");
                return;
            }
            JarURLConnection jar = (JarURLConnection) connection;
            // root: the part of the entry names before the package ("" in a plain jar, "WEB-INF/classes/" in a packed
            // WAR); the URL names either the package's directory (getResources) or the root (a loader's URL list).
            String entry = jar.getEntryName() == null ? "" : jar.getEntryName();
            String root = entry.endsWith(packagePath)
                    ? entry.substring(0, entry.length() - packagePath.length())
                    : entry.isEmpty() || entry.endsWith("/") ? entry : entry + "/";
            String start = root + packagePath;
            URL jarFileUrl = jar.getJarFileURL();
            if ("file".equals(jarFileUrl.getProtocol()) && root.isEmpty()) { // a plain jar: opened and closed here
                try {
                    Path path = key(Paths.get(jarFileUrl.toURI()));
                    if (sourcesRead.add(path.toString())) {
                        zip(path);
                    }
                    return;
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // not a plain path after all: list it through the connection below
                }
            }
            if (!sourcesRead.add(jarFileUrl + "!/" + root)) {
                return;
            }
            // A nested or otherwise served jar: the loader's own, shared and cached; listed, not closed.
            JarFile file = jar.getJarFile();
            for (Enumeration<? extends ZipEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (name.startsWith(start)) {
                    addIfClass(name.substring(root.length()), names);
                }
            }
        }

        private static Path key(Path path) {
            return path.toAbsolutePath().normalize();
        }

        /** A class-path entry not already read through a loader. */
        void path(Path classPathEntry) {
            Path entry = key(classPathEntry);
            try {
                if (Files.isDirectory(entry)) {
                    directory(entry.resolve(packagePath));
                } else if (Files.isRegularFile(entry) && sourcesRead.add(entry.toString())) {
                    zip(entry);
                }
            } catch (IOException | UncheckedIOException | SecurityException e) {
                Diagnostics.reportOnce(
                        "preregister:" + entry,
                        "preregister: cannot read " + entry + ": " + e
                                + "; the other entries are still read (reported once).");
            }
        }

        /** Named modules of the layer that hold the package or a subpackage (the module path). */
        void modules(ModuleLayer layer) {
            String pkg = packagePath.substring(0, packagePath.length() - 1).replace('/', '.');
            for (ResolvedModule module : layer.configuration().modules()) {
                boolean holds = module.reference().descriptor().packages().stream()
                        .anyMatch(p -> p.equals(pkg) || p.startsWith(pkg + "."));
                String source = "module " + module.name();
                if (!holds || !sourcesRead.add(source)) {
                    continue;
                }
                try (ModuleReader reader = module.reference().open();
                        Stream<String> resources = reader.list()) {
                    resources.filter(name -> name.startsWith(packagePath)).forEach(name -> addIfClass(name, names));
                } catch (IOException | RuntimeException e) {
                    Diagnostics.reportOnce(
                            "preregister:" + source,
                            "preregister: cannot read " + source + ": " + e
                                    + "; the other entries are still read (reported once).");
                }
            }
        }

        /** A directory at the package's path, once per class-path root; names relative to that root. */
        private void directory(Path packageDir) throws IOException {
            Path root = packageDir;
            for (int segments = packagePath.split("/").length; segments > 0 && root != null; segments--) {
                root = root.getParent();
            }
            if (root == null) {
                return;
            }
            boolean jrt = "jrt".equals(root.getFileSystem().provider().getScheme());
            if (!jrt && !sourcesRead.add(key(root).toString()) || !Files.isDirectory(packageDir)) {
                return; // read before, or this root has no such package
            }
            Path classRoot = root;
            try (Stream<Path> files = Files.walk(packageDir)) {
                files.forEach(file ->
                        addIfClass(classRoot.relativize(file).toString().replace(File.separatorChar, '/'), names));
            }
        }

        private void zip(Path jar) throws IOException {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                    String path = entries.nextElement().getName();
                    if (path.startsWith(packagePath)) {
                        addIfClass(path, names);
                    }
                }
            }
        }
    }

    /** {@code a/b/Foo$Bar.class} to {@code a.b.Foo$Bar}; nothing for anonymous/local classes and descriptors. */
    static void addIfClass(String path, TreeSet<String> names) {
        if (!path.endsWith(CLASS_SUFFIX) || path.startsWith("META-INF/")) {
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
