package dev.userevents;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.kernel.EventNames;
import dev.userevents.kernel.UserEventsAbi;
import org.junit.jupiter.api.Test;

class EventNamesTest {
    @Test
    void dotsAndDollarsMapToUnderscoresWithoutAHash() {
        assertEquals("com_example_Foo_Bar", EventNames.baseName("", "com.example.Foo$Bar"));
        assertEquals("my_module_Foo", EventNames.baseName("", "my_module.Foo"));
    }

    @Test
    void anyOtherLossGetsAStableHash() {
        assertTrue(EventNames.baseName("", "a b;c:d\te").matches("a_b_c_d_e_h[0-9a-f]{8}"));
        assertTrue(
                EventNames.baseName("", "x_\uD83D\uDE00y").matches("x__y_h[0-9a-f]{8}"),
                "a surrogate pair is one character");
        assertTrue(EventNames.baseName("", "caf\u00e9").matches("caf__h[0-9a-f]{8}"));
        // The case: per-context loggers whose names differ only in non-ASCII letters.
        String a = EventNames.baseName("", "org.eclipse.jetty.server.handler.ContextHandler.\u00fcn\u00ef");
        String b = EventNames.baseName("", "org.eclipse.jetty.server.handler.ContextHandler.\u00fcxy");
        assertNotEquals(a, b);
        assertTrue(a.matches("org_eclipse_jetty_server_handler_ContextHandler__n__h[0-9a-f]{8}"), a);
        // Stable: pinned, so a change of the hash (which renames users' events) fails here.
        assertEquals(
                "caf__h" + String.format("%08x", (int) (EventNames.hash("caf\u00e9") >>> 32)),
                EventNames.baseName("", "caf\u00e9"));
        assertEquals(0xcbf29ce484222325L, EventNames.hash(""), "FNV-1a 64 offset basis");
        assertEquals(0x089be207b544f1e4L, EventNames.hash("a"), "FNV-1a 64 of the bytes 0x61 0x00");
    }

    /** The documented mapping: equal after '.' and '$' become '_'. */
    private static String documented(String loggerName) {
        return loggerName.replace('.', '_').replace('$', '_');
    }

    /** Property: names that differ beyond the documented mapping never share a base name (pure function). */
    @Test
    void namesDifferingBeyondTheDocumentedMappingNeverShareAnEventName() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(0x5eedL);
        String[] alphabet = {"a", "b", ".", "$", "_", "\u00fc", "\u00ef", "-", " ", ":", "\uD83D\uDE00", "A", "1"};
        java.util.Map<String, String> documentedByBase = new java.util.HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int length = 1 + random.nextInt(6); length > 0; length--) {
                name.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String base = EventNames.baseName("", name.toString());
            String previous = documentedByBase.putIfAbsent(base, documented(name.toString()));
            assertTrue(
                    previous == null || previous.equals(documented(name.toString())),
                    "'" + name + "' and a name that maps to '" + previous + "' share " + base);
        }
    }

    /** Property: within a process, two different logger names never get one event, documented mapping included. */
    @Test
    void theRegistryNeverGivesTwoLoggersOneEvent() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(0xca11L);
        String[] alphabet = {"a", ".", "$", "_", "\u00fc", "-"};
        EventRegistry registry = new EventRegistry(new dev.userevents.testing.InMemoryDevice(), "", null);
        java.util.Map<String, String> loggerByBase = new java.util.HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int length = 1 + random.nextInt(5); length > 0; length--) {
                name.append(alphabet[random.nextInt(alphabet.length)]);
            }
            LoggerEvents events = registry.logger(name.toString());
            assertTrue(events.isRegistered(), name.toString());
            assertSame(events, registry.logger(name.toString()), "one instance per name");
            String previous = loggerByBase.putIfAbsent(events.baseName(), name.toString());
            assertTrue(
                    previous == null || previous.equals(name.toString()),
                    "'" + name + "' and '" + previous + "' share " + events.baseName());
        }
        assertTrue(
                loggerByBase.size() > 1_000,
                "the alphabet makes many documented-mapping collisions: " + loggerByBase.size());
    }

    @Test
    void theSecondLoggerOnADocumentedNameGetsTheFullHash() {
        EventRegistry registry = new EventRegistry(new dev.userevents.testing.InMemoryDevice(), "", null);
        assertEquals("x_y", registry.logger("x.y").baseName());
        assertEquals(
                "x_y_h" + String.format("%016x", EventNames.hash("x$y")),
                registry.logger("x$y").baseName());
        assertEquals("x_y", registry.logger("x.y").baseName(), "the first keeps its name");
    }

    @Test
    void rootLoggerIsRoot() {
        assertEquals("root", EventNames.baseName("", ""));
        assertEquals("root", EventNames.baseName("", null));
        assertEquals("app_root", EventNames.baseName("app_", ""));
    }

    @Test
    void prefixIsSanitizedAndBounded() {
        assertEquals("my_app_", EventNames.sanitizePrefix("my-app."));
        assertEquals(
                EventNames.MAX_PREFIX_LENGTH,
                EventNames.sanitizePrefix("p".repeat(500)).length());
    }

    @Test
    void eventNameAndCommand() {
        String event = EventNames.eventName("com_example_Foo", Level.INFO.name());
        assertEquals("com_example_Foo_INFO", event);
        assertEquals("com_example_Foo_INFO __rel_loc char[] msg; u32 level", EventNames.command(event));
    }

    @Test
    void longNamesAreAbbreviatedThenHashedDeterministically() {
        String logger = "org.example.".repeat(30) + "VeryLongClassName";
        String base = EventNames.baseName("", logger);
        assertTrue(base.length() <= EventNames.MAX_BASE_LENGTH, base);
        assertTrue(base.matches("[A-Za-z0-9_]+_h[0-9a-f]{8}"), base);
        assertTrue(base.startsWith("o_e_o_e_"), "package segments abbreviated: " + base);
        assertTrue(base.contains("VeryLongClassName"), base);
        assertEquals(base, EventNames.baseName("", logger), "deterministic");
        assertNotEquals(base, EventNames.baseName("", logger + "2"), "different loggers, different names");
        for (Level level : Level.values()) {
            String event = EventNames.eventName(base, level.name());
            assertTrue(event.length() <= UserEventsAbi.MAX_EVENT_NAME_BYTES, event);
            assertTrue(EventNames.command(event).length() + 1 <= UserEventsAbi.MAX_COMMAND_BYTES);
        }
    }

    @Test
    void tenThousandCharacterNameIsTruncatedWithHash() {
        String logger = "x".repeat(10_000);
        String base = EventNames.baseName("pre_", logger);
        assertEquals(EventNames.MAX_BASE_LENGTH, base.length());
        assertTrue(base.startsWith("pre_xxx"));
        assertTrue(base.matches("pre_x+_h[0-9a-f]{8}"), base);
    }

    @Test
    void nameAtTheLimitIsKeptWhole() {
        String logger = "y".repeat(EventNames.MAX_BASE_LENGTH);
        assertEquals(logger, EventNames.baseName("", logger));
        assertNotEquals(logger + "y", EventNames.baseName("", logger + "y"));
    }

    @Test
    void noLoggerNameCanInjectAField() {
        String hostile = "evil u32 x; u64 y;\n__rel_loc char[] z";
        String command =
                EventNames.command(EventNames.eventName(EventNames.baseName("p; u8 q ", hostile), Level.WARN.name()));
        assertEquals(1, command.split(";", -1).length - 1, "only our own separator: " + command);
        assertTrue(command.endsWith(" " + UserEventsAbi.FIELDS));
        assertEquals(command.indexOf(' '), command.length() - UserEventsAbi.FIELDS.length() - 1);
    }
}
