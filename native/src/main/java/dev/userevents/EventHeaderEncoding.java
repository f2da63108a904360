package dev.userevents;

import static dev.userevents.EventHeaderLayout.*;
import static dev.userevents.format.EventHeaderFormat.ENCODING_CHAIN_FLAG;
import static dev.userevents.format.EventHeaderFormat.ENCODING_STRING_LENGTH16_CHAR8;
import static dev.userevents.format.EventHeaderFormat.ENCODING_VALUE64;
import static dev.userevents.format.EventHeaderFormat.ENCODING_VALUE8;
import static dev.userevents.format.EventHeaderFormat.EXTENSION_KIND_METADATA;
import static dev.userevents.format.EventHeaderFormat.FLAGS_DEFAULT_WITH_EXTENSION;
import static dev.userevents.format.EventHeaderFormat.FORMAT_BOOLEAN;
import static dev.userevents.format.EventHeaderFormat.FORMAT_FLOAT;
import static dev.userevents.format.EventHeaderFormat.FORMAT_SIGNED_INT;

import dev.userevents.format.EventHeaderFormat;
import dev.userevents.spi.MessageBuffers;
import dev.userevents.spi.StackTraces;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.BiConsumer;

/**
 * The encode of {@link EventHeaderEncoder}'s records, with one thread's buffers and cursors (the encoder keeps one
 * per thread, a fresh one for a nested log call); its {@code accept} is the attribute sink (no lambda per event).
 */
final class EventHeaderEncoding implements BiConsumer<String, Object> {
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
    private final Rfc3339Time time = new Rfc3339Time();

    // attribute passes
    private final AttributeBudget attributes = new AttributeBudget();
    private boolean sizing;
    private Object traceId;
    private Object spanId;
    private boolean traceContext;

    EventHeaderEncoding(int maxRecordBytes) {
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

    <E> EncodedRecord encode(
            EventHeaderEncoder encoder,
            int writeIndex,
            byte[] eventNameMeta,
            Level level,
            CharSequence body,
            Throwable thrown,
            E event,
            LogEventReader<E> reader) {
        final int start = EncodedRecord.RECORD_OFFSET;
        final ByteBuffer out = record.bytes;
        final int maxBody = encoder.maxBodyBytes;
        meta = start + METADATA_OFFSET;
        dataEnd = 0;

        // Size the attributes first (and find the trace context): they are bounded, body and stack share the rest.
        sizing = true;
        traceId = null;
        spanId = null;
        attributes.startSizing(maxRecordBytes);
        reader.forEachAttribute(event, this);
        traceContext = traceId instanceof CharSequence && spanId instanceof CharSequence;
        if (!traceContext) {
            traceId = null; // written as ordinary attributes in the second pass
            spanId = null;
        }
        int attributeBudget = attributes.kept(traceContext);
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
        out.putShort(
                start + EXTENSION_OFFSET + EventHeaderFormat.EXTENSION_KIND_OFFSET, (short) EXTENSION_KIND_METADATA);
        meta(eventNameMeta);

        meta(CSVER_META);
        data.putInt(dataEnd, CS_VERSION);
        dataEnd += CS_VERSION_BYTES;

        meta(traceContext ? PART_A_WITH_TRACE_META : PART_A_META);
        dataEnd = time.putCounted(data, dataEnd, reader.timeEpochNanos(event));
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
        int room = maxRecordBytes
                - used()
                - attributeBudget
                - DROPPED_FIELD_BYTES
                - PART_B_BYTES
                - (thrown != null ? STACK_FIELD_BYTES : 0);
        int bodyAllowed = Math.min(bodyBytes, room - Math.min(stackBytes, room / 2));
        if (thrown != null) {
            meta(EXCEPTION_STACKTRACE_META);
            putString(
                    stackTrace,
                    1,
                    stackTrace.length(),
                    Math.max(EventHeaderEncoder.MIN_TEXT_BYTES, Math.min(stackBytes, room - bodyAllowed)));
            partCFields++;
        }

        sizing = false;
        attributes.startWriting(attributeBudget);
        reader.forEachAttribute(event, this);
        partCFields += attributes.fields();
        if (attributes.dropped() > 0) {
            meta(DROPPED_META);
            putLong(attributes.dropped());
            partCFields++;
        }
        out.put(partCCount, (byte) partCFields);

        meta(PART_B_HEAD_META);
        data.put(dataEnd, TYPE_NAME_DATA);
        dataEnd += TYPE_NAME_DATA.length;
        int bodyRoom = maxRecordBytes - used() - PART_B_TAIL_BYTES;
        putString(text, 0, text.length(), Math.max(EventHeaderEncoder.MIN_TEXT_BYTES, Math.min(maxBody, bodyRoom)));
        meta(PART_B_TAIL_META);
        data.putShort(dataEnd, (short) level.severityNumber);
        dataEnd += SEVERITY_NUMBER_BYTES;
        byte[] severityText = EventHeaderLayout.severityText(level);
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
        if (key.equals(EventHeaderEncoder.TRACE_ID_KEY) || key.equals(EventHeaderEncoder.SPAN_ID_KEY)) {
            if (sizing) { // not sized: without the other one they are written below, in room kept for them
                if (key.equals(EventHeaderEncoder.TRACE_ID_KEY)) {
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
        if (sizing) {
            attributes.size(key, value);
            return;
        }
        int kind = AttributeBudget.kind(value);
        CharSequence string = null;
        if (kind == AttributeBudget.STRING) {
            string = value instanceof CharSequence ? (CharSequence) value : describe(value);
        }
        if (!attributes.admit(AttributeBudget.nameBytes(key) + AttributeBudget.valueBytes(kind, string))) {
            return;
        }
        switch (kind) {
            case AttributeBudget.BOOLEAN:
                metaField(key, ENCODING_VALUE8, FORMAT_BOOLEAN);
                data.put(dataEnd++, (byte) (((Boolean) value) ? 1 : 0));
                break;
            case AttributeBudget.INTEGER:
                metaField(key, ENCODING_VALUE64, FORMAT_SIGNED_INT);
                putLong(((Number) value).longValue());
                break;
            case AttributeBudget.FLOATING:
                metaField(key, ENCODING_VALUE64, FORMAT_FLOAT);
                putLong(Double.doubleToRawLongBits(((Number) value).doubleValue()));
                break;
            default:
                metaField(key, ENCODING_STRING_LENGTH16_CHAR8);
                putString(string, 0, string.length(), MAX_ATTRIBUTE_VALUE_BYTES);
                break;
        }
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
        dataEnd += VALUE64_BYTES;
    }

    private void putString(CharSequence value, int maxBytes) {
        putString(value, 0, value.length(), maxBytes);
    }

    /** {@code u16} byte length, then UTF-8. */
    private void putString(CharSequence value, int from, int to, int maxBytes) {
        int lengthAt = dataEnd;
        int end = Utf8Text.put(data, lengthAt + LENGTH_PREFIX_BYTES, value, from, to, maxBytes);
        data.putShort(lengthAt, (short) (end - lengthAt - LENGTH_PREFIX_BYTES));
        dataEnd = end;
    }
}
