package dev.userevents.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Writes an executable jar in Spring Boot's layout, as {@code spring-boot-maven-plugin} repackages one: Boot's
 * loader classes at the root ({@code Main-Class: JarLauncher}), the application in {@code BOOT-INF/classes}, each
 * library as a stored jar in {@code BOOT-INF/lib}. Run with {@code java -jar}, Boot's own {@code LaunchedClassLoader}
 * serves them through {@code jar:nested:} URLs.
 */
public final class BootJar {
    private final Map<String, byte[]> classes = new LinkedHashMap<>();
    private final Map<String, byte[]> libs = new LinkedHashMap<>();
    private String startClass;

    /** The class to run ({@code Start-Class}), copied with its nested classes from this JVM's class path. */
    public BootJar start(Class<?> main) throws IOException {
        startClass = main.getName();
        return application(main);
    }

    /** A class of this JVM's class path (and its nested classes) into {@code BOOT-INF/classes}. */
    public BootJar application(Class<?> type) throws IOException {
        Path root = codeSource(type);
        String path = type.getName().replace('.', '/');
        Path dir = root.resolve(path).getParent();
        String simple = path.substring(path.lastIndexOf('/') + 1);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.equals(simple + ".class") || name.startsWith(simple + "$")) {
                    classes.put(path.substring(0, path.lastIndexOf('/') + 1) + name, Files.readAllBytes(file));
                }
            }
        }
        return this;
    }

    /** A library jar made of minimal classes with these binary names. */
    public BootJar library(String jarName, String... classNames) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (String name : classNames) {
            entries.put(name.replace('.', '/') + ".class", emptyClass(name));
        }
        libs.put(jarName, jar(entries, null));
        return this;
    }

    /** The jar or directory that holds {@code type} on this JVM's class path, as a library jar. */
    public BootJar libraryOf(Class<?> type, String jarName) throws IOException {
        Path source = codeSource(type);
        libs.put(jarName, Files.isDirectory(source) ? jar(directoryEntries(source), null) : Files.readAllBytes(source));
        return this;
    }

    /** Bytes that are not a jar, as {@code BOOT-INF/lib/NAME}: a library Boot cannot open. */
    public BootJar brokenLibrary(String jarName) {
        libs.put(jarName, "not a zip file".getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    public Path write(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile loader = new ZipFile(codeSource(org.springframework.boot.loader.launch.JarLauncher.class)
                .toFile())) {
            for (Enumeration<? extends ZipEntry> all = loader.entries(); all.hasMoreElements(); ) {
                ZipEntry entry = all.nextElement();
                if (!entry.isDirectory() && !entry.getName().startsWith("META-INF/")) {
                    entries.put(entry.getName(), loader.getInputStream(entry).readAllBytes());
                }
            }
        }
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            entries.put("BOOT-INF/classes/" + entry.getKey(), entry.getValue());
        }
        StringBuilder index = new StringBuilder();
        for (Map.Entry<String, byte[]> lib : libs.entrySet()) {
            entries.put("BOOT-INF/lib/" + lib.getKey(), lib.getValue());
            index.append("- \"BOOT-INF/lib/").append(lib.getKey()).append("\"\n");
        }
        entries.put("BOOT-INF/classpath.idx", index.toString().getBytes(StandardCharsets.UTF_8));
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, "org.springframework.boot.loader.launch.JarLauncher");
        main.putValue("Start-Class", startClass);
        main.putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
        main.putValue("Spring-Boot-Lib", "BOOT-INF/lib/");
        main.putValue("Spring-Boot-Classpath-Index", "BOOT-INF/classpath.idx");
        main.putValue("Enable-Native-Access", "ALL-UNNAMED");
        Files.write(file, jar(entries, manifest));
        return file;
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Paths.get(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> directoryEntries(Path root) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                if (Files.isRegularFile(file)) {
                    entries.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
        }
        return entries;
    }

    /**
     * A jar with directory entries (as Maven and Boot write them) and every entry stored, as Boot requires of the
     * jars it nests (a stored outer entry is what {@code jar:nested:} reads in place).
     */
    private static byte[] jar(Map<String, byte[]> entries, Manifest manifest) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out =
                manifest == null ? new JarOutputStream(bytes) : new JarOutputStream(bytes, manifest)) {
            TreeSet<String> directories = new TreeSet<>();
            for (String name : entries.keySet()) {
                for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                    directories.add(name.substring(0, slash + 1));
                }
            }
            for (String directory : directories) {
                put(out, directory, new byte[0]);
            }
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                put(out, entry.getKey(), entry.getValue());
            }
        }
        return bytes.toByteArray();
    }

    private static void put(JarOutputStream out, String name, byte[] content) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        entry.setTime(0);
        out.putNextEntry(entry);
        out.write(content);
        out.closeEntry();
    }

    /**
     * The smallest loadable class file: {@code public class NAME extends Object}, no members (Java 17, version 61).
     * Lets a test ship a class that exists only inside a nested jar, never on its own class path.
     */
    public static byte[] emptyClass(String binaryName) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
            out.writeInt(0xCAFEBABE);
            out.writeShort(0); // minor
            out.writeShort(61); // major: Java 17
            out.writeShort(5); // constant pool count: entries 1..4
            out.writeByte(7); // #1 Class -> #2
            out.writeShort(2);
            out.writeByte(1); // #2 Utf8 this class
            out.writeUTF(binaryName.replace('.', '/'));
            out.writeByte(7); // #3 Class -> #4
            out.writeShort(4);
            out.writeByte(1); // #4 Utf8 java/lang/Object
            out.writeUTF("java/lang/Object");
            out.writeShort(0x0021); // ACC_PUBLIC | ACC_SUPER
            out.writeShort(1); // this_class
            out.writeShort(3); // super_class
            out.writeShort(0); // interfaces
            out.writeShort(0); // fields
            out.writeShort(0); // methods
            out.writeShort(0); // attributes
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
