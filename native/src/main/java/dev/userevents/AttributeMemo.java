package dev.userevents;

/**
 * An encoding thread's last attribute list, by identity, and what its write pass wrote. An MDC brings the same key
 * and value instances to every line of a request; the attribute part of the record (definitions, values, fields
 * and dropped count, and the sizing pass's budget) depends on nothing else, so a repeat replays the sizing from
 * here and copies the written bytes instead of writing each attribute again.
 *
 * <p>Only immutable values are kept ({@code String}s up to {@link TextMemo#MAX_CHARS}, booleans, boxed numbers, null
 * values): a mutable {@code CharSequence} or an object whose {@code toString()} runs on every event never matches.
 * Lists longer than {@link #MAX_ATTRIBUTES} are not kept.
 */
final class AttributeMemo {
    static final int MAX_ATTRIBUTES = 16;
    /** From {@link #recall}: no remembered effect, size the attribute. */
    static final int MISS = Integer.MIN_VALUE;
    /** Sizing effects other than a size: the attribute is the trace context's trace_id or span_id, or has no key. */
    static final int TRACE_ID = -1;

    static final int SPAN_ID = -2;
    static final int IGNORED = -3;
    /** Stands for a value that must not match again. */
    private static final Object NOT_KEPT = new Object();

    private final String[] keys = new String[MAX_ATTRIBUTES];
    private final Object[] values = new Object[MAX_ATTRIBUTES];
    private final int[] effects = new int[MAX_ATTRIBUTES];
    /** Attributes of the last list. */
    private int count = -1;
    /** The sizing pass's position. */
    private int index;
    /** Every attribute so far in this sizing pass matched the last list. */
    private boolean same;
    /** {@link #meta}/{@link #data} hold the write pass of the list in {@link #keys}/{@link #values}. */
    private boolean written;

    private byte[] meta = new byte[64];
    private byte[] data = new byte[64];
    private int metaLength;
    private int dataLength;
    private int fields;
    private int dropped;

    /** Starts an event's sizing pass. */
    void startSizing() {
        index = 0;
        same = true;
    }

    /** The sizing effect of the next attribute when the last list had the same key and value there; else {@link #MISS}. */
    int recall(String key, Object value) {
        int i = index;
        if (i < MAX_ATTRIBUTES && keys[i] == key && values[i] == value) {
            index++;
            return effects[i];
        }
        return MISS;
    }

    /** The next attribute's sizing effect, after a {@link #MISS}. */
    void remember(String key, Object value, int effect) {
        int i = index++;
        same = false;
        written = false; // the lists differ from here on (also when this event's encode fails before its end)
        if (i < MAX_ATTRIBUTES) {
            keys[i] = key;
            values[i] = kept(key, value) ? value : NOT_KEPT;
            effects[i] = effect;
        }
    }

    /** Ends the sizing pass: whether the write pass can be copied from here ({@link #copyMeta}, {@link #copyData}). */
    boolean endSizing() {
        boolean hit = same && written && index == count;
        if (!hit) {
            written = false;
            count = index;
        }
        return hit;
    }

    private static boolean kept(String key, Object value) {
        if (key != null && key.length() > TextMemo.MAX_CHARS) {
            return false;
        }
        return value == null
                || (value instanceof String && ((String) value).length() <= TextMemo.MAX_CHARS)
                || value instanceof Boolean
                || value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte
                || value instanceof Double
                || value instanceof Float;
    }

    /** After a write pass that did not copy: keeps what it wrote, {@code meta[from, to)} and {@code data[from, to)}. */
    void keep(
            byte[] metaBytes,
            int metaFrom,
            int metaTo,
            byte[] dataBytes,
            int dataFrom,
            int dataTo,
            int fields,
            int dropped) {
        if (count > MAX_ATTRIBUTES) {
            return; // never matched again (recall misses past the arrays): not worth the copy
        }
        metaLength = metaTo - metaFrom;
        dataLength = dataTo - dataFrom;
        if (meta.length < metaLength) {
            meta = new byte[Math.max(metaLength, 2 * meta.length)];
        }
        if (data.length < dataLength) {
            data = new byte[Math.max(dataLength, 2 * data.length)];
        }
        System.arraycopy(metaBytes, metaFrom, meta, 0, metaLength);
        System.arraycopy(dataBytes, dataFrom, data, 0, dataLength);
        this.fields = fields;
        this.dropped = dropped;
        written = true;
    }

    /** Copies the kept definitions to {@code into} at {@code at}; returns the end. */
    int copyMeta(byte[] into, int at) {
        System.arraycopy(meta, 0, into, at, metaLength);
        return at + metaLength;
    }

    /** Copies the kept values to {@code into} at {@code at}; returns the end. */
    int copyData(byte[] into, int at) {
        System.arraycopy(data, 0, into, at, dataLength);
        return at + dataLength;
    }

    int fields() {
        return fields;
    }

    int dropped() {
        return dropped;
    }
}
