package dev.userevents.slf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The snapshot is copied once per state of the map, and every change is seen by the next read. */
class SnapshotMdcAdapterTest {
    private final SnapshotMdcAdapter mdc = new SnapshotMdcAdapter();

    @Test
    void emptyUntilSomethingIsPut() {
        assertTrue(mdc.snapshot().isEmpty());
        mdc.put("request", "7");
        assertEquals(Map.of("request", "7"), mdc.snapshot());
    }

    @Test
    void copiedOnlyAfterAChange() {
        mdc.put("request", "7");
        Map<String, String> first = mdc.snapshot();
        assertSame(first, mdc.snapshot(), "no change, no copy");
        mdc.put("user", "ann");
        Map<String, String> second = mdc.snapshot();
        assertEquals(Map.of("request", "7", "user", "ann"), second);
        assertEquals(Map.of("request", "7"), first, "an earlier snapshot does not change");
        mdc.remove("request");
        assertEquals(Map.of("user", "ann"), mdc.snapshot());
        mdc.setContextMap(Map.of("a", "1"));
        assertEquals(Map.of("a", "1"), mdc.snapshot());
        mdc.clear();
        assertTrue(mdc.snapshot().isEmpty());
    }

    @Test
    void readOnly() {
        mdc.put("request", "7");
        assertThrows(UnsupportedOperationException.class, () -> mdc.snapshot().put("x", "y"));
    }

    @Test
    void aChildThreadSeesWhatItInherited() throws InterruptedException {
        mdc.put("request", "7");
        mdc.snapshot();
        AtomicReference<Map<String, String>> seen = new AtomicReference<>();
        Thread child = new Thread(() -> {
            mdc.put("child", "yes");
            seen.set(mdc.snapshot());
        });
        child.start();
        child.join();
        assertEquals(Map.of("request", "7", "child", "yes"), seen.get());
        assertEquals(Map.of("request", "7"), mdc.snapshot(), "the child's put is its own");
    }
}
