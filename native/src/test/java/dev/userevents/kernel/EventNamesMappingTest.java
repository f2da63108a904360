package dev.userevents.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The table-driven {@link EventNames#documentedMapping} gives the same names as the character-by-character rules. */
class EventNamesMappingTest {
    private static final String[] PIECES = {
        "a", "Z", "7", "_", ".", "$", "-", " ", ";", "é", "ü", "ÿ", "Ā", "€", "😀", "\u0000", "com", "example", "Foo"
    };

    /** EventNames.baseName as it was before documentedMapping: the reference. */
    private static String referenceBaseName(String prefix, String loggerName, boolean fullHash) {
        String sanitizedPrefix = EventNames.sanitizePrefix(prefix);
        String logger = loggerName == null || loggerName.isEmpty() ? "root" : loggerName;
        String full = sanitizedPrefix + EventNames.sanitize(logger);
        boolean hashed = fullHash || !EventNames.keepsInformation(logger);
        if (!hashed && full.length() <= EventNames.MAX_BASE_LENGTH) {
            return full;
        }
        long hash = EventNames.hash(logger);
        String suffix = fullHash ? String.format("_h%016x", hash) : String.format("_h%08x", (int) (hash >>> 32));
        if (hashed && full.length() + suffix.length() <= EventNames.MAX_BASE_LENGTH) {
            return full + suffix;
        }
        String shortened = sanitizedPrefix + EventNames.sanitize(EventNames.abbreviatePackages(logger));
        int room = EventNames.MAX_BASE_LENGTH - suffix.length();
        if (shortened.length() > room) {
            shortened = shortened.substring(0, room);
        }
        return shortened + suffix;
    }

    @Test
    void mappingIsSanitizeExactlyWhenNoInformationIsLost() {
        for (String name : new String[] {"com.example.Foo$Bar", "a-b", "ünï", "x😀", "", "_", "A.b.C"}) {
            assertEquals(
                    EventNames.keepsInformation(name) ? EventNames.sanitize(name) : null,
                    EventNames.documentedMapping(name),
                    name);
        }
        assertEquals("com_example_Foo_Bar", EventNames.documentedMapping("com.example.Foo$Bar"));
        assertNull(EventNames.documentedMapping("ContextHandler.ünï"));
    }

    @Test
    void baseNamesMatchTheCharacterRulesOnGeneratedNames() {
        SplittableRandom random = new SplittableRandom(29);
        for (int n = 0; n < 20_000; n++) {
            String name = generated(random, random.nextInt(n % 10 == 0 ? 300 : 40));
            String prefix = random.nextInt(4) == 0 ? generated(random, random.nextInt(80)) : "";
            assertEquals(
                    EventNames.keepsInformation(name) ? EventNames.sanitize(name) : null,
                    EventNames.documentedMapping(name),
                    name);
            assertEquals(referenceBaseName(prefix, name, false), EventNames.baseName(prefix, name), name);
            assertEquals(referenceBaseName(prefix, name, true), EventNames.distinctBaseName(prefix, name), name);
        }
    }

    private static String generated(SplittableRandom random, int pieces) {
        StringBuilder out = new StringBuilder();
        boolean plain = random.nextInt(3) > 0; // most names keep to the documented characters
        for (int i = 0; i < pieces; i++) {
            String piece = PIECES[random.nextInt(plain ? 7 : PIECES.length)];
            out.append(piece);
        }
        return out.toString();
    }
}
