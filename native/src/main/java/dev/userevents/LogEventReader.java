package dev.userevents;

import java.util.function.BiConsumer;

/**
 * How the core reads a front end's log event ({@code E}: Log4j's {@code LogEvent}, Logback's {@code ILoggingEvent},
 * the SLF4J provider's key-value list) for the EventHeader stream, which carries the call's time, thread and
 * attributes as typed fields, and for {@link UserEvents#log} its message, text and throwable. A front end keeps one
 * instance (stateless, or fixed per appender), so passing it allocates nothing; the core asks only while a stream of
 * the event's level is traced.
 */
public interface LogEventReader<E> {
    /** {@link #threadId} when the event does not know it: the field is left out. */
    long UNKNOWN_THREAD_ID = -1;

    /** When the log call happened, in nanoseconds since 1970 UTC. The default reads the clock now. */
    default long timeEpochNanos(E event) {
        java.time.Instant now = java.time.Instant.now(); // scalar-replaced once inlined
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** The logging thread's name; the default is the current thread's (right wherever the call is synchronous). */
    default String threadName(E event) {
        return Thread.currentThread().getName();
    }

    /** The logging thread's id, or {@link #UNKNOWN_THREAD_ID}; the default is the current thread's. */
    @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same number
    default long threadId(E event) {
        return Thread.currentThread().getId();
    }

    /**
     * Hands every attribute to {@code sink}: the MDC / thread context first, then key-value pairs. Booleans, integral
     * numbers and floating-point numbers keep their type in the event; anything else becomes its string. The core
     * may ask twice per event (it sizes the record first). The default has none.
     */
    default void forEachAttribute(E event, BiConsumer<String, Object> sink) {}

    /**
     * Appends the event's formatted message, without stack trace: the EventHeader body, and the start of the
     * per-logger event's text unless {@link #appendText} makes another. Called at most once per event. The default
     * has none.
     */
    default void appendMessage(E event, StringBuilder out) {}

    /** The event's throwable (the EventHeader's {@code exception.*} fields), or null. The default has none. */
    default Throwable thrown(E event) {
        return null;
    }

    /**
     * Makes the per-logger (tracefs) event's text in {@code out}, which holds {@link #appendMessage}'s text when
     * {@code hasMessage} and is empty otherwise; returns the throwable whose bounded stack trace the core appends
     * (null: none, for example when a layout wrote the text). The default: the message, then {@link #thrown}. A front
     * end with a layout replaces the text; one with key-value pairs appends them.
     */
    default Throwable appendText(E event, StringBuilder out, boolean hasMessage) {
        if (!hasMessage) {
            appendMessage(event, out);
        }
        return thrown(event);
    }

    /**
     * Whether the front end also prints this event itself (the SLF4J provider's stderr console), traced or not:
     * then the core makes the text and hands it, stack trace included, to {@link #echo}. The default: never.
     */
    default boolean echoes(E event, Level level) {
        return false;
    }

    /** The front end's own output of {@code text} (see {@link #echoes}); the builder is the core's, for this call. */
    default void echo(E event, Level level, CharSequence text) {}

    /** A reader of nothing but the current thread and clock: for calls without an event object. */
    @SuppressWarnings("unchecked")
    static <E> LogEventReader<E> currentThread() {
        return (LogEventReader<E>) CurrentThread.INSTANCE;
    }

    /** {@link #currentThread()}'s one instance. */
    final class CurrentThread implements LogEventReader<Object> {
        static final CurrentThread INSTANCE = new CurrentThread();

        private CurrentThread() {}
    }
}
