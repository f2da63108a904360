package dev.userevents.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelConfigTest {
    @TempDir
    Path root;

    private void write(String relative, String text) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void releasesBefore64AreTooOldAndUnreadableOnesBlameNothing() {
        assertTrue(KernelRelease.isTooOld("5.15.0-25-generic"));
        assertTrue(KernelRelease.isTooOld("6.3.13"));
        assertFalse(KernelRelease.isTooOld("6.4.0"));
        assertFalse(KernelRelease.isTooOld("6.12.107"));
        assertFalse(KernelRelease.isTooOld("10.0"));
        assertFalse(KernelRelease.isTooOld("garbage"));
        assertFalse(KernelRelease.isTooOld(null));
        assertArrayEquals(new int[] {6, 8}, KernelRelease.majorMinor("6.8.0-45-generic"));
        assertNull(KernelRelease.majorMinor("99999999999.1"));
    }

    @Test
    void procConfigGzComesFirstAndSaysWhetherItIsBuiltIn() throws Exception {
        Path gz = root.resolve("proc/config.gz");
        Files.createDirectories(gz.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("CONFIG_FTRACE=y\n# CONFIG_USER_EVENTS is not set\n".getBytes(StandardCharsets.UTF_8));
        }
        write("boot/config-6.8.0", "CONFIG_USER_EVENTS=y\n");
        KernelConfig.Finding finding = KernelConfig.userEvents(root, "6.8.0");
        assertEquals(gz, finding.source);
        assertFalse(finding.builtIn);
        assertEquals("# CONFIG_USER_EVENTS is not set", finding.line);
    }

    @Test
    void bootThenLibModulesAndAnAbsentOptionIsNotBuiltIn() throws Exception {
        assertNull(KernelConfig.userEvents(root, "6.8.0"), "no config anywhere");
        write("lib/modules/6.8.0/config", "CONFIG_TRACING=y\nCONFIG_USER_EVENTS=y\n");
        assertTrue(KernelConfig.userEvents(root, "6.8.0").builtIn);
        write("boot/config-6.8.0", "CONFIG_TRACING=y\n");
        KernelConfig.Finding boot = KernelConfig.userEvents(root, "6.8.0");
        assertEquals(root.resolve("boot/config-6.8.0"), boot.source);
        assertFalse(boot.builtIn);
        assertEquals("CONFIG_USER_EVENTS absent", boot.line);
    }

    @Test
    void aFileThatIsNoConfigOrACorruptGzipIsSkipped() throws Exception {
        write("proc/config.gz", "not gzip");
        write("boot/config-6.8.0", "hello\n");
        write("lib/modules/6.8.0/config", "CONFIG_USER_EVENTS=y\n");
        assertEquals(root.resolve("lib/modules/6.8.0/config"), KernelConfig.userEvents(root, "6.8.0").source);
    }
}
