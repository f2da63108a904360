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

    /** Sizing pass: counts an attribute of {@code size} bytes (name and value) when it still fits. */
    void size(int size) {
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

    /** An attribute name's bytes, from its UTF-8 length capped at {@code MAX_NAME_BYTES}: that, NUL, encoding and format. */
    static int nameBytes(int cappedNameLength) {
        return cappedNameLength + ATTRIBUTE_NAME_OVERHEAD_BYTES;
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

    /**
     * A value's data bytes, of {@code kind}; {@code cappedStringLength} is its text's UTF-8 length capped at
     * {@code MAX_ATTRIBUTE_VALUE_BYTES} when the kind is {@link #STRING}.
     */
    static int valueBytes(int kind, int cappedStringLength) {
        if (kind != STRING) {
            return kind == BOOLEAN ? VALUE8_BYTES : VALUE64_BYTES;
        }
        return LENGTH_PREFIX_BYTES + cappedStringLength;
    }

    /** What the sizing pass counts for a value whose {@code toString()} has not run yet: the bound. */
    static int unconvertedValueBytes() {
        return LENGTH_PREFIX_BYTES + MAX_ATTRIBUTE_VALUE_BYTES;
    }
}
