package dev.userevents;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.kernel.NativeMemory;
import dev.userevents.testing.ChildJava;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The enable-word read paths on the host: the default one of this JDK, and the forced ByteBuffer fallback. */
class NativeMemoryTest {
    /**
     * What the kernel does to a registered word: a store at its address from outside Java's view of it. Both reads
     * see it: the word's own and {@code EnableWord.read(word, address)}, a front end's logger's.
     */
    static int roundTrip() {
        EnableWord word = new EnableWords().allocate();
        long address = word.address();
        int before = word.read() | EnableWord.read(word, address);
        new com.sun.jna.Pointer(address).setInt(0, 0x24);
        int after = word.read() & EnableWord.read(word, address);
        word.clear();
        return before == 0 && after == 0x24 && (word.read() | EnableWord.read(word, address)) == 0 ? 1 : 0;
    }

    @Test
    void theDefaultPathReadsWhatIsWrittenAtTheAddress() {
        assertEquals(
                Runtime.version().feature() >= 22 ? "jdk17: ByteBuffer view" : "jdk17: Unsafe.getIntVolatile",
                NativeMemory.describe(),
                "surefire runs on target/classes: the JDK 17 classes");
        assertEquals(1, roundTrip());
    }

    /** Stands in for a JVM without jdk.unsupported: the view is used, and reads the same words. */
    @Test
    void theForcedFallbackReadsTheSameWords() throws Exception {
        Process child = new ProcessBuilder(
                        ChildJava.main(List.of("-Duserevents.nativeMemory=bytebuffer"), FallbackMain.class.getName()))
                .redirectErrorStream(true)
                .start();
        List<String> out;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            out = lines.lines().collect(Collectors.toList());
        }
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(List.of("jdk17: ByteBuffer view", "roundTrip=1"), out);
    }

    /** The child of {@link #theForcedFallbackReadsTheSameWords}. */
    public static final class FallbackMain {
        public static void main(String[] args) {
            System.out.println(NativeMemory.describe());
            System.out.println("roundTrip=" + roundTrip());
        }
    }
}
