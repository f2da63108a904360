package dev.userevents;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class EventNamesTest {
    @Test
    void sanitizesEverythingOutsideWordCharacters() {
        assertEquals("com_example_Foo_Bar", EventNames.baseName("", "com.example.Foo$Bar"));
        assertEquals("a_b_c_d_e", EventNames.baseName("", "a b;c:d\te"));
        assertEquals("x__y", EventNames.baseName("", "x\u00e9\uD83D\uDE00y".replace("\u00e9", "_")));
        assertEquals("caf_", EventNames.baseName("", "caf\u00e9"));
        assertEquals("emoji_", EventNames.baseName("", "emoji\uD83D\uDE00"), "a surrogate pair is one character");
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
        assertEquals(EventNames.MAX_PREFIX_LENGTH, EventNames.sanitizePrefix("p".repeat(500)).length());
    }

    @Test
    void eventNameAndCommand() {
        String event = EventNames.eventName("com_example_Foo", Level.INFO);
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
            String event = EventNames.eventName(base, level);
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
        String command = EventNames.command(EventNames.eventName(EventNames.baseName("p; u8 q ", hostile), Level.WARN));
        assertEquals(1, command.split(";", -1).length - 1, "only our own separator: " + command);
        assertTrue(command.endsWith(" " + UserEventsAbi.FIELDS));
        assertEquals(command.indexOf(' '), command.length() - UserEventsAbi.FIELDS.length() - 1);
    }
}
