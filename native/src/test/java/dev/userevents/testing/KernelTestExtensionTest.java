package dev.userevents.testing;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kernel tests' release order and failure handling, on the host (no tracefs is touched). */
class KernelTestExtensionTest {
    private final KernelTestExtension kernel = new KernelTestExtension();
    private final List<String> released = new ArrayList<>();

    @Test
    void releasesNewestFirstAndOnlyOnce() throws Exception {
        kernel.closeAfter(() -> released.add("opened first"));
        kernel.closeAfter(() -> released.add("opened second"));
        kernel.afterEach(null);
        kernel.afterEach(null);
        assertEquals(List.of("opened second", "opened first"), released);
    }

    @Test
    void everyReleaseRunsWhenOneFailsAndTheFirstFailureIsThrownWithTheOthersSuppressed() {
        kernel.closeAfter(() -> released.add("oldest"));
        kernel.closeAfter(() -> {
            throw new IllegalStateException("older failure");
        });
        kernel.closeAfter(() -> fail("newest failure"));
        Throwable thrown = assertThrows(AssertionError.class, () -> kernel.afterEach(null));
        assertEquals("newest failure", thrown.getMessage());
        assertEquals(1, thrown.getSuppressed().length);
        assertEquals("older failure", thrown.getSuppressed()[0].getMessage());
        assertEquals(List.of("oldest"), released);
    }
}
