package dev.userevents.slf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.MessageFormatter;

/** {@link Slf4jFormatter} writes exactly what SLF4J's {@link MessageFormatter} returns. */
class Slf4jFormatterTest {
    private static final String[] PIECES = {
        "a", "order ", "{}", "{}", "\\{}", "\\\\{}", "{", "}", "\\", " ", "é😀", "{{}}"
    };
    private static final Object[] ARGUMENTS = {
        null,
        "s",
        "",
        42,
        -7L,
        Long.MIN_VALUE,
        (short) 3,
        (byte) -1,
        true,
        'c',
        1.5,
        -0.0,
        1e-7,
        Double.NaN,
        0.1f,
        Float.POSITIVE_INFINITY,
        new int[] {1, 2},
        new Object[] {"x", null},
        new StringBuilder("sb"),
        new Object() {
            @Override
            public String toString() {
                return "custom";
            }
        },
        new Object() {
            @Override
            public String toString() {
                return null;
            }
        }
    };
    private static final Object THROWS_IN_TO_STRING = new Object() {
        @Override
        public String toString() {
            throw new IllegalStateException("broken");
        }
    };

    private static String expected(String pattern, Object[] arguments, int count) {
        return String.valueOf(MessageFormatter.basicArrayFormat(pattern, Arrays.copyOf(arguments, count)));
    }

    private static String actual(String pattern, Object[] arguments, int count) {
        StringBuilder out = new StringBuilder("prefix:");
        Slf4jFormatter.format(out, pattern, arguments, count);
        return out.substring("prefix:".length());
    }

    @Test
    void matchesMessageFormatterOnGeneratedPatterns() {
        Random random = new Random(20261130);
        for (int run = 0; run < 20_000; run++) {
            StringBuilder pattern = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) {
                pattern.append(PIECES[random.nextInt(PIECES.length)]);
            }
            Object[] arguments = new Object[random.nextInt(5)];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = ARGUMENTS[random.nextInt(ARGUMENTS.length)];
            }
            int count = arguments.length == 0 ? 0 : random.nextInt(arguments.length + 1);
            String p = pattern.toString();
            assertEquals(
                    expected(p, arguments, count),
                    actual(p, arguments, count),
                    () -> "pattern '" + p + "' arguments " + Arrays.deepToString(Arrays.copyOf(arguments, count)));
        }
    }

    @Test
    void knownCases() {
        assertEquals("x 42 y", actual("x {} y", new Object[] {42}, 1));
        assertEquals("x {} y", actual("x \\{} y", new Object[] {42}, 1));
        assertEquals("x \\42 y", actual("x \\\\{} y", new Object[] {42}, 1));
        assertEquals("a [1, 2] b", actual("a {} b", new Object[] {new int[] {1, 2}}, 1));
        assertEquals("a {} b", actual("a {} b", new Object[] {new RuntimeException()}, 0));
        assertEquals("null", actual(null, new Object[] {1}, 1));
        // once, not in the generated cases: MessageFormatter prints a stack trace for it each time
        Object[] throwing = {THROWS_IN_TO_STRING};
        assertEquals(expected("v={}", throwing, 1), actual("v={}", throwing, 1));
    }
}
