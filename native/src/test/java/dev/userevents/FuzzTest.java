package dev.userevents;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.kernel.EventNames;
import dev.userevents.kernel.NativeMemory;
import dev.userevents.kernel.UserEventsAbi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Property tests of the name sanitizer, the registration command and the encoder. Each property runs first on the
 * kept corpus ({@code src/test/resources/fuzz/*.txt}), then on inputs mutated from it and generated from a fixed
 * seed. {@code -Dfuzz.iterations=N} and {@code -Dfuzz.seed=S} search longer or elsewhere; a failure names its seed
 * and input, and the input belongs in the corpus afterwards.
 */
class FuzzTest {
    private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 20_000);
    private static final long SEED = Long.getLong("fuzz.seed", 0x5eed_ca11L);
    private static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z0-9_]+");

    // ---- properties --------------------------------------------------------------------------------------------

    /** Whatever the prefix and logger name, the command the kernel parses has our name and exactly our fields. */
    private static void checkName(String prefix, String loggerName) {
        String base = EventNames.baseName(prefix, loggerName);
        assertTrue(EVENT_NAME.matcher(base).matches(), "base name " + base);
        assertTrue(base.length() <= EventNames.MAX_BASE_LENGTH, "base length " + base.length());
        assertEquals(base, EventNames.baseName(prefix, loggerName), "deterministic");
        for (Level level : Level.values()) {
            String eventName = EventNames.eventName(base, level.name());
            assertTrue(eventName.length() <= UserEventsAbi.MAX_EVENT_NAME_BYTES, eventName);
            String command = EventNames.command(eventName);
            // The kernel's parse: name up to the first space, flags after a ':' in the name, fields split by ';'.
            int space = command.indexOf(' ');
            String name = command.substring(0, space);
            assertEquals(eventName, name);
            assertEquals(-1, name.indexOf(':'), "no flags can be smuggled in");
            String[] fields = command.substring(space + 1).split(";", -1);
            assertEquals(List.of("__rel_loc char[] msg", " u32 level"), List.of(fields));
            assertTrue(command.getBytes(StandardCharsets.UTF_8).length + 1 <= UserEventsAbi.MAX_COMMAND_BYTES);
        }
        String logger = loggerName == null || loggerName.isEmpty() ? "root" : loggerName;
        String cleanPrefix = EventNames.sanitizePrefix(prefix);
        if (EVENT_NAME.matcher(logger).matches()
                && cleanPrefix.length() + logger.length() <= EventNames.MAX_BASE_LENGTH) {
            assertEquals(cleanPrefix + logger, base, "a clean, short name is kept as it is");
        }
    }

    /** The record is bounded, well-formed UTF-8 with one NUL, and says exactly the message or a marked prefix of it. */
    private static void checkEncoding(String message, int maxMessageBytes, int offset) {
        EventEncoder encoder = new EventEncoder(maxMessageBytes);
        int bound = encoder.maxMessageBytes();
        ByteBuffer buffer = NativeMemory.directBuffer(offset + encoder.maxRecordBytes() + 16);
        for (int i = 0; i < buffer.capacity(); i++) {
            buffer.put(i, (byte) 0x5A);
        }
        int length = encoder.encode(buffer, offset, 77, Level.WARN, message);
        assertTrue(length <= encoder.maxRecordBytes(), "record " + length);
        for (int i = 0; i < offset; i++) {
            assertEquals(0x5A, buffer.get(i), "nothing written before the record");
        }
        for (int i = offset + encoder.maxRecordBytes(); i < buffer.capacity(); i++) {
            assertEquals(0x5A, buffer.get(i), "nothing written past the record bound");
        }
        int lengthWithNul = length - UserEventsAbi.MSG_OFFSET;
        assertEquals(77, buffer.getInt(offset + UserEventsAbi.WRITE_INDEX_OFFSET));
        assertEquals(Level.WARN.value, buffer.getInt(offset + UserEventsAbi.LEVEL_OFFSET));
        assertEquals(UserEventsAbi.msgRelLoc(lengthWithNul), buffer.getInt(offset + UserEventsAbi.MSG_REL_LOC_OFFSET));
        byte[] text = new byte[lengthWithNul - 1];
        for (int i = 0; i < text.length; i++) {
            text[i] = buffer.get(offset + UserEventsAbi.MSG_OFFSET + i);
            assertNotEquals(0, text[i], "no NUL inside the text");
        }
        assertEquals(0, buffer.get(offset + length - 1), "NUL-terminated");
        assertTrue(text.length <= bound, "text " + text.length + " > " + bound);
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(text))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("not UTF-8: " + e);
        }
        String expected = model(message);
        if (expected.getBytes(StandardCharsets.UTF_8).length <= bound) {
            assertEquals(expected, decoded);
        } else {
            assertTrue(decoded.endsWith(EventEncoder.TRUNCATION_MARKER), "marked as truncated");
            String kept = decoded.substring(0, decoded.length() - EventEncoder.TRUNCATION_MARKER.length());
            assertTrue(expected.startsWith(kept), "a prefix of the message");
            assertTrue(text.length > bound - 4, "uses the room it has: " + text.length + " of " + bound);
        }
    }

    /** What the encoder promises to send: null as "null", NUL and lone surrogates as U+FFFD. */
    private static String model(String message) {
        if (message == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < message.length()
                    && Character.isLowSurrogate(message.charAt(i + 1))) {
                out.append(c).append(message.charAt(++i));
            } else if (c == 0 || Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    // ---- tests -------------------------------------------------------------------------------------------------

    @Test
    void namesAndRegistrationCommands() throws IOException {
        List<String> corpus = corpus("names.txt");
        List<String> failures = new ArrayList<>();
        for (String prefix : List.of("", "app_", "my app:")) {
            for (String name : corpus) {
                run(
                        failures,
                        "corpus prefix=" + escape(prefix) + " name=" + escape(name),
                        () -> checkName(prefix, name));
            }
        }
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < ITERATIONS; i++) {
            long seed = random.nextLong();
            SplittableRandom inputs = new SplittableRandom(seed);
            String prefix = inputs.nextInt(4) == 0 ? generate(inputs, 80) : "";
            String name = inputs.nextBoolean() ? mutate(inputs, corpus) : generate(inputs, 600);
            run(
                    failures,
                    "seed " + seed + " prefix=" + escape(prefix) + " name=" + escape(name),
                    () -> checkName(prefix, name));
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void encodedRecords() throws IOException {
        List<String> corpus = corpus("messages.txt");
        List<String> failures = new ArrayList<>();
        for (String message : corpus) {
            for (int max :
                    new int[] {EventEncoder.MIN_MAX_MESSAGE_BYTES, 100, EventEncoder.DEFAULT_MAX_MESSAGE_BYTES}) {
                run(
                        failures,
                        "corpus max=" + max + " message=" + escape(message),
                        () -> checkEncoding(message, max, 3));
            }
        }
        run(failures, "null message", () -> checkEncoding(null, 64, 0));
        run(failures, "largest bound", () -> checkEncoding("y".repeat(70_000), EventEncoder.MAX_MAX_MESSAGE_BYTES, 0));
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < ITERATIONS; i++) {
            long seed = random.nextLong();
            SplittableRandom inputs = new SplittableRandom(seed);
            String message = inputs.nextBoolean() ? mutate(inputs, corpus) : generate(inputs, 400);
            int max = inputs.nextInt(8) == 0 ? inputs.nextInt(-10, 80) : inputs.nextInt(60, 600);
            int offset = inputs.nextInt(0, 64);
            run(
                    failures,
                    "seed " + seed + " max=" + max + " message=" + escape(message),
                    () -> checkEncoding(message, max, offset));
        }
        assertEquals(List.of(), failures);
    }

    private static void run(List<String> failures, String input, Runnable property) {
        try {
            property.run();
        } catch (AssertionError | RuntimeException e) {
            if (failures.size() < 5) {
                failures.add(input.substring(0, Math.min(input.length(), 400)) + " -> " + e);
            }
        }
    }

    // ---- inputs ------------------------------------------------------------------------------------------------

    /** Characters that matter to names, the command syntax, UTF-8 and the kernel: picked far more often than chance. */
    private static final String INTERESTING = " :;.,_-$%\\/\"'\n\t\r\0\u007f\u00e9\u0080\u07ff\u0800\uffff\ufffd";

    private static String generate(SplittableRandom random, int maxLength) {
        int length = random.nextInt(0, maxLength + 1);
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            switch (random.nextInt(7)) {
                case 0:
                    out.append(INTERESTING.charAt(random.nextInt(INTERESTING.length())));
                    break;
                case 1:
                    out.append((char) random.nextInt(0xD800, 0xE000)); // a surrogate, paired only by luck
                    break;
                case 2:
                    out.appendCodePoint(random.nextInt(0x10000, 0x110000));
                    break;
                case 3:
                    out.append((char) random.nextInt(0, 0x10000));
                    break;
                default:
                    out.append((char) random.nextInt(0x20, 0x7f));
                    break;
            }
        }
        return out.toString();
    }

    private static String mutate(SplittableRandom random, List<String> corpus) {
        StringBuilder out = new StringBuilder(corpus.get(random.nextInt(corpus.size())));
        int mutations = random.nextInt(1, 5);
        for (int m = 0; m < mutations; m++) {
            int at = out.length() == 0 ? 0 : random.nextInt(out.length() + 1);
            switch (random.nextInt(5)) {
                case 0:
                    out.insert(at, generate(random, 8));
                    break;
                case 1:
                    if (at < out.length()) {
                        out.delete(at, Math.min(out.length(), at + random.nextInt(1, 16)));
                    }
                    break;
                case 2:
                    if (at < out.length()) {
                        out.setCharAt(at, INTERESTING.charAt(random.nextInt(INTERESTING.length())));
                    }
                    break;
                case 3:
                    out.append(corpus.get(random.nextInt(corpus.size())));
                    break;
                default:
                    out.setLength(Math.min(out.length(), at)); // may split a surrogate pair
                    break;
            }
        }
        return out.toString();
    }

    private static List<String> corpus(String file) throws IOException {
        List<String> inputs = new ArrayList<>();
        try (InputStream in = FuzzTest.class.getResourceAsStream("/fuzz/" + file)) {
            assertNotNull(in, file);
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.startsWith("#")) {
                    continue;
                }
                inputs.add(unescape(line));
            }
        }
        inputs.remove(inputs.size() - 1); // after the final newline
        return inputs;
    }

    static String unescape(String line) {
        int repeat = 1;
        if (line.matches("x\\d+:.*")) {
            repeat = Integer.parseInt(line.substring(1, line.indexOf(':')));
            line = line.substring(line.indexOf(':') + 1);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\' || i + 1 == line.length()) {
                out.append(c);
                continue;
            }
            char next = line.charAt(++i);
            switch (next) {
                case 'u':
                    out.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
                    i += 4;
                    break;
                case 'n':
                    out.append('\n');
                    break;
                case 'r':
                    out.append('\r');
                    break;
                case 't':
                    out.append('\t');
                    break;
                case '0':
                    out.append('\0');
                    break;
                default:
                    out.append(next);
                    break;
            }
        }
        return out.toString().repeat(repeat);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : (text == null ? "null" : text).toCharArray()) {
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }
}
