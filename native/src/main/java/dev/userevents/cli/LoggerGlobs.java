package dev.userevents.cli;

import java.util.regex.Pattern;

/**
 * The operator's logger globs: {@code *} and {@code ?} are wildcards. Over tracefs event base names a dot (and any
 * other character the kernel's names cannot hold) reads as {@code _}, so {@code com.example.*} works; over
 * EventHeader logger names (which keep their dots) the glob is taken literally.
 */
final class LoggerGlobs {
    private LoggerGlobs() {}

    /** The glob as a pattern over event base names, or null after a one-line error: empty, whitespace, control or bracket characters. */
    static Pattern parse(String glob) {
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || "[]{}".indexOf(c) >= 0) {
                System.err.println(
                        "userevents: invalid logger glob '" + glob + "': only names, * and ? (no '" + c + "')");
                return null;
            }
        }
        if (glob.isEmpty()) {
            System.err.println("userevents: invalid logger glob: empty");
            return null;
        }
        return toPattern(glob);
    }

    /** Logger glob to a regex over event base names. */
    static Pattern toPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (Character.isLetterOrDigit(c) && c < 128 || c == '_') {
                regex.append(c);
            } else {
                regex.append('_'); // '.', '$', ... became '_' in event names
            }
        }
        // A name that lost characters when sanitized (non-ASCII, '-', ...) carries a hash suffix (EventNames).
        return Pattern.compile(regex + "(?:_h[0-9a-f]{8}|_h[0-9a-f]{16})?");
    }

    /** A glob over logger names as they are (EventHeader event names keep dots): {@code *} and {@code ?} only. */
    static Pattern loggerNamePattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }
}
