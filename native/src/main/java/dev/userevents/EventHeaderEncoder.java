package dev.userevents;

import static dev.userevents.EventHeaderLayout.*;

import dev.userevents.format.EventHeaderFormat;

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
 * <p>User code ({@code toString()} of attribute values, the throwable's message and trace) runs on the caller's
 * thread, before it holds a ring slot; a nested log call from it gets its own scratch. Allocates nothing for strings,
 * numbers and booleans except what the throwable's rendering needs.
 *
 * <p>Where it encodes: a writer that takes {@link CapturedEvent}s (the async one) gets the call's time, thread, body
 * and attributes, and encodes the record on its own thread; the caller pays for the capture, not the encode (the
 * encode is 2-3x the tracefs hand-off, the capture about the same as it: {@code HandoffBurstBenchmark}). An event
 * with a throwable, a nested call, and the synchronous writer encode here.
 *
 * <p>This class is the encode; the record's offsets, fixed metadata and sizes are {@link EventHeaderLayout}, the
 * attributes' share of a record {@link AttributeBudget}, the time's text {@link Rfc3339Time}.
 */
final class EventHeaderEncoder {
    /** The event name when the logger has none (OTel's exporters' choice for a log without a target). */
    public static final String DEFAULT_EVENT_NAME = "Log";
    /** Room for everything but the body, beyond {@code maxMessageBytes}. */
    public static final int FIELDS_BYTES = 4096;

    public static final String TRACE_ID_KEY = "trace_id";
    public static final String SPAN_ID_KEY = "span_id";
    /** Below this a truncated text would be only its marker. */
    static final int MIN_TEXT_BYTES = 32;

    final int maxBodyBytes;
    private final int maxRecordBytes;
    private final ThreadLocal<EventHeaderEncoding> perThread;
    private final ThreadLocal<ThreadCapture> capturePerThread =
            ThreadLocal.withInitial(() -> new ThreadCapture(newCapturedEvent()));

    /** One thread's {@link CapturedEvent} to fill; {@code inUse} while it fills (a nested call encodes itself). */
    static final class ThreadCapture {
        final CapturedEvent event;
        boolean inUse;

        ThreadCapture(CapturedEvent event) {
            this.event = event;
        }
    }

    /** An empty {@link CapturedEvent} for this encoder's bound: a thread's, or a ring slot's. */
    CapturedEvent newCapturedEvent() {
        return new CapturedEvent(maxBodyBytes + 2); // each character is a byte or more: past the cut, whichever it is
    }

    public EventHeaderEncoder(int maxMessageBytes) {
        this.maxBodyBytes = EventEncoder.clampMaxMessageBytes(maxMessageBytes);
        this.maxRecordBytes = Math.min(EventHeaderFormat.MAX_EVENT_BYTES, maxBodyBytes + FIELDS_BYTES);
        this.perThread = ThreadLocal.withInitial(this::newEncoding);
    }

    /** The largest record this encoder writes, write_index included. */
    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    private EventHeaderEncoding newEncoding() {
        return new EventHeaderEncoding(maxRecordBytes);
    }

    /** This thread's encoding state, or a fresh one when a nested log call (from an attribute's toString) asks. */
    EventHeaderEncoding acquire() {
        EventHeaderEncoding encoding = perThread.get();
        if (encoding.inUse) {
            return newEncoding();
        }
        encoding.inUse = true;
        return encoding;
    }

    void release(EventHeaderEncoding encoding) {
        encoding.inUse = false;
        encoding.clearReferences();
    }

    /**
     * Encodes {@code logger}'s record of {@code level} on this thread (user code, such as an attribute's
     * {@code toString()}, runs here, before any ring slot is held) and hands it to {@code writer}.
     */
    <E> void write(
            EventWriter writer,
            LoggerEvents logger,
            Level level,
            CharSequence body,
            Throwable thrown,
            E event,
            LogEventReader<E> reader) {
        if (thrown == null && writer.takesCapturedEvents()) {
            ThreadCapture capture = capturePerThread.get();
            if (!capture.inUse) {
                capture.inUse = true;
                try {
                    capture.event.capture(
                            logger.providerWriteIndex(level), logger.eventHeaderNameMeta(), level, body, event, reader);
                    if (!writer.writeCaptured(capture.event)) {
                        encodeAndWrite(
                                writer,
                                capture.event.writeIndex,
                                capture.event.eventNameMeta,
                                level,
                                capture.event.body(),
                                null,
                                capture.event,
                                capture.event);
                    }
                } finally {
                    capture.event.clear(); // the slot has its own copy
                    capture.inUse = false;
                }
                return;
            }
        }
        encodeAndWrite(
                writer,
                logger.providerWriteIndex(level),
                logger.eventHeaderNameMeta(),
                level,
                body,
                thrown,
                event,
                reader);
    }

    private <E> void encodeAndWrite(
            EventWriter writer,
            int writeIndex,
            byte[] eventNameMeta,
            Level level,
            CharSequence body,
            Throwable thrown,
            E event,
            LogEventReader<E> reader) {
        EventHeaderEncoding encoding = acquire();
        try {
            int length = encode(encoding, writeIndex, eventNameMeta, level, body, thrown, event, reader);
            int metadataLength = encoding.metadataLength();
            writer.write(encoding.metadata(), metadataLength, encoding.data(), length - metadataLength);
        } finally {
            release(encoding);
        }
    }

    /**
     * On the writer's thread: encodes {@code captured} into {@code into} at {@code offset} (room for
     * {@link #maxRecordBytes()}) and returns the record's length.
     */
    int encodeCaptured(CapturedEvent captured, java.nio.ByteBuffer into, int offset) {
        EventHeaderEncoding encoding = acquire();
        try {
            int length = encode(
                    encoding,
                    captured.writeIndex,
                    captured.eventNameMeta,
                    captured.level,
                    captured.body(),
                    null,
                    captured,
                    captured);
            int metadataLength = encoding.metadataLength();
            into.put(offset, encoding.metadata(), 0, metadataLength);
            into.put(offset + metadataLength, encoding.data(), 0, length - metadataLength);
            return length;
        } finally {
            release(encoding);
        }
    }

    /**
     * Encodes into {@code encoding.record()} ({@code eventNameMeta} from {@link #eventNameMeta}) and returns the
     * record's length.
     */
    <E> int encode(
            EventHeaderEncoding encoding,
            int writeIndex,
            byte[] eventNameMeta,
            Level level,
            CharSequence body,
            Throwable thrown,
            E event,
            LogEventReader<E> reader) {
        return encoding.encode(this, writeIndex, eventNameMeta, level, body, thrown, event, reader);
    }

    /**
     * The metadata's event name for a logger: its name (or {@value #DEFAULT_EVENT_NAME}) in UTF-8, at most
     * {@value EventHeaderLayout#MAX_NAME_BYTES} bytes, ';' (which would start attributes) as '_', NUL-terminated.
     */
    static byte[] eventNameMeta(String loggerName) {
        String name = loggerName == null || loggerName.isEmpty() ? DEFAULT_EVENT_NAME : loggerName;
        byte[] bytes = EventHeaderLayout.zstring(name, MAX_NAME_BYTES);
        for (int i = 0; i < bytes.length - 1; i++) {
            if (bytes[i] == ';') { // UTF-8 never reuses 0x3B inside a multi-byte character
                bytes[i] = '_';
            }
        }
        return bytes;
    }
}
