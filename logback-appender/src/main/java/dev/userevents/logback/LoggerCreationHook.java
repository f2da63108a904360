package dev.userevents.logback;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.userevents.spi.Diagnostics;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells the started {@link UserEventsTurboFilter}s of a {@link LoggerContext} about every logger the application asks
 * the context for, as the context creates it, so its events exist before its first check (a logger created on the first request and enabled by
 * an operator's {@code --follow} a moment later loses no line).
 *
 * <p>Logback 1.5 has no logger-creation callback. Every creation, whoever made the context (Logback's SLF4J provider,
 * Spring Boot's {@code LogbackLoggingSystem}, a test), goes through one {@code loggerCache.put(name, logger)} in
 * {@code LoggerContext.getLogger}, under the parent logger's lock. The hook replaces that private
 * {@code ConcurrentHashMap} once per context with {@link Cache}, a {@code ConcurrentHashMap} whose {@code put} also
 * calls the listeners; every other map operation is the JDK's. A logger created between the copy and the swap is
 * copied again after the swap, so none is lost from the cache.
 *
 * <p>Where the field cannot be reached (Logback on the module path without {@code --add-opens}, a future Logback
 * without the field), {@link #install} returns null and the caller keeps its sweep and first-check registration.
 */
final class LoggerCreationHook {
    private static final String FIELD = "loggerCache";

    private LoggerCreationHook() {}

    /** The context's logger map, also the list of who hears of each new logger. */
    static final class Cache extends ConcurrentHashMap<String, Logger> {
        private static final long serialVersionUID = 1L;
        private final transient CopyOnWriteArrayList<Consumer<Logger>> listeners = new CopyOnWriteArrayList<>();

        Cache(Map<String, Logger> existing) {
            super(existing);
        }

        /**
         * {@code getLogger(name)} asks the cache for {@code name} first; on a miss it creates the parents it lacks
         * ({@code a}, {@code a.b}) and then the logger itself, putting each. Only the put of the name that missed is
         * a logger the application asked for: the package loggers in between are not registered (six events each,
         * a share of the kernel's limit), and register at their first check if they are ever used.
         */
        private final transient ThreadLocal<Object> missed = new ThreadLocal<>();

        @Override
        public Logger get(Object name) {
            Logger logger = super.get(name);
            if (logger == null) {
                missed.set(name);
            }
            return logger;
        }

        @Override
        public Logger put(String name, Logger logger) {
            Logger previous = super.put(name, logger);
            if (previous == null && name.equals(missed.get())) {
                missed.remove();
                for (Consumer<Logger> listener : listeners) {
                    try {
                        listener.accept(logger);
                    } catch (
                            RuntimeException
                                    e) { // never into the application's getLogger: it registers at its first check
                        Diagnostics.reportOnce(
                                "logback:creation",
                                "registering Logback logger " + name + " at its creation failed (reported once): " + e);
                    }
                }
            }
            return previous;
        }

        void listen(Consumer<Logger> listener) {
            listeners.add(listener);
        }

        void unlisten(Consumer<Logger> listener) {
            listeners.remove(listener);
        }
    }

    /**
     * The context's {@link Cache}, installed now if it is not yet; null when this Logback's context cannot carry it.
     * The reason goes to {@code why}.
     */
    @SuppressWarnings("unchecked")
    static synchronized Cache install(LoggerContext context, Consumer<String> why) {
        VarHandle field;
        try {
            field = MethodHandles.privateLookupIn(LoggerContext.class, MethodHandles.lookup())
                    .findVarHandle(LoggerContext.class, FIELD, Map.class);
        } catch (ReflectiveOperationException | RuntimeException e) { // IllegalAccessException: a named, closed module
            why.accept("Logback's LoggerContext." + FIELD + " cannot be reached (" + e + ")");
            return null;
        }
        Map<String, Logger> current = (Map<String, Logger>) field.getVolatile(context);
        if (current instanceof Cache) {
            return (Cache) current;
        }
        if (!(current instanceof ConcurrentHashMap)) {
            why.accept("Logback's LoggerContext." + FIELD + " is a "
                    + (current == null ? "null" : current.getClass().getName())
                    + ", not the ConcurrentHashMap this module replaces");
            return null;
        }
        Cache cache = new Cache(current);
        // Release: a thread that sees the new map sees it filled. A put racing the swap lands in the old map: copy it
        // again.
        field.setVolatile(context, cache);
        for (Map.Entry<String, Logger> entry : current.entrySet()) {
            cache.putIfAbsent(entry.getKey(), entry.getValue());
        }
        return cache;
    }
}
