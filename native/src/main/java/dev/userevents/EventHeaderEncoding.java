package dev.userevents;

import static dev.userevents.EventHeaderLayout.*;
import static dev.userevents.format.EventHeaderFormat.*;

import dev.userevents.format.EventHeaderFormat;
import dev.userevents.spi.MessageBuffers;
import dev.userevents.spi.StackTraces;
import java.util.function.BiConsumer;

/**
 * The encode of {@link EventHeaderEncoder}'s records, with one thread's buffers and cursors (the encoder keeps one
 * per thread, a fresh one for a nested log call); its {@code accept} is the attribute sink (no lambda per event).
 * The record is written into two heap arrays (field definitions, then data); the writer copies each once into
 * native memory, the ring's slot or its write buffer, where a native write per
 * field would cost a memory-session check each (as would a heap {@code ByteBuffer}'s put). Strings that come back
 * as the same instance (the thread's name, the MDC's keys and values, by position) are copied from
 * {@link TextMemo}s instead of encoded again; an attribute list that comes back whole is copied from its
 * {@link AttributeMemo}, without a write pass.
 */
final class EventHeaderEncoding implements BiConsumer<String, Object> {
    /** Memos kept for the first attributes by position; later positions share the last memo. */
    private static final int MEMO_POSITIONS = 8;

    /**
     * The record: write index, header (its constant bytes written once), extension block and the field definitions
     * from {@link EventHeaderLayout#METADATA_OFFSET} on; the data follows it in native memory.
     */
    private final byte[] metadata;
    /** Field values, written beside the metadata; copied after it at the end. */
    private final byte[] data;

    private final StringBuilder stackTrace = new StringBuilder(256);
    boolean inUse;

    /** Next position in {@link #metadata} (the record's offset of the next metadata byte). */
    private int meta;
    /** Next position in {@link #data}. */
    private int dataEnd;

    private final int maxRecordBytes;
    private final Rfc3339Time time = new Rfc3339Time();

    // attribute passes
    private final AttributeBudget attributes = new AttributeBudget();
    private final AttributeMemo attributeMemo = new AttributeMemo();
    private boolean sizing;
    private Object traceId;
    private Object spanId;
    private boolean traceContext;
    /** The attribute's position in this pass ({@link #accept} counts them): its memos' index. */
    private int attributeIndex;

    private final TextMemo threadNameText = new TextMemo();
    private final TextMemo traceIdText = new TextMemo();
    private final TextMemo spanIdText = new TextMemo();
    private final TextMemo[] keyTexts = new TextMemo[MEMO_POSITIONS];
    private final TextMemo[] valueTexts = new TextMemo[MEMO_POSITIONS];

    EventHeaderEncoding(int maxRecordBytes) {
        this.metadata = new byte[maxRecordBytes];
        metadata[HEADER_OFFSET + EventHeaderFormat.HEADER_FLAGS_OFFSET] = (byte) FLAGS_DEFAULT_WITH_EXTENSION;
        // version, id, tag and opcode stay 0
        LittleEndian.putShort(
                metadata, EXTENSION_OFFSET + EventHeaderFormat.EXTENSION_KIND_OFFSET, (short) EXTENSION_KIND_METADATA);
        this.data = new byte[maxRecordBytes];
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
        return meta + dataEnd;
    }

    /** The record's first part from index 0: write index, header, extension and field definitions. */
    byte[] metadata() {
        return metadata;
    }

    /** The record's second part from index 0, {@code encode}'s length minus {@link #metadataLength()} bytes. */
    byte[] data() {
        return data;
    }

    int metadataLength() {
        return meta;
    }

    /** The whole record in one array (the metadata's, the data copied after it), for readers of one record. */
    byte[] record() {
        System.arraycopy(data, 0, metadata, meta, dataEnd);
        return metadata;
    }

    /**
     * Encodes one record, {@link #metadata()} then {@link #data()}, and returns its length. The writer copies the
     * two parts into native memory one after the other; joined here they would cost one more copy of the data.
     */
    <E> int encode(
            EventHeaderEncoder encoder,
            int writeIndex,
            byte[] eventNameMeta,
            Level level,
            CharSequence body,
            Throwable thrown,
            E event,
            LogEventReader<E> reader) {
        final int maxBody = encoder.maxBodyBytes;
        meta = METADATA_OFFSET;
        dataEnd = 0;

        // Size the attributes first (and find the trace context): they are bounded, body and stack share the rest.
        sizing = true;
        traceId = null;
        spanId = null;
        attributes.startSizing(maxRecordBytes);
        attributeMemo.startSizing();
        attributeIndex = 0;
        reader.forEachAttribute(event, this);
        boolean attributesKept = attributeMemo.endSizing();
        traceContext = traceId instanceof CharSequence && spanId instanceof CharSequence;
        if (!traceContext) {
            traceId = null; // written as ordinary attributes in the second pass
            spanId = null;
        }
        int attributeBudget = attributes.kept(traceContext);
        CharSequence text = body == null ? "null" : body;
        int bodyBytes = 0; // the body's share is decided beside a stack trace only
        int stackBytes = 0;
        stackTrace.setLength(0);
        if (thrown != null) {
            bodyBytes = Utf8Text.cappedLength(text, 0, text.length(), maxBody);
            // One character past the bound, so a cut trace is longer than its room and gets the marker.
            StackTraces.append(stackTrace, thrown, maxBody + 2); // starts with '\n'
            stackBytes = Utf8Text.cappedLength(stackTrace, 1, stackTrace.length(), maxBody);
        }

        // Header and metadata extension block (the constant bytes are in place).
        LittleEndian.putInt(metadata, WRITE_INDEX_OFFSET, writeIndex);
        metadata[HEADER_OFFSET + EventHeaderFormat.HEADER_LEVEL_OFFSET] = (byte) level.providerLevel;
        meta(eventNameMeta);

        meta(traceContext ? CSVER_PART_A_WITH_TRACE_META : CSVER_PART_A_META);
        LittleEndian.putInt(data, dataEnd, CS_VERSION);
        dataEnd += CS_VERSION_BYTES;
        dataEnd = time.putCounted(data, dataEnd, reader.timeEpochNanos(event));
        if (traceContext) {
            putString(traceIdText, (CharSequence) traceId, MAX_SHORT_VALUE_BYTES);
            putString(spanIdText, (CharSequence) spanId, MAX_SHORT_VALUE_BYTES);
        }

        long threadId = reader.threadId(event);
        boolean hasThreadId = threadId != LogEventReader.UNKNOWN_THREAD_ID;
        int partCCount = meta + PART_C_COUNT_OFFSET; // the struct's count byte, set at the end
        meta(hasThreadId ? PART_C_WITH_THREAD_ID_META : PART_C_META);
        int partCFields = hasThreadId ? 2 : 1;
        String threadName = reader.threadName(event);
        putString(threadNameText, threadName == null ? "" : threadName, MAX_SHORT_VALUE_BYTES);
        if (hasThreadId) {
            putLong(threadId);
        }
        if (thrown != null) {
            meta(EXCEPTION_TYPE_META);
            String type = thrown.getClass().getName();
            putString(type, 0, type.length(), MAX_SHORT_VALUE_BYTES);
            partCFields++;
            String message = exceptionMessage(thrown);
            if (message != null) {
                meta(EXCEPTION_MESSAGE_META);
                putString(message, 0, message.length(), MAX_EXCEPTION_MESSAGE_BYTES);
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
        int dropped;
        if (attributesKept) {
            meta = attributeMemo.copyMeta(metadata, meta);
            dataEnd = attributeMemo.copyData(data, dataEnd);
            partCFields += attributeMemo.fields();
            dropped = attributeMemo.dropped();
        } else {
            int metaFrom = meta;
            int dataFrom = dataEnd;
            attributes.startWriting(attributeBudget);
            attributeIndex = 0;
            reader.forEachAttribute(event, this);
            partCFields += attributes.fields();
            dropped = attributes.dropped();
            attributeMemo.keep(metadata, metaFrom, meta, data, dataFrom, dataEnd, attributes.fields(), dropped);
        }
        if (dropped > 0) {
            meta(DROPPED_META);
            putLong(dropped);
            partCFields++;
        }
        metadata[partCCount] = (byte) partCFields;

        meta(PART_B_META);
        dataEnd = copy(TYPE_NAME_DATA, data, dataEnd);
        int bodyRoom = maxRecordBytes - used() - PART_B_TAIL_DATA_BYTES;
        putString(text, 0, text.length(), Math.max(EventHeaderEncoder.MIN_TEXT_BYTES, Math.min(maxBody, bodyRoom)));
        LittleEndian.putShort(data, dataEnd, (short) level.severityNumber);
        dataEnd += SEVERITY_NUMBER_BYTES;
        dataEnd = copy(EventHeaderLayout.severityText(level), data, dataEnd);

        LittleEndian.putShort(
                metadata, EXTENSION_OFFSET + EventHeaderFormat.EXTENSION_SIZE_OFFSET, (short) (meta - METADATA_OFFSET));
        return meta + dataEnd;
    }

    /** The attribute sink: sizes in the first pass, writes in the second. */
    @Override
    public void accept(String key, Object value) {
        if (sizing) {
            int effect = attributeMemo.recall(key, value);
            if (effect == AttributeMemo.MISS) {
                effect = sizingEffect(key, value);
                attributeMemo.remember(key, value, effect);
            }
            if (effect == AttributeMemo.TRACE_ID) {
                traceId = value;
            } else if (effect == AttributeMemo.SPAN_ID) {
                spanId = value;
            } else if (effect != AttributeMemo.IGNORED) {
                attributes.size(effect);
            }
            return;
        }
        if (key == null) {
            return;
        }
        int position = Math.min(attributeIndex++, MEMO_POSITIONS - 1);
        if (traceContext
                && (key.equals(EventHeaderEncoder.TRACE_ID_KEY) || key.equals(EventHeaderEncoder.SPAN_ID_KEY))) {
            return; // in PartA.ext_dt
        }
        TextMemo keyText = memo(keyTexts, position);
        int nameBytes = AttributeBudget.nameBytes(keyText.cappedLength(key, MAX_NAME_BYTES));
        int kind = AttributeBudget.kind(value);
        // A value converted by toString() is a new string each time: no memo for it.
        TextMemo valueText = value instanceof String ? memo(valueTexts, position) : null;
        CharSequence string = null;
        if (kind == AttributeBudget.STRING) {
            string = value instanceof CharSequence ? (CharSequence) value : describe(value);
        }
        if (!attributes.admit(nameBytes + valueBytes(kind, valueText, string))) {
            return;
        }
        switch (kind) {
            case AttributeBudget.BOOLEAN:
                metaField(keyText, key, ENCODING_VALUE8, FORMAT_BOOLEAN);
                data[dataEnd++] = (byte) (((Boolean) value) ? 1 : 0);
                break;
            case AttributeBudget.INTEGER:
                metaField(keyText, key, ENCODING_VALUE64, FORMAT_SIGNED_INT);
                putLong(((Number) value).longValue());
                break;
            case AttributeBudget.FLOATING:
                metaField(keyText, key, ENCODING_VALUE64, FORMAT_FLOAT);
                putLong(Double.doubleToRawLongBits(((Number) value).doubleValue()));
                break;
            default:
                metaField(keyText, key, ENCODING_STRING_LENGTH16_CHAR8);
                if (valueText != null) {
                    putString(valueText, string, MAX_ATTRIBUTE_VALUE_BYTES);
                } else {
                    putString(string, 0, string.length(), MAX_ATTRIBUTE_VALUE_BYTES);
                }
                break;
        }
    }

    /**
     * What the sizing pass does with an attribute: {@link AttributeMemo#TRACE_ID} or {@link AttributeMemo#SPAN_ID}
     * (not sized: without the other one they are written in room kept for them), {@link AttributeMemo#IGNORED} (no
     * key), or its size: name and value, the bound for a value whose {@code toString()} has not run.
     */
    private int sizingEffect(String key, Object value) {
        if (key == null) {
            return AttributeMemo.IGNORED;
        }
        int position = Math.min(attributeIndex++, MEMO_POSITIONS - 1);
        if (key.equals(EventHeaderEncoder.TRACE_ID_KEY)) {
            return AttributeMemo.TRACE_ID;
        }
        if (key.equals(EventHeaderEncoder.SPAN_ID_KEY)) {
            return AttributeMemo.SPAN_ID;
        }
        TextMemo keyText = memo(keyTexts, position);
        int nameBytes = AttributeBudget.nameBytes(keyText.cappedLength(key, MAX_NAME_BYTES));
        int kind = AttributeBudget.kind(value);
        if (kind == AttributeBudget.STRING && !(value instanceof CharSequence)) {
            return nameBytes + AttributeBudget.unconvertedValueBytes();
        }
        TextMemo valueText = value instanceof String ? memo(valueTexts, position) : null;
        return nameBytes + valueBytes(kind, valueText, (CharSequence) (kind == AttributeBudget.STRING ? value : null));
    }

    private static int valueBytes(int kind, TextMemo valueText, CharSequence string) {
        if (kind != AttributeBudget.STRING) {
            return AttributeBudget.valueBytes(kind, 0);
        }
        return AttributeBudget.valueBytes(
                kind,
                valueText != null
                        ? valueText.cappedLength(string, MAX_ATTRIBUTE_VALUE_BYTES)
                        : Utf8Text.cappedLength(string, 0, string.length(), MAX_ATTRIBUTE_VALUE_BYTES));
    }

    private static TextMemo memo(TextMemo[] memos, int position) {
        TextMemo memo = memos[position];
        if (memo == null) {
            memo = new TextMemo();
            memos[position] = memo;
        }
        return memo;
    }

    /** {@code String.valueOf}, or what went wrong: a value's toString() must not fail the log call. */
    static String describe(Object value) {
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
        meta = copy(definitions, metadata, meta);
    }

    /** {@code bytes} into {@code into} at {@code at}; returns the end. */
    private static int copy(byte[] bytes, byte[] into, int at) {
        System.arraycopy(bytes, 0, into, at, bytes.length);
        return at + bytes.length;
    }

    private void metaName(TextMemo memo, String name) {
        meta = memo.put(metadata, meta, name, MAX_NAME_BYTES);
        metadata[meta++] = 0;
    }

    /** A field with its encoding's default format: one byte, as OTel's exporters write strings. */
    private void metaField(TextMemo memo, String name, int encoding) {
        metaName(memo, name);
        metadata[meta++] = (byte) encoding;
    }

    private void metaField(TextMemo memo, String name, int encoding, int format) {
        metaName(memo, name);
        metadata[meta++] = (byte) (encoding | ENCODING_CHAIN_FLAG);
        metadata[meta++] = (byte) format;
    }

    private void putLong(long value) {
        LittleEndian.putLong(data, dataEnd, value);
        dataEnd += VALUE64_BYTES;
    }

    /** {@code u16} byte length, then UTF-8, through {@code memo}. */
    private void putString(TextMemo memo, CharSequence value, int maxBytes) {
        int lengthAt = dataEnd;
        int end = memo.put(data, lengthAt + LENGTH_PREFIX_BYTES, value, maxBytes);
        LittleEndian.putShort(data, lengthAt, (short) (end - lengthAt - LENGTH_PREFIX_BYTES));
        dataEnd = end;
    }

    /** {@code u16} byte length, then UTF-8. */
    private void putString(CharSequence value, int from, int to, int maxBytes) {
        int lengthAt = dataEnd;
        int end = Utf8Text.put(data, lengthAt + LENGTH_PREFIX_BYTES, value, from, to, maxBytes);
        LittleEndian.putShort(data, lengthAt, (short) (end - lengthAt - LENGTH_PREFIX_BYTES));
        dataEnd = end;
    }
}
