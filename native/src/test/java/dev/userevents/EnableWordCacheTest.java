package dev.userevents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.userevents.testing.InMemoryDevice;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cache answers with the word of the logger asked about, or a miss; never another logger's word. */
class EnableWordCacheTest {
    @Test
    void aHitReadsTheLoggersOwnWordAndCollisionsAreMisses() {
        InMemoryDevice device = new InMemoryDevice();
        try (UserEvents core = UserEvents.open(
                UserEventsConfig.builder().mode(Mode.SYNC).shutdownHook(false).build(), device)) {
            EnableWordCache cache = new EnableWordCache();
            List<Object> loggers = new ArrayList<>();
            List<LoggerEvents> events = new ArrayList<>();
            for (int i = 0; i < 3000; i++) { // three times the slots: collisions certain
                Object logger = new Object();
                assertNull(cache.get(logger));
                LoggerEvents each = core.logger("cache.L" + i);
                EnableWord cached = cache.put(logger, each.word());
                assertSame(logger, cached.tag());
                loggers.add(logger);
                events.add(each);
            }
            for (int i = 0; i < loggers.size(); i += 7) {
                device.setEnabled(events.get(i), Level.WARN, true);
            }
            int hits = 0;
            for (int i = 0; i < loggers.size(); i++) {
                EnableWord word = cache.get(loggers.get(i));
                if (word != null) {
                    hits++;
                    assertSame(loggers.get(i), word.tag());
                    assertEquals(events.get(i).word().read(), word.read(), "logger " + i + " reads its own word");
                    assertEquals(i % 7 == 0, (word.read() & Level.WARN.enableMask) != 0);
                }
            }
            assertEquals(true, hits > 0 && hits <= 1024, "hits " + hits);
        }
    }
}
