package dev.userevents;

import dev.userevents.format.EventHeaderFormat;
import dev.userevents.spi.MessageBuffers;
import dev.userevents.spi.StackTraces;
import static dev.userevents.format.EventHeaderFormat.ENCODING_CHAIN_FLAG;
import static dev.userevents.format.EventHeaderFormat.ENCODING_STRING_LENGTH16_CHAR8;
import static dev.userevents.format.EventHeaderFormat.ENCODING_STRUCT;
import static dev.userevents.format.EventHeaderFormat.ENCODING_VALUE16;
import static dev.userevents.format.EventHeaderFormat.ENCODING_VALUE32;
import static dev.userevents.format.EventHeaderFormat.ENCODING_VALUE64;
import static dev.userevents.format.EventHeaderFormat.ENCODING_VALUE8;
import static dev.userevents.format.EventHeaderFormat.EXTENSION_HEADER_SIZE;
import static dev.userevents.format.EventHeaderFormat.EXTENSION_KIND_METADATA;
import static dev.userevents.format.EventHeaderFormat.FLAGS_DEFAULT_WITH_EXTENSION;
import static dev.userevents.format.EventHeaderFormat.FORMAT_BOOLEAN;
import static dev.userevents.format.EventHeaderFormat.FORMAT_FLOAT;
import static dev.userevents.format.EventHeaderFormat.FORMAT_SIGNED_INT;
import static dev.userevents.format.EventHeaderFormat.FORMAT_UNSIGNED_INT;
import static dev.userevents.format.EventHeaderFormat.HEADER_SIZE;
import static dev.userevents.format.EventHeaderFormat.MAX_STRUCT_FIELDS;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.BiConsumer;

/**
 * Encodes one log event as an EventHeader record in the layout of OpenTelemetry's user_events log exporters
 * (Common Schema 4.0), byte for byte the field encodings they choose:
 * <pre>
 * u32 write_index | header: flags 0x07, version 0, id 0, tag 0, opcode 0, level | u16 meta size, u16 kind 1
 * meta: event name (the logger name, ';' replaced) NUL, then per field: name NUL, encoding[, format]
 * data: __csver__ u32 0x400
 *       PartA { time (RFC 3339 UTC, taken at the log call) [, ext_dt { traceId, spanId }] }
 *       PartC { thread.name, thread.id, [exception.type, exception.message, exception.stacktrace],
 *               MDC / context attributes, key-value pairs [, userevents.attributes_dropped] }
 *       PartB { _typeName "Log", body, severityNumber i16, severityText }
 * </pre>
 * Strings are {@code string_length16_char8} (UTF-8 by default); booleans value8/boolean; integral numbers
 * value64/signed; floating-point value64/float. MDC {@code trace_id}/{@code span_id} (the keys OpenTelemetry's
 * Java agent sets) go to {@code PartA.ext_dt}.
 *
 * <p>Bounded: a record never exceeds {@link #maxRecordBytes()} ({@code maxMessageBytes} + {@value #FIELDS_BYTES},
 * by default 7 168, under perf's 8 KiB per-event buffer; at most 64 KiB). Names, thread, exception type and message
 * and each attribute have their own bounds, attributes together at most a quarter of the record; the body and the
 * stack trace share the rest, each at most {@code maxMessageBytes}, and a cut one ends in
 * {@link Utf8Text#TRUNCATION_MARKER}. Attributes that do not fit are counted in {@code userevents.attributes_dropped}.
 *
 * <p>User code ({@code toString()} of attribute values, the throwable's message and trace) runs here, before the
 * caller holds a ring slot; a nested log call from it gets its own scratch. Allocates nothing for strings, numbers
 * and booleans except what the throwable's rendering needs.
 */
final class EventHeaderEncoder {
    /** Common Schema 4.0. */
    public static final int CS_VERSION = 0x400;
    public static final String TYPE_NAME = "Log";
    /** The event name when the logger has none (OTel's exporters' choice for a log without a target). */
    public static final String DEFAULT_EVENT_NAME = "Log";
    /** Room for everything but the body, beyond {@code maxMessageBytes}. */
    public static final int FIELDS_BYTES = 4096;
    public static final String TRACE_ID_KEY = "trace_id";
    public static final String SPAN_ID_KEY = "span_id";
    public static final String DROPPED_ATTRIBUTES_FIELD = "userevents.attributes_dropped";

    static final int MAX_NAME_BYTES = 256;
    static final int MAX_SHORT_VALUE_BYTES = 256;
    static final int MAX_EXCEPTION_MESSAGE_BYTES = 1024;
    static final int MAX_ATTRIBUTE_VALUE_BYTES = 1024;

    // ---- record layout, offsets from the record's start ----
    static final int WRITE_INDEX_OFFSET = 0;
    static final int HEADER_OFFSET = 4;
    static final int EXTENSION_OFFSET = HEADER_OFFSET + HEADER_SIZE;
    static final int METADATA_OFFSET = EXTENSION_OFFSET + EXTENSION_HEADER_SIZE;

    /** PartB up to the body's value: struct, _typeName field and "Log", body's field. */
    private static final int PART_B_HEAD_BYTES = (6 + 2) + (10 + 1) + (2 + 3) + (5 + 1);
    /** PartB from the body's value on, without its text: length, severityNumber, severityText (at most 5 bytes). */
    private static final int PART_B_TAIL_BYTES = 2 + (15 + 2) + 2 + (13 + 1) + (2 + 5);
    private static final int PART_B_BYTES = PART_B_HEAD_BYTES + PART_B_TAIL_BYTES;
    private static final int DROPPED_FIELD_BYTES = DROPPED_ATTRIBUTES_FIELD.length() + 1 + 2 + 8;
    private static final int STACK_FIELD_BYTES = "exception.stacktrace".length() + 1 + 1 + 2;
    /** Below this a truncated text would be only its marker. */
    private static final int MIN_TEXT_BYTES = 32;

    // ---- field definitions that never change, encoded once (the metadata is mostly these) ----
    private static final byte[] CSVER_META = definition("__csver__", ENCODING_VALUE32, FORMAT_UNSIGNED_INT);
    private static final byte[] PART_A_META = concat(struct("PartA", 1), definition("time", ENCODING_STRING_LENGTH16_CHAR8));
    private static final byte[] PART_A_WITH_TRACE_META = concat(struct("PartA", 2),
            definition("time", ENCODING_STRING_LENGTH16_CHAR8), struct("ext_dt", 2),
            definition("traceId", ENCODING_STRING_LENGTH16_CHAR8), definition("spanId", ENCODING_STRING_LENGTH16_CHAR8));
    /** PartC's struct (its count, the last byte, is set at the end) and its first field. */
    private static final byte[] PART_C_META = concat(struct("PartC", 1), definition("thread.name", ENCODING_STRING_LENGTH16_CHAR8));
    private static final int PART_C_COUNT_OFFSET = struct("PartC", 1).length - 1;
    private static final byte[] THREAD_ID_META = definition("thread.id", ENCODING_VALUE64, FORMAT_SIGNED_INT);
    private static final byte[] EXCEPTION_TYPE_META = definition("exception.type", ENCODING_STRING_LENGTH16_CHAR8);
    private static final byte[] EXCEPTION_MESSAGE_META = definition("exception.message", ENCODING_STRING_LENGTH16_CHAR8);
    private static final byte[] EXCEPTION_STACKTRACE_META = definition("exception.stacktrace", ENCODING_STRING_LENGTH16_CHAR8);
    private static final byte[] DROPPED_META = definition(DROPPED_ATTRIBUTES_FIELD, ENCODING_VALUE64, FORMAT_SIGNED_INT);
    private static final byte[] PART_B_HEAD_META = concat(struct("PartB", 4),
            definition("_typeName", ENCODING_STRING_LENGTH16_CHAR8), definition("body", ENCODING_STRING_LENGTH16_CHAR8));
    private static final byte[] PART_B_TAIL_META = concat(definition("severityNumber", ENCODING_VALUE16, FORMAT_SIGNED_INT),
            definition("severityText", ENCODING_STRING_LENGTH16_CHAR8));
    private static final byte[] TYPE_NAME_DATA = counted(TYPE_NAME);
    private static final byte[] UTC_OFFSET = "+00:00".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[][] SEVERITY_TEXT_DATA = new byte[Level.values().length][];
    static {
        for (Level level : Level.values()) {
            SEVERITY_TEXT_DATA[level.ordinal()] = counted(level.name());
        }
    }

    private final int maxBodyBytes;
    private final int maxRecordBytes;
    private final ThreadLocal<Encoding> perThread;

    public EventHeaderEncoder(int maxMessageBytes) {
        this.maxBodyBytes = EventEncoder.clampMaxMessageBytes(maxMessageBytes);
        this.maxRecordBytes = Math.min(EventHeaderFormat.MAX_EVENT_BYTES, maxBodyBytes + FIELDS_BYTES);
        this.perThread = ThreadLocal.withInitial(this::newEncoding);
    }

    /** The largest record this encoder writes, write_index included. */
    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    private Encoding newEncoding() {
        return new Encoding(maxRecordBytes);
    }

    /** This thread's encoding state, or a fresh one when a nested log call (from an attribute's toString) asks. */
    Encoding acquire() {
        Encoding encoding = perThread.get();
        if (encoding.inUse) {
            return newEncoding();
        }
        encoding.inUse = true;
        return encoding;
    }

    void release(Encoding encoding) {
        encoding.inUse = false;
        encoding.clearReferences();
    }

    /**
     * Encodes {@code logger}'s record of {@code level} on this thread (user code, such as an attribute's
     * {@code toString()}, runs here, before any ring slot is held) and hands it to {@code writer}.
     */
    <E> void write(EventWriter writer, LoggerEvents logger, Level level, CharSequence body, Throwable thrown, E event,
                   LogEventReader<E> reader) {
        Encoding encoding = acquire();
        try {
            writer.write(encode(encoding, logger.providerWriteIndex(level), logger.eventHeaderNameMeta(), level, body,
                    thrown, event, reader));
        } finally {
            release(encoding);
        }
    }

    /** Encodes into {@code encoding.record} ({@code eventNameMeta} from {@link #eventNameMeta}) and returns it. */
    <E> EncodedRecord encode(Encoding encoding, int writeIndex, byte[] eventNameMeta, Level level, CharSequence body,
                             Throwable thrown, E event, LogEventReader<E> reader) {
        return encoding.encode(this, writeIndex, eventNameMeta, level, body, thrown, event, reader);
    }

    /**
     * The metadata's event name for a logger: its name (or {@value #DEFAULT_EVENT_NAME}) in UTF-8, at most
     * {@value #MAX_NAME_BYTES} bytes, ';' (which would start attributes) as '_', NUL-terminated.
     */
    static byte[] eventNameMeta(String loggerName) {
        String name = loggerName == null || loggerName.isEmpty() ? DEFAULT_EVENT_NAME : loggerName;
        byte[] bytes = zstring(name, MAX_NAME_BYTES);
        for (int i = 0; i < bytes.length - 1; i++) {
            if (bytes[i] == ';') { // UTF-8 never reuses 0x3B inside a multi-byte character
                bytes[i] = '_';
            }
        }
        return bytes;
    }

    /** UTF-8 of {@code text} (at most {@code maxBytes}, as {@link Utf8Text#put} bounds it), then a NUL. */
    private static byte[] zstring(String text, int maxBytes) {
        ByteBuffer buffer = ByteBuffer.allocate(maxBytes + 1);
        int end = Utf8Text.put(buffer, 0, text, 0, text.length(), maxBytes);
        return java.util.Arrays.copyOf(buffer.array(), end + 1); // the byte after the text stays 0: the NUL
    }

    private static byte[] definition(String name, int encoding) {
        return concat(zstring(name, MAX_NAME_BYTES), new byte[] {(byte) encoding});
    }

    private static byte[] definition(String name, int encoding, int format) {
        return concat(zstring(name, MAX_NAME_BYTES), new byte[] {(byte) (encoding | ENCODING_CHAIN_FLAG), (byte) format});
    }

    private static byte[] struct(String name, int fieldCount) {
        return definition(name, ENCODING_STRUCT, fieldCount);
    }

    private static byte[] counted(String ascii) {
        byte[] text = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return concat(new byte[] {(byte) text.length, (byte) (text.length >>> 8)}, text);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** One thread's buffers and cursors; its {@code accept} is the attribute sink (no lambda per event). */
    static final class Encoding implements BiConsumer<String, Object> {
        final EncodedRecord record;
        /** Field values, written while the metadata goes into {@link #record}; copied after it at the end. */
        private final ByteBuffer data;
        private final StringBuilder stackTrace = new StringBuilder(256);
        boolean inUse;

        /** Absolute position of the next metadata byte in record.bytes. */
        private int meta;
        /** Next position in {@link #data}. */
        private int dataEnd;
        private final int maxRecordBytes;
        /** The second {@link #cachedDateTime} shows. */
        private long cachedSecond = Long.MIN_VALUE;
        private final byte[] cachedDateTime = new byte[19];

        // attribute passes
        private boolean sizing;
        private Object traceId;
        private Object spanId;
        private boolean traceContext;
        private int attributeBytesAllowed;
        private int attributeBytes;
        private int attributeFieldsAllowed;
        private int attributeFields;
        private int attributesDropped;

        Encoding(int maxRecordBytes) {
            this.record = new EncodedRecord(maxRecordBytes);
            this.data = ByteBuffer.allocate(maxRecordBytes).order(ByteOrder.LITTLE_ENDIAN);
            this.maxRecordBytes = maxRecordBytes;
        }

        void clearReferences() {
            traceId = null;
            spanId = null;
            if (stackTrace.capacity() > MessageBuffers.MAX_KEPT_CHARS) {
                stackTrace.setLength(0);
                stackTrace.trimToSize();
            }
        }

        private int used() {
            return meta - EncodedRecord.RECORD_OFFSET + dataEnd;
        }

        <E> EncodedRecord encode(EventHeaderEncoder encoder, int writeIndex, byte[] eventNameMeta, Level level,
                                 CharSequence body, Throwable thrown, E event, LogEventReader<E> reader) {
            final int start = EncodedRecord.RECORD_OFFSET;
            final ByteBuffer out = record.bytes;
            final int maxBody = encoder.maxBodyBytes;
            meta = start + METADATA_OFFSET;
            dataEnd = 0;

            // Size the attributes first (and find the trace context): they are bounded, body and stack share the rest.
            sizing = true;
            traceId = null;
            spanId = null;
            attributeBytes = 0;
            attributeFields = 0;
            attributesDropped = 0;
            attributeBytesAllowed = maxRecordBytes / 4;
            attributeFieldsAllowed = MAX_STRUCT_FIELDS - 6; // thread x2, exception x3, dropped count
            reader.forEachAttribute(event, this);
            traceContext = traceId instanceof CharSequence && spanId instanceof CharSequence;
            int attributeBudget = attributeBytes;
            if (!traceContext) {
                traceId = null; // written as ordinary attributes in the second pass
                spanId = null;
                attributeBudget = Math.min(attributeBytesAllowed, attributeBudget + 2 * (MAX_NAME_BYTES + MAX_SHORT_VALUE_BYTES));
            }
            CharSequence text = body == null ? "null" : body;
            int bodyBytes = Math.min(maxBody, Utf8Text.length(text, 0, text.length(), maxBody));
            int stackBytes = 0;
            stackTrace.setLength(0);
            if (thrown != null) {
                // One character past the bound, so a cut trace is longer than its room and gets the marker.
                StackTraces.append(stackTrace, thrown, maxBody + 2); // starts with '\n'
                stackBytes = Math.min(maxBody, Utf8Text.length(stackTrace, 1, stackTrace.length(), maxBody));
            }

            // Header and metadata extension block.
            out.putInt(start + WRITE_INDEX_OFFSET, writeIndex);
            out.put(start + HEADER_OFFSET + EventHeaderFormat.HEADER_FLAGS_OFFSET, (byte) FLAGS_DEFAULT_WITH_EXTENSION);
            out.put(start + HEADER_OFFSET + EventHeaderFormat.HEADER_VERSION_OFFSET, (byte) 0);
            out.putShort(start + HEADER_OFFSET + EventHeaderFormat.HEADER_ID_OFFSET, (short) 0);
            out.putShort(start + HEADER_OFFSET + EventHeaderFormat.HEADER_TAG_OFFSET, (short) 0);
            out.put(start + HEADER_OFFSET + EventHeaderFormat.HEADER_OPCODE_OFFSET, (byte) 0);
            out.put(start + HEADER_OFFSET + EventHeaderFormat.HEADER_LEVEL_OFFSET, (byte) level.providerLevel);
            out.putShort(start + EXTENSION_OFFSET + EventHeaderFormat.EXTENSION_KIND_OFFSET, (short) EXTENSION_KIND_METADATA);
            meta(eventNameMeta);

            meta(CSVER_META);
            data.putInt(dataEnd, CS_VERSION);
            dataEnd += 4;

            meta(traceContext ? PART_A_WITH_TRACE_META : PART_A_META);
            putTime(reader.timeEpochNanos(event));
            if (traceContext) {
                putString((CharSequence) traceId, MAX_SHORT_VALUE_BYTES);
                putString((CharSequence) spanId, MAX_SHORT_VALUE_BYTES);
            }

            int partCCount = meta + PART_C_COUNT_OFFSET; // the struct's count byte, set at the end
            meta(PART_C_META);
            int partCFields = 1;
            String threadName = reader.threadName(event);
            putString(threadName == null ? "" : threadName, MAX_SHORT_VALUE_BYTES);
            long threadId = reader.threadId(event);
            if (threadId != LogEventReader.UNKNOWN_THREAD_ID) {
                meta(THREAD_ID_META);
                putLong(threadId);
                partCFields++;
            }
            if (thrown != null) {
                meta(EXCEPTION_TYPE_META);
                putString(thrown.getClass().getName(), MAX_SHORT_VALUE_BYTES);
                partCFields++;
                String message = exceptionMessage(thrown);
                if (message != null) {
                    meta(EXCEPTION_MESSAGE_META);
                    putString(message, MAX_EXCEPTION_MESSAGE_BYTES);
                    partCFields++;
                }
            }
            // Body and stack trace share what the attributes, the drop count and PartB leave; the body comes first,
            // the stack trace keeps at least half of that room when it needs it.
            int room = maxRecordBytes - used() - attributeBudget - DROPPED_FIELD_BYTES - PART_B_BYTES
                    - (thrown != null ? STACK_FIELD_BYTES : 0);
            int bodyAllowed = Math.min(bodyBytes, room - Math.min(stackBytes, room / 2));
            if (thrown != null) {
                meta(EXCEPTION_STACKTRACE_META);
                putString(stackTrace, 1, stackTrace.length(), Math.max(MIN_TEXT_BYTES, Math.min(stackBytes, room - bodyAllowed)));
                partCFields++;
            }

            sizing = false;
            attributeBytesAllowed = attributeBudget;
            attributeBytes = 0;
            attributeFields = 0;
            reader.forEachAttribute(event, this);
            partCFields += attributeFields;
            if (attributesDropped > 0) {
                meta(DROPPED_META);
                putLong(attributesDropped);
                partCFields++;
            }
            out.put(partCCount, (byte) partCFields);

            meta(PART_B_HEAD_META);
            data.put(dataEnd, TYPE_NAME_DATA);
            dataEnd += TYPE_NAME_DATA.length;
            int bodyRoom = maxRecordBytes - used() - PART_B_TAIL_BYTES;
            putString(text, 0, text.length(), Math.max(MIN_TEXT_BYTES, Math.min(maxBody, bodyRoom)));
            meta(PART_B_TAIL_META);
            data.putShort(dataEnd, (short) level.severityNumber);
            dataEnd += 2;
            byte[] severityText = SEVERITY_TEXT_DATA[level.ordinal()];
            data.put(dataEnd, severityText);
            dataEnd += severityText.length;

            int metaBytes = meta - (start + METADATA_OFFSET);
            out.putShort(start + EXTENSION_OFFSET + EventHeaderFormat.EXTENSION_SIZE_OFFSET, (short) metaBytes);
            out.put(meta, data, 0, dataEnd); // fails (counted as an error by the caller) rather than overrun
            record.length = METADATA_OFFSET + metaBytes + dataEnd;
            return record;
        }

        /** The attribute sink: sizes in the first pass, writes in the second. */
        @Override
        public void accept(String key, Object value) {
            if (key == null) {
                return;
            }
            if (key.equals(TRACE_ID_KEY) || key.equals(SPAN_ID_KEY)) {
                if (sizing) { // not sized: without the other one they are written below, in room kept for them
                    if (key.equals(TRACE_ID_KEY)) {
                        traceId = value;
                    } else {
                        spanId = value;
                    }
                    return;
                }
                if (traceContext) {
                    return; // in PartA.ext_dt
                }
            }
            int nameBytes = Math.min(MAX_NAME_BYTES, Utf8Text.length(key, 0, key.length(), MAX_NAME_BYTES)) + 1 + 2;
            if (sizing) {
                int size = nameBytes + estimatedValueBytes(value);
                if (attributeFields < attributeFieldsAllowed && attributeBytes + size <= attributeBytesAllowed) {
                    attributeFields++;
                    attributeBytes += size;
                }
                return;
            }
            int kind = kind(value);
            CharSequence string = null;
            int valueBytes;
            if (kind == STRING) {
                string = value instanceof CharSequence ? (CharSequence) value : describe(value);
                valueBytes = 2 + Math.min(MAX_ATTRIBUTE_VALUE_BYTES, Utf8Text.length(string, 0, string.length(), MAX_ATTRIBUTE_VALUE_BYTES));
            } else {
                valueBytes = kind == BOOLEAN ? 1 : 8;
            }
            if (attributeFields >= attributeFieldsAllowed || attributeBytes + nameBytes + valueBytes > attributeBytesAllowed) {
                attributesDropped++;
                return;
            }
            attributeFields++;
            attributeBytes += nameBytes + valueBytes;
            switch (kind) {
                case BOOLEAN:
                    metaField(key, ENCODING_VALUE8, FORMAT_BOOLEAN);
                    data.put(dataEnd++, (byte) (((Boolean) value) ? 1 : 0));
                    break;
                case INTEGER:
                    metaField(key, ENCODING_VALUE64, FORMAT_SIGNED_INT);
                    putLong(((Number) value).longValue());
                    break;
                case FLOATING:
                    metaField(key, ENCODING_VALUE64, FORMAT_FLOAT);
                    putLong(Double.doubleToRawLongBits(((Number) value).doubleValue()));
                    break;
                default:
                    metaField(key, ENCODING_STRING_LENGTH16_CHAR8);
                    putString(string, 0, string.length(), MAX_ATTRIBUTE_VALUE_BYTES);
                    break;
            }
        }

        // How an attribute value is written: boolean (value8), i64, f64 (value64), or its string.
        private static final int BOOLEAN = 0;
        private static final int INTEGER = 1;
        private static final int FLOATING = 2;
        private static final int STRING = 3;

        private static int kind(Object value) {
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

        private static int estimatedValueBytes(Object value) {
            int kind = kind(value);
            if (kind != STRING) {
                return kind == BOOLEAN ? 1 : 8;
            }
            if (value instanceof CharSequence) {
                CharSequence s = (CharSequence) value;
                return 2 + Math.min(MAX_ATTRIBUTE_VALUE_BYTES, Utf8Text.length(s, 0, s.length(), MAX_ATTRIBUTE_VALUE_BYTES));
            }
            return 2 + MAX_ATTRIBUTE_VALUE_BYTES; // its toString() runs once, when written
        }

        /** {@code String.valueOf}, or what went wrong: a value's toString() must not fail the log call. */
        private static String describe(Object value) {
            try {
                return String.valueOf(value);
            } catch (RuntimeException e) {
                return "[toString() failed: " + e.getClass().getName() + "]";
            }
        }

        private static String exceptionMessage(Throwable thrown) {
            try {
                return thrown.getMessage();
            } catch (RuntimeException e) {
                return "[getMessage() failed: " + e.getClass().getName() + "]";
            }
        }

        private void meta(byte[] definitions) {
            record.bytes.put(meta, definitions);
            meta += definitions.length;
        }

        private void metaName(String name) {
            meta = Utf8Text.put(record.bytes, meta, name, 0, name.length(), MAX_NAME_BYTES);
            record.bytes.put(meta++, (byte) 0);
        }

        /** A field with its encoding's default format: one byte, as OTel's exporters write strings. */
        private void metaField(String name, int encoding) {
            metaName(name);
            record.bytes.put(meta++, (byte) encoding);
        }

        private void metaField(String name, int encoding, int format) {
            metaName(name);
            record.bytes.put(meta++, (byte) (encoding | ENCODING_CHAIN_FLAG));
            record.bytes.put(meta++, (byte) format);
        }

        private void putLong(long value) {
            data.putLong(dataEnd, value);
            dataEnd += 8;
        }

        private void putString(CharSequence value, int maxBytes) {
            putString(value, 0, value.length(), maxBytes);
        }

        /** {@code u16} byte length, then UTF-8. */
        private void putString(CharSequence value, int from, int to, int maxBytes) {
            int lengthAt = dataEnd;
            int end = Utf8Text.put(data, lengthAt + 2, value, from, to, maxBytes);
            data.putShort(lengthAt, (short) (end - lengthAt - 2));
            dataEnd = end;
        }

        /** RFC 3339 in UTC as chrono's {@code to_rfc3339} writes it (the OTel Rust exporter): fraction 0/3/6/9 digits, {@code +00:00}. */
        private void putTime(long epochNanos) {
            long seconds = Math.floorDiv(epochNanos, 1_000_000_000L);
            int nanos = (int) Math.floorMod(epochNanos, 1_000_000_000L);
            if (seconds != cachedSecond) { // date and time of day change once a second: format them then
                formatSecond(seconds);
                cachedSecond = seconds;
            }
            int lengthAt = dataEnd;
            int p = lengthAt + 2;
            data.put(p, cachedDateTime);
            p += cachedDateTime.length;
            if (nanos != 0) {
                data.put(p++, (byte) '.');
                if (nanos % 1_000_000 == 0) {
                    p = digits(p, nanos / 1_000_000, 3);
                } else if (nanos % 1_000 == 0) {
                    p = digits(p, nanos / 1_000, 6);
                } else {
                    p = digits(p, nanos, 9);
                }
            }
            data.put(p, UTC_OFFSET);
            p += UTC_OFFSET.length;
            data.putShort(lengthAt, (short) (p - lengthAt - 2));
            dataEnd = p;
        }

        /** {@code YYYY-MM-DDTHH:MM:SS} of {@code seconds} since 1970 into {@link #cachedDateTime}. */
        private void formatSecond(long seconds) {
            long days = Math.floorDiv(seconds, 86_400L);
            int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
            // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
            long z = days + 719_468;
            long era = Math.floorDiv(z, 146_097);
            long dayOfEra = z - era * 146_097;
            long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
            long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
            long mp = (5 * dayOfYear + 2) / 153;
            int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
            int month = (int) (mp < 10 ? mp + 3 : mp - 9);
            long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
            byte[] t = cachedDateTime;
            digits(t, 0, year, 4);
            t[4] = '-';
            digits(t, 5, month, 2);
            t[7] = '-';
            digits(t, 8, day, 2);
            t[10] = 'T';
            digits(t, 11, secondOfDay / 3600, 2);
            t[13] = ':';
            digits(t, 14, secondOfDay / 60 % 60, 2);
            t[16] = ':';
            digits(t, 17, secondOfDay % 60, 2);
        }

        private static void digits(byte[] into, int position, long value, int width) {
            for (int i = width - 1; i >= 0; i--) {
                into[position + i] = (byte) ('0' + value % 10);
                value /= 10;
            }
        }

        private int digits(int position, long value, int width) {
            for (int i = width - 1; i >= 0; i--) {
                data.put(position + i, (byte) ('0' + value % 10));
                value /= 10;
            }
            return position + width;
        }
    }
}
