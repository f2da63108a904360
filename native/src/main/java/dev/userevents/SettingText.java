package dev.userevents;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Locale;

/**
 * Parsers of a setting's text, shared by the core's {@link Setting} table and the front ends' own settings, so every
 * setting reads its values and words its problems alike. Each takes trimmed, non-blank text and throws
 * {@link IllegalArgumentException} whose message completes {@code "name=value "}.
 */
public final class SettingText {
    private SettingText() {}

    /** One of {@code type}'s constants, in any case. */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static int integer(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not an integer");
        }
    }

    public static long longInteger(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not an integer");
        }
    }

    /** {@code true} or {@code false}, in any case (anything else is a problem, not a silent false). */
    public static boolean bool(String text) {
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("is not true or false");
    }

    public static Path path(String text) {
        try {
            return Paths.get(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("is not a path (" + e.getReason() + ")");
        }
    }

    /** The one line that reports a bad value: {@code name=value <reason>; using <default>}. */
    public static String problem(String name, String value, String reason, String usingInstead) {
        return name + "=" + value + " " + reason + "; using " + usingInstead;
    }
}
