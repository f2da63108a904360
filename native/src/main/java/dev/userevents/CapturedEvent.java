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
 * <p>The caller fills one of these before it claims a slot (no user code runs while a slot is held), then trades it
 * for the one in its slot ({@link AsyncWriter#writeCaptured}); the writer clears a record after encoding it.
 */
final class CapturedEvent implements LogEventReader<CapturedEvent>, BiConsumer<String, Object> {
    int writeIndex;
    byte[] eventNameMeta;
    Level level;
    private long epochNanos;
    private String threadName;
    private long threadId;
    /** The body's first characters: enough for the encoder to cut it where it would cut the whole. */
    final StringBuilder body = new StringBuilder(128);
    /** Key, value, key, value... */
    private Object[] attributes = new Object[16];

    private int attributeSlots;

    /** Takes what the record of {@code event} needs; {@code maxBodyChars}: the body's characters kept. */
    <E> void capture(
            int writeIndex,
            byte[] eventNameMeta,
            Level level,
            CharSequence body,
            E event,
            LogEventReader<E> reader,
            int maxBodyChars) {
        this.writeIndex = writeIndex;
        this.eventNameMeta = eventNameMeta;
        this.level = level;
        this.epochNanos = reader.timeEpochNanos(event);
        this.threadName = reader.threadName(event);
        this.threadId = reader.threadId(event);
        this.body.setLength(0);
        if (body == null) {
            this.body.append("null"); // as the encoder writes a null body
        } else if (body.length() <= maxBodyChars) {
            this.body.append(body); // a String's or a builder's characters in bulk
        } else {
            this.body.append(body, 0, maxBodyChars);
        }
        attributeSlots = 0;
        reader.forEachAttribute(event, this);
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

    /** Drops the references (so a slot keeps no application object alive) and a huge body's buffer. */
    void clear() {
        eventNameMeta = null;
        level = null;
        threadName = null;
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
