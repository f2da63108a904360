package dev.userevents;

import static dev.userevents.EventHeaderLayout.ATTRIBUTE_NAME_OVERHEAD_BYTES;
import static dev.userevents.EventHeaderLayout.LENGTH_PREFIX_BYTES;
import static dev.userevents.EventHeaderLayout.MAX_ATTRIBUTE_VALUE_BYTES;
import static dev.userevents.EventHeaderLayout.MAX_NAME_BYTES;
import static dev.userevents.EventHeaderLayout.MAX_SHORT_VALUE_BYTES;
import static dev.userevents.EventHeaderLayout.PART_C_FIXED_FIELDS;
import static dev.userevents.EventHeaderLayout.VALUE64_BYTES;
import static dev.userevents.EventHeaderLayout.VALUE8_BYTES;
import static dev.userevents.format.EventHeaderFormat.MAX_STRUCT_FIELDS;

/**
 * How much of a record an event's attributes may take, over the encoder's two passes. The sizing pass counts what
 * fits in a quarter of the record and in the fields PartC has left, estimating values whose {@code toString()}
 * has not run yet; the body and stack trace then share the rest. The write pass admits attributes, now measured,
 * within what the sizing pass kept and counts the ones that do not fit as dropped. One per encoding thread.
 */
final class AttributeBudget {
    // How an attribute value is written: boolean (value8), i64, f64 (value64), or its string.
    static final int BOOLEAN = 0;
    static final int INTEGER = 1;
    static final int FLOATING = 2;
    static final int STRING = 3;

    private int bytesAllowed;
    private int bytes;
    private int fieldsAllowed;
    private int fields;
    private int dropped;

    /** Starts an event's sizing pass for a record of at most {@code maxRecordBytes}. */
    void startSizing(int maxRecordBytes) {
        bytesAllowed = maxRecordBytes / 4;
        fieldsAllowed = MAX_STRUCT_FIELDS - PART_C_FIXED_FIELDS;
        bytes = 0;
        fields = 0;
        dropped = 0;
    }

    /** Sizing pass: counts the attribute when it still fits. */
    void size(String key, Object value) {
        int size = nameBytes(key) + estimatedValueBytes(value);
        if (fits(size)) {
            fields++;
            bytes += size;
        }
    }

    /**
     * After the sizing pass: the bytes the attributes keep. A trace_id or span_id without its partner is written as
     * an ordinary attribute, and was not sized: room is kept for them.
     */
    int kept(boolean traceContext) {
        return traceContext ? bytes : Math.min(bytesAllowed, bytes + 2 * (MAX_NAME_BYTES + MAX_SHORT_VALUE_BYTES));
    }

    /** Starts the write pass within {@code keptBytes} (from {@link #kept}). */
    void startWriting(int keptBytes) {
        bytesAllowed = keptBytes;
        bytes = 0;
        fields = 0;
    }

    /** Write pass: takes {@code size} bytes and one field, or counts the attribute dropped and answers false. */
    boolean admit(int size) {
        if (!fits(size)) {
            dropped++;
            return false;
        }
        fields++;
        bytes += size;
        return true;
    }

    private boolean fits(int size) {
        return fields < fieldsAllowed && bytes + size <= bytesAllowed;
    }

    /** Attributes written in the write pass. */
    int fields() {
        return fields;
    }

    /** Attributes left out in the write pass. */
    int dropped() {
        return dropped;
    }

    /** An attribute name's bytes: its UTF-8 (bounded), NUL, encoding and format. */
    static int nameBytes(String key) {
        return Math.min(MAX_NAME_BYTES, Utf8Text.length(key, 0, key.length(), MAX_NAME_BYTES))
                + ATTRIBUTE_NAME_OVERHEAD_BYTES;
    }

    static int kind(Object value) {
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return INTEGER;
        }
        if (value instanceof Double || value instanceof Float) {
            return FLOATING;
        }
        return STRING;
    }

    /** A value's data bytes, of {@code kind}; {@code string} is its text when the kind is {@link #STRING}. */
    static int valueBytes(int kind, CharSequence string) {
        if (kind != STRING) {
            return kind == BOOLEAN ? VALUE8_BYTES : VALUE64_BYTES;
        }
        return LENGTH_PREFIX_BYTES
                + Math.min(
                        MAX_ATTRIBUTE_VALUE_BYTES,
                        Utf8Text.length(string, 0, string.length(), MAX_ATTRIBUTE_VALUE_BYTES));
    }

    private static int estimatedValueBytes(Object value) {
        int kind = kind(value);
        if (kind != STRING || value instanceof CharSequence) {
            return valueBytes(kind, kind == STRING ? (CharSequence) value : null);
        }
        return LENGTH_PREFIX_BYTES + MAX_ATTRIBUTE_VALUE_BYTES; // its toString() runs once, when written
    }
}
