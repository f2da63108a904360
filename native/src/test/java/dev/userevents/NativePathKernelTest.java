package dev.userevents;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.testing.ChildJava;
import dev.userevents.testing.KernelTestExtension;
import dev.userevents.testing.NativePathMain;
import dev.userevents.testing.Tracefs;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Which native path reaches the kernel, in a fresh JVM on the packaged multi-release jar (the suites run on JDK 17
 * and on JDK 25): JDK 22+ uses FFM for enable words and calls and never loads JNA; JDK 17-21 uses Unsafe reads
 * and JNA calls. Either way the event arrives, and the JVM prints nothing on stderr (no Unsafe or native-access
 * warning: the harness passes --enable-native-access=ALL-UNNAMED on 22+).
 */
@Tag("kernel")
class NativePathKernelTest {
    @RegisterExtension
    final KernelTestExtension kernel = new KernelTestExtension();

    @Test
    void theNativePathMatchesTheJdkAndDeliversTheEvent() throws Exception {
        List<String> command = ChildJava.main(List.of(), NativePathMain.class.getName());
        Path stderr = Files.createTempFile("native-path", ".err");
        Process child =
                new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        kernel.closeAfter(child::destroyForcibly);
        List<String> out = new ArrayList<>();
        List<String> payloads;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("ready", lines.readLine(), Files.readString(stderr));
            kernel.enable("kt_native_Path_INFO");
            child.getOutputStream().write('\n');
            child.getOutputStream().flush();
            for (String line; (line = lines.readLine()) != null; ) {
                out.add(line);
            }
            assertTrue(child.waitFor(120, TimeUnit.SECONDS));
            payloads = Tracefs.awaitPayloads("kt_native_Path_INFO", 1);
        }
        String errors = Files.readString(stderr);
        Files.delete(stderr);
        boolean ffm = Runtime.version().feature() >= 22;
        String access = ffm
                ? "memory: jdk22: FFM MemorySegment; calls: jdk22: FFM downcalls (writev to user_events_data: critical)"
                : "memory: jdk17: Unsafe.getIntVolatile; calls: jdk17: JNA direct mapping";
        assertEquals(
                List.of("enabled=true written=1", "access=" + access, "jna.loaded=" + (ffm ? "null" : "true")),
                out,
                errors);
        assertEquals(List.of(Tracefs.payload("through " + access, 4)), payloads);
        assertEquals("", errors, "nothing on stderr (no warning)");
    }
}
