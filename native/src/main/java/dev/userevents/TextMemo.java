package dev.userevents;

/**
 * One string's bounded UTF-8, kept while the next event brings the same {@code String} instance: a thread's name, an
 * MDC key or value across a request's lines. The memo then copies bytes instead of encoding characters. Keyed by
 * identity and only for {@code String}s, which cannot change behind it; strings longer than the memo's bound are not
 * kept, so a memo never holds more than {@link #MAX_CHARS} characters alive. One per field per encoding thread.
 */
final class TextMemo {
    /** The longest string kept (the encoder's largest per-value bound). */
    static final int MAX_CHARS = EventHeaderLayout.MAX_ATTRIBUTE_VALUE_BYTES;

    private String text;
    private int maxBytes;
    private byte[] bytes = new byte[32];
    /** What {@link Utf8Text#put} wrote for {@link #text}. */
    private int length;
    /** {@code min(maxBytes, Utf8Text.length(text))}: what a budget counts for it (a cut text counts its bound). */
    private int cappedLength;

    private boolean holds(String candidate, int bound) {
        return candidate == text && bound == maxBytes;
    }

    /** {@code min(maxBytes, UTF-8 length of text)}, from the memo when it holds {@code text}. */
    int cappedLength(CharSequence value, int bound) {
        if (value instanceof String && holds((String) value, bound)) {
            return cappedLength;
        }
        return Utf8Text.cappedLength(value, 0, value.length(), bound);
    }

    /** {@link Utf8Text#put} of the whole of {@code value} at {@code at} of {@code out}; returns the end. */
    int put(byte[] out, int at, CharSequence value, int bound) {
        if (!(value instanceof String)) {
            return Utf8Text.put(out, at, value, 0, value.length(), bound);
        }
        String string = (String) value;
        if (holds(string, bound)) {
            System.arraycopy(bytes, 0, out, at, length);
            return at + length;
        }
        int end = Utf8Text.put(out, at, string, 0, string.length(), bound);
        if (string.length() <= MAX_CHARS) {
            remember(out, at, end, string, bound);
        }
        return end;
    }

    private void remember(byte[] out, int at, int end, String string, int bound) {
        length = end - at;
        if (bytes.length < length) {
            bytes = new byte[Math.max(length, 2 * bytes.length)];
        }
        System.arraycopy(out, at, bytes, 0, length);
        cappedLength = Utf8Text.cappedLength(string, 0, string.length(), bound);
        maxBytes = bound;
        text = string;
    }
}
