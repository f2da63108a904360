package dev.userevents;

import dev.userevents.spi.MessageBuffers;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * What the async writer needs to encode one EventHeader record later, taken on the caller's thread: the time, the
 * thread, the body's characters and the attributes. A value the record shows as it is now is kept by reference only
 * when it cannot change (a {@code String}, a boxed number or boolean of the JDK); any other value becomes its string
 * here, so its {@code toString()} runs on the caller, as in the synchronous path. Read back through its own
 * {@link LogEventReader} view, the encoder writes the same bytes as from the front end's event.
 *
 * <p>The caller fills its own thread's one before it claims a slot (no user code runs while a slot is held), then
 * copies it into the one of its slot ({@link #copyFrom}, {@link AsyncWriter#writeCaptured}), which the writer only
 * reads. Why a copy rather than a trade of the two objects: each line a producer writes that the writer touched
 * last costs a cache-line transfer between the cores, and the fence of the claim (its CAS) waits for those
 * transfers as the fence of the publish does. Filling the thread's own object, which the writer never sees, and
 * writing the slot's after the claim puts all the transfers under the publish's fence, as for a tracefs record: one
 * wait per event instead of two (README Performance, the burst rows by vCPU placement).
 */
final class CapturedEvent implements LogEventReader<CapturedEvent>, BiConsumer<String, Object> {
    int writeIndex;
    byte[] eventNameMeta;
    Level level;
    private long epochNanos;
    private String threadName;
    private long threadId;
    /**
     * The body's first characters, enough for the encoder to cut it where it would cut the whole: a slot's copy, or
     * the thread's copy of a body of another type than the two below.
     */
    private final StringBuilder body = new StringBuilder(128);
    /**
     * The body as the encoder reads it: in the thread's own event, the caller's {@code String} or
     * {@code StringBuilder} itself (reading them runs no user code; the front ends' builder is valid until the call
     * returns), copied once, into the slot; else {@link #body}.
     */
    private CharSequence bodyText;
    /** The body's characters kept: past the encoder's cut, whichever it is. */
    private final int maxBodyChars;
    /** Key, value, key, value... */
    private Object[] attributes = new Object[16];

    private int attributeSlots;

    /** {@code maxBodyChars}: the body's characters kept ({@link EventHeaderEncoder#newCapturedEvent}). */
    CapturedEvent(int maxBodyChars) {
        this.maxBodyChars = maxBodyChars;
    }

    /** Takes what the record of {@code event} needs. */
    <E> void capture(
            int writeIndex, byte[] eventNameMeta, Level level, CharSequence body, E event, LogEventReader<E> reader) {
        this.writeIndex = writeIndex;
        this.eventNameMeta = eventNameMeta;
        this.level = level;
        this.epochNanos = reader.timeEpochNanos(event);
        this.threadName = reader.threadName(event);
        this.threadId = reader.threadId(event);
        if (body == null) {
            bodyText = "null"; // as the encoder writes a null body
        } else if (body instanceof String || body.getClass() == StringBuilder.class) {
            bodyText = body;
        } else {
            copyBody(body); // its charAt is user code: run here, before the claim
        }
        attributeSlots = 0;
        reader.forEachAttribute(event, this);
    }

    /**
     * After the claim: this slot's record becomes {@code from}'s. References are copied as they are (values that
     * cannot change, see {@link #accept}); a slot keeps its last event's until it is reused, at most one ring of
     * events' strings and boxed values, never an application object of another type.
     */
    void copyFrom(CapturedEvent from) {
        writeIndex = from.writeIndex;
        eventNameMeta = from.eventNameMeta;
        level = from.level;
        epochNanos = from.epochNanos;
        threadName = from.threadName;
        threadId = from.threadId;
        copyBody(from.bodyText);
        int slots = from.attributeSlots;
        if (attributes.length < slots) {
            attributes = new Object[from.attributes.length];
        }
        System.arraycopy(from.attributes, 0, attributes, 0, slots);
        if (attributeSlots > slots) {
            Arrays.fill(attributes, slots, attributeSlots, null);
        }
        attributeSlots = slots;
        if (body.capacity() > MessageBuffers.MAX_KEPT_CHARS && body.length() <= MessageBuffers.MAX_KEPT_CHARS) {
            body.trimToSize(); // a huge body's buffer goes with the next ordinary one
        }
    }

    private void copyBody(CharSequence text) {
        body.setLength(0);
        if (text.length() <= maxBodyChars) {
            body.append(text); // a String's or a builder's characters in bulk
        } else {
            body.append(text, 0, maxBodyChars);
        }
        bodyText = body;
    }

    /** The body to encode. */
    CharSequence body() {
        return bodyText;
    }

    /** The attribute sink of {@link #capture}. */
    @Override
    public void accept(String key, Object value) {
        if (attributeSlots == attributes.length) {
            attributes = Arrays.copyOf(attributes, attributeSlots * 2);
        }
        attributes[attributeSlots++] = key;
        attributes[attributeSlots++] = isImmutable(value) ? value : EventHeaderEncoding.describe(value);
    }

    /** The types {@link AttributeBudget#kind} tells apart, and the string: final JDK classes whose value is fixed. */
    private static boolean isImmutable(Object value) {
        return value == null
                || value instanceof String
                || value instanceof Long
                || value instanceof Integer
                || value instanceof Boolean
                || value instanceof Double
                || value instanceof Short
                || value instanceof Byte
                || value instanceof Float;
    }

    /** Drops the references (so the thread's own one keeps no value alive between events) and a huge body's buffer. */
    void clear() {
        eventNameMeta = null;
        level = null;
        threadName = null;
        bodyText = null;
        Arrays.fill(attributes, 0, attributeSlots, null);
        attributeSlots = 0;
        if (body.capacity() > MessageBuffers.MAX_KEPT_CHARS) {
            body.setLength(0);
            body.trimToSize();
        }
    }

    @Override
    public long timeEpochNanos(CapturedEvent event) {
        return epochNanos;
    }

    @Override
    public String threadName(CapturedEvent event) {
        return threadName;
    }

    @Override
    public long threadId(CapturedEvent event) {
        return threadId;
    }

    @Override
    public void forEachAttribute(CapturedEvent event, BiConsumer<String, Object> sink) {
        for (int i = 0; i < attributeSlots; i += 2) {
            sink.accept((String) attributes[i], attributes[i + 1]);
        }
    }
}
