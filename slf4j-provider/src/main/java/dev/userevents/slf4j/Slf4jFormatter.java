package dev.userevents.slf4j;

import dev.userevents.spi.Diagnostics;
import java.util.Arrays;
import org.slf4j.helpers.MessageFormatter;

/**
 * SLF4J's {@code {}} substitution written straight into the caller's reusable builder. SLF4J's
 * {@link MessageFormatter} returns a new String (with its builder, about 300 bytes per call for a 64-character
 * message); this appends the same text and allocates nothing for strings, numbers, booleans and characters.
 * Arrays (deep formatting, cycles) go to {@link MessageFormatter} itself, so only the common case is written here.
 * {@code Slf4jFormatterTest} checks the output against {@code MessageFormatter} on generated patterns.
 */
final class Slf4jFormatter {
    private static final String FAILED_TO_STRING = "[FAILED toString()]"; // MessageFormatter's text

    private Slf4jFormatter() {}

    /**
     * Appends {@code pattern} with its first {@code count} arguments substituted, as
     * {@code MessageFormatter.basicArrayFormat(pattern, Arrays.copyOf(arguments, count))} would.
     */
    static void format(StringBuilder out, String pattern, Object[] arguments, int count) {
        if (pattern == null) {
            out.append("null");
            return;
        }
        for (int i = 0; i < count; i++) {
            if (arguments[i] != null && arguments[i].getClass().isArray()) {
                out.append(MessageFormatter.basicArrayFormat(pattern, Arrays.copyOf(arguments, count)));
                return;
            }
        }
        int from = 0;
        for (int argument = 0; argument < count; argument++) {
            int brace = pattern.indexOf("{}", from);
            if (brace < 0) {
                break;
            }
            boolean escaped = brace >= 1 && pattern.charAt(brace - 1) == '\\';
            boolean doubleEscaped = escaped && brace >= 2 && pattern.charAt(brace - 2) == '\\';
            if (escaped && !doubleEscaped) {
                // "\{}" is a literal "{}" and uses no argument
                out.append(pattern, from, brace - 1).append('{');
                from = brace + 1;
                argument--;
            } else {
                out.append(pattern, from, escaped ? brace - 1 : brace);
                appendArgument(out, arguments[argument]);
                from = brace + 2;
            }
        }
        out.append(pattern, from, pattern.length());
    }

    private static void appendArgument(StringBuilder out, Object argument) {
        if (argument instanceof String) {
            out.append((String) argument);
        } else if (argument instanceof Integer
                || argument instanceof Long
                || argument instanceof Short
                || argument instanceof Byte) {
            out.append(((Number) argument).longValue());
        } else if (argument instanceof Boolean) {
            out.append(((Boolean) argument).booleanValue());
        } else if (argument instanceof Character) {
            out.append(((Character) argument).charValue());
        } else if (argument instanceof Double) {
            out.append(((Double) argument).doubleValue()); // the same digits as Double.toString
        } else if (argument instanceof Float) {
            out.append(((Float) argument).floatValue());
        } else if (argument == null) {
            out.append("null");
        } else {
            int mark = out.length();
            try {
                out.append(argument.toString());
            } catch (Throwable e) { // as MessageFormatter does: the log call goes on
                out.setLength(mark);
                out.append(FAILED_TO_STRING);
                Diagnostics.reportOnce(
                        "slf4j:toString:" + argument.getClass().getName(),
                        "toString() of a " + argument.getClass().getName() + " log argument threw " + e);
            }
        }
    }
}
