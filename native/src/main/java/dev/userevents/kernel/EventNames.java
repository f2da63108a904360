package dev.userevents.kernel;

/**
 * Logger name to user_event name: {@code <prefix><logger>_<LEVEL>}.
 *
 * <ul>
 *   <li>Every code point outside {@code [A-Za-z0-9_]} becomes {@code _} (dots would clash with the kernel's
 *       {@code name.<hexid>} multi-format names; spaces and {@code ;} would inject fields), so
 *       {@code com.example.Foo$Bar} is {@code com_example_Foo_Bar}. The prefix is sanitized the same way.</li>
 *   <li>That mapping of {@code .} and {@code $} is the documented one. A name holding anything else outside
 *       {@code [A-Za-z0-9_.$]} (non-ASCII letters, {@code -}, spaces, other punctuation) loses information when
 *       sanitized, so {@code _h} plus 8 hex digits of a stable 64-bit FNV-1a hash of the logger name is appended:
 *       {@code ContextHandler.ünï} and {@code ContextHandler.üxy} stay two events. The registry also separates
 *       two loggers of one process that still meet on one name (see {@link #distinctBaseName}).</li>
 *   <li>The empty (root) logger is {@code root}.</li>
 *   <li>Shortening, so the name stays within {@value UserEventsAbi#MAX_EVENT_NAME_BYTES} bytes (and the command
 *       within {@value UserEventsAbi#MAX_COMMAND_BYTES}): when {@code prefix + logger} (with its hash) is longer
 *       than {@link #MAX_BASE_LENGTH}, every package segment but the last is cut to its first character, then the
 *       result is cut to fit, and the hash suffix is appended. A shortened name is deterministic and
 *       recognizable.</li>
 * </ul>
 * Names are pure ASCII, so characters and bytes count the same.
 */
public final class EventNames {
    private EventNames() {}

    /** The longest level suffix is "_DEBUG" (6): base + suffix stays within 255. */
    public static final int MAX_BASE_LENGTH = UserEventsAbi.MAX_EVENT_NAME_BYTES - 6;
    /** Prefixes beyond this length are cut, so a logger name always keeps some room. */
    public static final int MAX_PREFIX_LENGTH = 64;

    private static final long FNV64_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV64_PRIME = 0x100000001b3L;

    /** The sanitized, bounded prefix. */
    public static String sanitizePrefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return "";
        }
        String clean = sanitize(prefix);
        return clean.length() > MAX_PREFIX_LENGTH ? clean.substring(0, MAX_PREFIX_LENGTH) : clean;
    }

    /** The event name shared by a logger's six events, without the level suffix. */
    public static String baseName(String prefix, String loggerName) {
        return baseName(prefix, loggerName, false);
    }

    /**
     * The name for a logger whose {@link #baseName} another logger of this process already holds (for example
     * {@code a.b} and {@code a$b}): always hashed, with all 16 hex digits of the hash.
     */
    public static String distinctBaseName(String prefix, String loggerName) {
        return baseName(prefix, loggerName, true);
    }

    private static String baseName(String prefix, String loggerName, boolean fullHash) {
        String sanitizedPrefix = sanitizePrefix(prefix); // idempotent: callers cannot pass an unsafe prefix
        String logger = loggerName == null || loggerName.isEmpty() ? "root" : loggerName;
        String documented = documentedMapping(logger);
        if (documented != null && !fullHash && sanitizedPrefix.length() + documented.length() <= MAX_BASE_LENGTH) {
            return sanitizedPrefix.isEmpty() ? documented : sanitizedPrefix + documented;
        }
        String full = sanitizedPrefix + (documented != null ? documented : sanitize(logger));
        boolean hashed = fullHash || documented == null;
        if (!hashed && full.length() <= MAX_BASE_LENGTH) {
            return full;
        }
        long hash = hash(logger);
        String suffix = fullHash ? String.format("_h%016x", hash) : String.format("_h%08x", (int) (hash >>> 32));
        if (hashed && full.length() + suffix.length() <= MAX_BASE_LENGTH) {
            return full + suffix;
        }
        String shortened = sanitizedPrefix + sanitize(abbreviatePackages(logger));
        int room = MAX_BASE_LENGTH - suffix.length();
        if (shortened.length() > room) {
            shortened = shortened.substring(0, room);
        }
        return shortened + suffix;
    }

    /** By Latin-1 byte: kept as is by {@link #sanitize}, or, for {@code .} and {@code $}, mapped to {@code _}. */
    private static final byte[] DOCUMENTED = new byte[256];

    static {
        for (int c = 0; c < 256; c++) {
            boolean kept = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            DOCUMENTED[c] = kept ? (byte) c : (c == '.' || c == '$') ? (byte) '_' : 0;
        }
    }

    /**
     * {@link #sanitize}{@code (loggerName)} when {@link #keepsInformation}{@code (loggerName)}, else null. One pass
     * over the bytes with a table: a start-up registers hundreds of loggers while this still runs in the
     * interpreter, where {@code charAt} and {@code StringBuilder.append} per character cost most of a logger's
     * Java work (host, -Xint: 62% of it).
     */
    static String documentedMapping(String loggerName) {
        // ISO-8859-1 turns anything above U+00FF into '?', which the table rejects like any other unmapped byte.
        byte[] bytes = loggerName.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i++) {
            byte mapped = DOCUMENTED[bytes[i] & 0xff];
            if (mapped == 0) {
                return null;
            }
            bytes[i] = mapped;
        }
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** True when sanitizing maps only {@code .} and {@code $} (the documented mapping): no hash needed. */
    static boolean keepsInformation(String loggerName) {
        for (int i = 0; i < loggerName.length(); i++) {
            char c = loggerName.charAt(i);
            boolean kept = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '.'
                    || c == '$';
            if (!kept) {
                return false;
            }
        }
        return true;
    }

    /** 64-bit FNV-1a over the name's UTF-16 code units: stable across JVMs and runs, unlike identity hashes. */
    public static long hash(String loggerName) {
        long hash = FNV64_OFFSET_BASIS;
        for (int i = 0; i < loggerName.length(); i++) {
            char c = loggerName.charAt(i);
            hash = (hash ^ (c & 0xff)) * FNV64_PRIME;
            hash = (hash ^ (c >>> 8)) * FNV64_PRIME;
        }
        return hash;
    }

    /** The full event name of one level ({@code INFO}, ...): named, not typed, so this package needs no root type. */
    public static String eventName(String baseName, String levelName) {
        return baseName + "_" + levelName;
    }

    /** The DIAG_IOCSREG command: {@code NAME __rel_loc char[] msg; u32 level}. */
    public static String command(String eventName) {
        return eventName + " " + UserEventsAbi.FIELDS;
    }

    /** Replaces every code point outside [A-Za-z0-9_] by one '_'. */
    public static String sanitize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            boolean keep =
                    (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
            out.append(keep ? (char) cp : '_');
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** {@code com.example.deep.Foo} to {@code c.e.d.Foo}. */
    static String abbreviatePackages(String loggerName) {
        int lastDot = loggerName.lastIndexOf('.');
        if (lastDot < 0) {
            return loggerName;
        }
        StringBuilder out = new StringBuilder();
        boolean segmentStart = true;
        for (int i = 0; i < lastDot; i++) {
            char c = loggerName.charAt(i);
            if (c == '.') {
                out.append('.');
                segmentStart = true;
            } else if (segmentStart) {
                out.append(c);
                segmentStart = false;
            }
        }
        return out.append(loggerName, lastDot, loggerName.length()).toString();
    }
}
