package dev.userevents;

import static dev.userevents.format.EventHeaderFormat.ENCODING_CHAIN_FLAG;
import static dev.userevents.format.EventHeaderFormat.ENCODING_STRING_LENGTH16_CHAR8;
import static dev.userevents.format.EventHeaderFormat.ENCODING_STRUCT;
import static dev.userevents.format.EventHeaderFormat.ENCODING_VALUE16;
import static dev.userevents.format.EventHeaderFormat.ENCODING_VALUE32;
import static dev.userevents.format.EventHeaderFormat.ENCODING_VALUE64;
import static dev.userevents.format.EventHeaderFormat.EXTENSION_HEADER_SIZE;
import static dev.userevents.format.EventHeaderFormat.FORMAT_SIGNED_INT;
import static dev.userevents.format.EventHeaderFormat.FORMAT_UNSIGNED_INT;
import static dev.userevents.format.EventHeaderFormat.HEADER_SIZE;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The layout of the log record {@link EventHeaderEncoder} writes, in the style of Agrona's {@code RecordDescriptor}:
 * offsets from the record's start, the metadata of every field that never changes (encoded once, here), and the
 * sizes the encoder budgets with, each derived from those templates rather than counted by hand. The field choices
 * are OpenTelemetry's user_events log exporters' (see {@link EventHeaderEncoder}).
 */
final class EventHeaderLayout {
    private EventHeaderLayout() {}

    /** Common Schema 4.0. */
    static final int CS_VERSION = 0x400;

    static final String TYPE_NAME = "Log";
    static final String DROPPED_ATTRIBUTES_FIELD = "userevents.attributes_dropped";

    // ---- bounds of single values ----
    static final int MAX_NAME_BYTES = 256;
    static final int MAX_SHORT_VALUE_BYTES = 256;
    static final int MAX_EXCEPTION_MESSAGE_BYTES = 1024;
    static final int MAX_ATTRIBUTE_VALUE_BYTES = 1024;

    // ---- the record, offsets from its start ----
    static final int WRITE_INDEX_OFFSET = 0;
    static final int HEADER_OFFSET = WRITE_INDEX_OFFSET + Integer.BYTES;
    static final int EXTENSION_OFFSET = HEADER_OFFSET + HEADER_SIZE;
    static final int METADATA_OFFSET = EXTENSION_OFFSET + EXTENSION_HEADER_SIZE;

    // ---- data sizes: a string_length16 value is its u16 length, then its bytes ----
    static final int LENGTH_PREFIX_BYTES = Short.BYTES;
    static final int CS_VERSION_BYTES = Integer.BYTES;
    static final int SEVERITY_NUMBER_BYTES = Short.BYTES;
    static final int VALUE64_BYTES = Long.BYTES;
    static final int VALUE8_BYTES = Byte.BYTES;

    // ---- field definitions that never change (the metadata is mostly these) ----
    static final byte[] CSVER_META = definition("__csver__", ENCODING_VALUE32, FORMAT_UNSIGNED_INT);
    static final byte[] PART_A_META = concat(struct("PartA", 1), definition("time", ENCODING_STRING_LENGTH16_CHAR8));
    static final byte[] PART_A_WITH_TRACE_META = concat(
            struct("PartA", 2),
            definition("time", ENCODING_STRING_LENGTH16_CHAR8),
            struct("ext_dt", 2),
            definition("traceId", ENCODING_STRING_LENGTH16_CHAR8),
            definition("spanId", ENCODING_STRING_LENGTH16_CHAR8));
    /** PartC's struct (its count, the last byte, is set at the end) and its first field. */
    static final byte[] PART_C_META =
            concat(struct("PartC", 1), definition("thread.name", ENCODING_STRING_LENGTH16_CHAR8));
    /** Where PartC's field count sits in {@link #PART_C_META}. */
    static final int PART_C_COUNT_OFFSET = struct("PartC", 1).length - 1;

    static final byte[] THREAD_ID_META = definition("thread.id", ENCODING_VALUE64, FORMAT_SIGNED_INT);
    static final byte[] EXCEPTION_TYPE_META = definition("exception.type", ENCODING_STRING_LENGTH16_CHAR8);
    static final byte[] EXCEPTION_MESSAGE_META = definition("exception.message", ENCODING_STRING_LENGTH16_CHAR8);
    static final byte[] EXCEPTION_STACKTRACE_META = definition("exception.stacktrace", ENCODING_STRING_LENGTH16_CHAR8);
    static final byte[] DROPPED_META = definition(DROPPED_ATTRIBUTES_FIELD, ENCODING_VALUE64, FORMAT_SIGNED_INT);
    /** PartC's fields other than attributes: thread name and id, exception type, message and stack, dropped count. */
    static final int PART_C_FIXED_FIELDS = 6;

    static final byte[] PART_B_HEAD_META = concat(
            struct("PartB", 4),
            definition("_typeName", ENCODING_STRING_LENGTH16_CHAR8),
            definition("body", ENCODING_STRING_LENGTH16_CHAR8));
    static final byte[] PART_B_TAIL_META = concat(
            definition("severityNumber", ENCODING_VALUE16, FORMAT_SIGNED_INT),
            definition("severityText", ENCODING_STRING_LENGTH16_CHAR8));
    static final byte[] TYPE_NAME_DATA = counted(TYPE_NAME);
    /** Each level's severityText value, by {@link Level#ordinal()}. */
    private static final byte[][] SEVERITY_TEXT_DATA = new byte[Level.values().length][];

    private static final int MAX_SEVERITY_TEXT_DATA_BYTES;

    static {
        int longest = 0;
        for (Level level : Level.values()) {
            SEVERITY_TEXT_DATA[level.ordinal()] = counted(level.name());
            longest = Math.max(longest, SEVERITY_TEXT_DATA[level.ordinal()].length);
        }
        MAX_SEVERITY_TEXT_DATA_BYTES = longest;
    }

    // ---- sizes the encoder budgets with, metadata and data together ----
    /** PartB up to the body's value: struct, _typeName field and "Log", body's field. */
    static final int PART_B_HEAD_BYTES = PART_B_HEAD_META.length + TYPE_NAME_DATA.length;
    /** PartB from the body's value on, without its text: length, severityNumber, severityText (the longest). */
    static final int PART_B_TAIL_BYTES =
            LENGTH_PREFIX_BYTES + PART_B_TAIL_META.length + SEVERITY_NUMBER_BYTES + MAX_SEVERITY_TEXT_DATA_BYTES;

    static final int PART_B_BYTES = PART_B_HEAD_BYTES + PART_B_TAIL_BYTES;
    /** {@link #PART_B_TAIL_BYTES} without its definitions (written with the head's, see {@link #PART_B_META}). */
    static final int PART_B_TAIL_DATA_BYTES = PART_B_TAIL_BYTES - PART_B_TAIL_META.length;

    // ---- definitions that follow each other in every record, copied as one (their data lies elsewhere) ----
    static final byte[] CSVER_PART_A_META = concat(CSVER_META, PART_A_META);
    static final byte[] CSVER_PART_A_WITH_TRACE_META = concat(CSVER_META, PART_A_WITH_TRACE_META);
    static final byte[] PART_C_WITH_THREAD_ID_META = concat(PART_C_META, THREAD_ID_META);
    static final byte[] PART_B_META = concat(PART_B_HEAD_META, PART_B_TAIL_META);
    static final int DROPPED_FIELD_BYTES = DROPPED_META.length + VALUE64_BYTES;
    /** The stack trace's field without its text. */
    static final int STACK_FIELD_BYTES = EXCEPTION_STACKTRACE_META.length + LENGTH_PREFIX_BYTES;
    /** An attribute's name beyond its text: NUL, encoding and (for numbers and booleans) format. */
    static final int ATTRIBUTE_NAME_OVERHEAD_BYTES = 1 + 2;

    /** {@code level}'s severityText value: u16 length, then its name. */
    static byte[] severityText(Level level) {
        return SEVERITY_TEXT_DATA[level.ordinal()];
    }

    /** UTF-8 of {@code text} (at most {@code maxBytes}, as {@link Utf8Text#put} bounds it), then a NUL. */
    static byte[] zstring(String text, int maxBytes) {
        ByteBuffer buffer = ByteBuffer.allocate(maxBytes + 1);
        int end = Utf8Text.put(buffer, 0, text, 0, text.length(), maxBytes);
        return Arrays.copyOf(buffer.array(), end + 1); // the byte after the text stays 0: the NUL
    }

    private static byte[] definition(String name, int encoding) {
        return concat(zstring(name, MAX_NAME_BYTES), new byte[] {(byte) encoding});
    }

    private static byte[] definition(String name, int encoding, int format) {
        return concat(
                zstring(name, MAX_NAME_BYTES), new byte[] {(byte) (encoding | ENCODING_CHAIN_FLAG), (byte) format});
    }

    private static byte[] struct(String name, int fieldCount) {
        return definition(name, ENCODING_STRUCT, fieldCount);
    }

    private static byte[] counted(String ascii) {
        byte[] text = ascii.getBytes(StandardCharsets.US_ASCII);
        return concat(new byte[] {(byte) text.length, (byte) (text.length >>> 8)}, text);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
