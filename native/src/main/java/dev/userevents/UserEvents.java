package dev.userevents;

import dev.userevents.format.EventHeaderFormat;
import dev.userevents.kernel.EventNames;
import dev.userevents.kernel.KernelDevice;
import dev.userevents.spi.Diagnostics;
import dev.userevents.spi.EventDevice;
import dev.userevents.spi.MessageBuffers;
import dev.userevents.spi.StackTraces;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The core's entry point, shared by both front ends: registers loggers' events and writes enabled events.
 *
 * <p>Follow one log call: a front end holds the {@link LoggerEvents} from {@link #logger(String)}, asks
 * {@link LoggerEvents#isEnabled(Level)} (one volatile read of the kernel-written word), formats, and calls
 * {@link #emit}; {@link AsyncWriter} encodes with {@link EventEncoder} into an {@link EventRing} slot and its
 * writer thread calls {@code writev} through {@link KernelDevice} ({@link SyncWriter} does both on the caller's
 * thread).
 *
 * <p>Without user_events (no tracefs, no file, no permission, old kernel), {@link #open} prints one
 * diagnostic saying what is missing and how to fix it, and returns an instance whose loggers are all
 * disabled. Nothing here throws into a caller's log statement.
 */
public final class UserEvents implements AutoCloseable {
    private final UserEventsConfig config;
    private final String unavailableReason;
    private final EventDevice device;
    private final EventRegistry registry;
    private final EventWriter writer;
    /** Null without a (valid) EventHeader provider. */
    private final EventHeaderEncoder eventHeaderEncoder;

    private final Counters counters = new Counters();
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Loggers of an unavailable instance (no registry). */
    private final java.util.concurrent.ConcurrentHashMap<String, LoggerEvents> disabledByName =
            new java.util.concurrent.ConcurrentHashMap<>();

    private UserEvents(UserEventsConfig config, EventDevice device, String unavailableReason) {
        this.config = config;
        this.device = device;
        this.unavailableReason = unavailableReason;
        if (device == null) {
            this.registry = null;
            this.writer = null;
            this.eventHeaderEncoder = null;
            this.shutdownHook = null;
            return;
        }
        String provider = validProvider(config.eventHeaderProvider());
        this.registry = new EventRegistry(device, config.prefix(), provider);
        EventEncoder encoder = new EventEncoder(config.maxMessageBytes());
        this.eventHeaderEncoder = provider == null ? null : new EventHeaderEncoder(config.maxMessageBytes());
        int maxRecordBytes = Math.max(
                encoder.maxRecordBytes(), eventHeaderEncoder == null ? 0 : eventHeaderEncoder.maxRecordBytes());
        SyncWriter syncWriter = new SyncWriter(device, encoder, maxRecordBytes, counters);
        if (config.mode() == Mode.ASYNC) {
            DropReporter dropReporter = new DropReporter(
                    counters,
                    config.dropReportIntervalMillis(),
                    registry.logger(DropReporter.LOGGER_NAME),
                    syncWriter,
                    eventHeaderEncoder);
            this.writer = new AsyncWriter(
                    device,
                    encoder,
                    maxRecordBytes,
                    counters,
                    config.bufferSize(),
                    config.queueFullPolicy(),
                    syncWriter,
                    dropReporter,
                    eventHeaderEncoder);
        } else {
            this.writer = syncWriter;
        }
        this.shutdownHook = config.shutdownHook() ? new Thread(this::flushForShutdown, "userevents-shutdown") : null;
        if (shutdownHook != null) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        preregister(config.preregisterPackages());
    }

    /** The provider name, or null (none, or not a valid name: then one diagnostic). */
    private static String validProvider(String provider) {
        if (provider == null) {
            return null;
        }
        String why = EventHeaderFormat.invalidProviderName(provider);
        if (why != null) {
            Diagnostics.reportOnce(
                    "provider-name",
                    "EventHeader provider name \"" + provider + "\" is not usable: " + why
                            + "; the provider stream is off, per-logger events are unaffected.");
            return null;
        }
        return provider;
    }

    /** One registration per class of the packages, before any of them loads (see {@link Preregistration}). */
    private void preregister(java.util.List<String> packages) {
        if (packages.isEmpty()) {
            return;
        }
        try {
            loggers(Preregistration.loggerNames(packages));
        } catch (RuntimeException e) {
            Diagnostics.reportOnce("preregister", "preregister failed: " + e);
        }
    }

    /** Opens user_events_data (located, or {@link UserEventsConfig#dataFile()}); never throws. */
    public static UserEvents open(UserEventsConfig config) {
        return open(config, "Every logger reads disabled and nothing is written to user_events.");
    }

    /**
     * {@link #open(UserEventsConfig)} for a front end that does something instead while user_events is unavailable
     * (prints to stderr, leaves its other appenders): {@code whileUnavailable} says what, in the one diagnostic.
     */
    public static UserEvents open(UserEventsConfig config, String whileUnavailable) {
        KernelConnection.Opened opened = KernelConnection.open(config);
        if (opened.device() == null) {
            Diagnostics.reportOnce(
                    "unavailable", KernelConnection.unavailableMessage(opened.unavailableReason(), whileUnavailable));
        }
        return new UserEvents(config, opened.device(), opened.unavailableReason());
    }

    public static UserEvents open() {
        return open(UserEventsConfig.defaults());
    }

    /** An instance over another device: tests of pure logic, benchmarks against /dev/null. */
    public static UserEvents open(UserEventsConfig config, EventDevice device) {
        return new UserEvents(config, device, null);
    }

    /**
     * How this JVM reaches the kernel: on JDK 22+ (with the multi-release jar's JDK 22 classes) FFM for memory and
     * calls, without loading JNA; on JDK 17-21 {@code sun.misc.Unsafe} reads of enable words and JNA calls.
     */
    public static String nativeAccess() {
        return KernelDevice.nativeAccess();
    }

    /** Whether events can reach the kernel. */
    public boolean isAvailable() {
        return device != null;
    }

    /** Why {@link #isAvailable()} is false, or null. */
    public String unavailableReason() {
        return unavailableReason;
    }

    public UserEventsConfig config() {
        return config;
    }

    public Counters counters() {
        return counters;
    }

    /**
     * The events of {@code loggerName} (null or empty is the root logger), registering all six levels on
     * first use. Each logger name has its own events (see {@link EventNames}).
     */
    public LoggerEvents logger(String loggerName) {
        if (registry == null) { // unavailable: one disabled instance per name, as the registry keeps one per name
            return disabledByName.computeIfAbsent(
                    loggerName == null ? "" : loggerName,
                    name -> LoggerEvents.disabled(name, EventNames.baseName(config.prefix(), name)));
        }
        try {
            return registry.logger(loggerName);
        } catch (RuntimeException e) {
            Diagnostics.reportOnce("logger:" + e.getClass().getName(), "cannot register logger: " + e);
            return LoggerEvents.disabled(loggerName, EventNames.baseName(config.prefix(), loggerName));
        }
    }

    /**
     * {@link #logger(String)} of each name, in order, the new ones registered together: one hop to the registrar
     * thread for the whole batch instead of one per logger (start-up sweeps, preregistration). Never throws.
     */
    public java.util.List<LoggerEvents> loggers(java.util.Collection<String> loggerNames) {
        if (registry != null) {
            try {
                return registry.loggers(loggerNames);
            } catch (RuntimeException e) {
                Diagnostics.reportOnce("logger:" + e.getClass().getName(), "cannot register logger: " + e);
            }
        }
        java.util.List<LoggerEvents> events = new java.util.ArrayList<>(loggerNames.size());
        for (String loggerName : loggerNames) {
            events.add(logger(loggerName)); // unavailable, or the batch failed: one by one, as logger() does
        }
        return events;
    }

    /**
     * Writes one event if its level is enabled: queued for the writer thread in {@link Mode#ASYNC}, written on
     * this thread in {@link Mode#SYNC} (and in every mode once the JVM is shutting down). Never throws: a refused
     * write is counted in {@link #counters()}; an event arriving after an explicit {@link #close()} is counted as
     * dropped and reported once.
     */
    public void emit(LoggerEvents logger, Level level, CharSequence message) {
        if (!logger.isTracepointEnabled(level)) {
            return; // also every event after close() has unregistered: the words are zeroed then
        }
        if (droppedAfterClose()) {
            return;
        }
        StringBuilder withThread = config.callerThread() ? MessageBuffers.acquire() : null;
        try {
            writer.write(
                    logger,
                    level,
                    withThread == null
                            ? message
                            : appendCallerThread(withThread).append(message));
        } catch (RuntimeException e) {
            counters.errors.increment();
            Diagnostics.reportOnce("emit:" + e.getClass().getName(), "writing an event failed: " + e);
        } finally {
            if (withThread != null) {
                MessageBuffers.release(withThread);
            }
        }
    }

    private boolean droppedAfterClose() {
        if (!closed.get()) {
            return false;
        }
        counters.dropped.increment();
        Diagnostics.reportOnce(
                "after-close",
                "events logged after UserEvents.close() are not written "
                        + "(counted in Counters.dropped(); reported once).");
        return true;
    }

    /**
     * The front ends' one call for a log event: writes it to each stream of {@code level} that is traced now, the
     * EventHeader provider's first, then the logger's own (tracefs) event. The message is formatted once
     * ({@link LogEventReader#appendMessage}, into this thread's reusable builder): it is the EventHeader body, with
     * the throwable as fields, and the start of the tracefs text ({@link LogEventReader#appendText}), which the
     * throwable's bounded stack trace follows. Nothing is formatted when no stream is traced and the front end does
     * not {@link LogEventReader#echoes echo} the event. Exceptions of the reader (a layout, a {@code toString()})
     * reach the caller, whose framework reports them its own way.
     */
    public <E> void log(LoggerEvents logger, Level level, E event, LogEventReader<E> reader) {
        int word = logger.enableWord();
        boolean provider = (word & level.providerMask) != 0 && eventHeaderEncoder != null;
        boolean tracepoint = (word & level.tracepointMask) != 0;
        boolean echo = reader.echoes(event, level);
        if (!provider && !tracepoint && !echo) {
            return;
        }
        StringBuilder text = MessageBuffers.acquire();
        try {
            if (provider) {
                reader.appendMessage(event, text);
                emitEventHeader(logger, level, text, reader.thrown(event), event, reader);
            }
            if (tracepoint || echo) {
                Throwable thrown = reader.appendText(event, text, provider);
                if (echo) { // the front end's own output carries the stack trace, and so does the event then
                    StackTraces.append(text, thrown, config.maxMessageBytes());
                    reader.echo(event, level, text);
                    thrown = null;
                }
                if (tracepoint) {
                    emit(logger, level, text, thrown);
                }
            }
        } finally {
            MessageBuffers.release(text);
        }
    }

    /**
     * The per-logger stream alone (front ends call {@link #log}): {@link #emit(LoggerEvents, Level, CharSequence)} of
     * {@code message} followed by the bounded stack trace of {@code thrown} (none when null), appended only if this
     * logger's own event of the level is traced.
     */
    public void emit(LoggerEvents logger, Level level, StringBuilder message, Throwable thrown) {
        if (!logger.isTracepointEnabled(level)) {
            return;
        }
        StackTraces.append(message, thrown, config.maxMessageBytes());
        emit(logger, level, message);
    }

    /**
     * The EventHeader stream alone (front ends call {@link #log}): when the provider's tracepoint of {@code level} is traced,
     * one record with {@code body} (the formatted message, without stack trace), {@code thrown} as
     * {@code exception.*} fields, and the time, thread and attributes {@code reader} finds in {@code event}
     * (see {@link EventHeaderEncoder}). Encoded on this thread; written like every other event (same ring, writer
     * and policies). Never throws.
     */
    public <E> void emitEventHeader(
            LoggerEvents logger, Level level, CharSequence body, Throwable thrown, E event, LogEventReader<E> reader) {
        if (!logger.isProviderEnabled(level) || eventHeaderEncoder == null) {
            return;
        }
        if (droppedAfterClose()) {
            return;
        }
        try {
            eventHeaderEncoder.write(writer, logger, level, body, thrown, event, reader);
        } catch (RuntimeException e) {
            counters.errors.increment();
            Diagnostics.reportOnce("emit:" + e.getClass().getName(), "writing an event failed: " + e);
        }
    }

    /** The EventHeader provider this instance writes to, or null. */
    public String eventHeaderProvider() {
        return eventHeaderEncoder == null ? null : config.eventHeaderProvider();
    }

    /** {@code [thread-name#id] }: async events carry the writer's pid/tid, so the caller goes into the text. */
    private static StringBuilder appendCallerThread(StringBuilder text) {
        Thread caller = Thread.currentThread();
        @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same number
        long id = caller.getId();
        return text.append('[').append(caller.getName()).append('#').append(id).append("] ");
    }

    /** Loggers with live registrations. */
    public int registeredLoggerCount() {
        return registry == null ? 0 : registry.registeredCount();
    }

    /** Number of loggers whose registration the kernel refused (for example at {@code kernel.user_events_max}). */
    public int refusedLoggerCount() {
        return registry == null ? 0 : registry.refusedCount();
    }

    /** Where events go, for diagnostics. */
    public String describe() {
        return device == null ? "unavailable: " + unavailableReason : device.describe();
    }

    /**
     * Delivers queued events (within {@link UserEventsConfig#shutdownTimeoutMillis()}), then unregisters every
     * event (DIAG_IOCSUNREG of each enable bit) and disables every logger. Idempotent. For the application
     * (and for reconfiguration): at JVM exit the shutdown hook only flushes, see {@link #flushForShutdown()}.
     */
    @Override
    public void close() {
        close(config.shutdownTimeoutMillis());
    }

    /** {@link #close()} with its own flush timeout. */
    public void close(long timeoutMillis) {
        if (device == null || !closed.compareAndSet(false, true)) {
            return;
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or about to; it only flushes, which close() does too
            }
        }
        writer.close(timeoutMillis);
        registry.close();
        device.close();
    }

    /**
     * The shutdown hook's work: deliver what is queued, and from then on write every event on its caller's thread,
     * so lines that other shutdown hooks log (before, during or after this one) are in the kernel before their log
     * call returns. The device and the registrations stay until the JVM halts; the kernel drops a process's
     * registrations when it exits.
     */
    public void flushForShutdown() {
        if (device != null && !closed.get()) {
            writer.close(config.shutdownTimeoutMillis());
        }
    }
}
