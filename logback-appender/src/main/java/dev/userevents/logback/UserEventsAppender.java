package dev.userevents.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import dev.userevents.Counters;
import dev.userevents.Mode;
import dev.userevents.QueueFullPolicy;
import dev.userevents.SharedUserEvents;
import dev.userevents.UserEvents;
import dev.userevents.UserEventsConfig;

import java.util.Locale;

/**
 * {@code <appender class="dev.userevents.logback.UserEventsAppender">}: writes each event whose logger/level event is
 * being traced as the user_event {@code <prefix><logger>_<LEVEL>} ({@code __rel_loc char[] msg; u32 level}). It
 * checks the enable bit itself, so it sits beside console and file appenders and writes only what tracing wants.
 *
 * <p>Properties (all optional): {@code prefix}, {@code mode} ({@code ASYNC} default, {@code SYNC}),
 * {@code bufferSize} (1024), {@code queueFullPolicy} ({@code BLOCK} default, {@code DROP}, {@code SYNC}),
 * {@code maxMessageBytes} (3072), {@code thread} (false), {@code preregister} (packages, comma-separated),
 * {@code shutdownTimeoutMillis} (5000), {@code dataFile} (located), and a nested {@code <layout>} or {@code <encoder>}; without one the text is
 * the formatted message, then the bounded stack trace. Appenders with equal settings share one core instance, so a
 * {@code scan="true"} reconfiguration keeps the registrations; the last {@link #stop()} flushes and unregisters.
 */
public class UserEventsAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    private final UserEventsConfig.Builder settings = UserEventsConfig.builder();
    private long shutdownTimeoutMillis = UserEventsConfig.Builder.DEFAULT_SHUTDOWN_TIMEOUT_MILLIS;
    private Layout<ILoggingEvent> layout;
    private Encoder<ILoggingEvent> encoder;
    private volatile UserEvents core;
    /** Reads events for the core with this appender's layout or encoder (remade by their setters). */
    private LogbackEventReader reader = LogbackEventReader.PLAIN;
    /** Reasons for being idle already said in Logback's status, in this class loader. */
    private static final java.util.Set<String> IDLE_REPORTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public void setPrefix(String prefix) {
        settings.prefix(prefix);
    }

    public void setMode(String mode) {
        settings.mode(parse(Mode.class, "mode", mode, UserEventsConfig.Builder.DEFAULT_MODE));
    }

    public void setBufferSize(int bufferSize) {
        settings.bufferSize(bufferSize);
    }

    public void setQueueFullPolicy(String policy) {
        settings.queueFullPolicy(parse(QueueFullPolicy.class, "queueFullPolicy", policy,
                UserEventsConfig.Builder.DEFAULT_QUEUE_FULL_POLICY));
    }

    public void setMaxMessageBytes(int maxMessageBytes) {
        settings.maxMessageBytes(maxMessageBytes);
    }

    public void setThread(boolean thread) {
        settings.callerThread(thread);
    }

    /**
     * Also write each event as EventHeader to {@code NAME_L1K1..L5K1} (OpenTelemetry's log layout, for
     * collectors); default none.
     */
    public void setEventHeaderProvider(String name) {
        settings.eventHeaderProvider(name == null ? null : name.trim());
    }

    public void setPreregister(String packages) {
        settings.preregisterPackages(packages);
    }

    public void setShutdownTimeoutMillis(long shutdownTimeoutMillis) {
        this.shutdownTimeoutMillis = shutdownTimeoutMillis;
        settings.shutdownTimeoutMillis(shutdownTimeoutMillis);
    }

    /** Path of user_events_data when it is not where tracefs puts it (a container's bind mount). */
    public void setDataFile(String path) {
        settings.dataFile(path == null || path.isBlank() ? null : java.nio.file.Paths.get(path.trim()));
    }

    public void setLayout(Layout<ILoggingEvent> layout) {
        this.layout = layout;
        this.reader = new LogbackEventReader(layout, encoder);
    }

    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
        this.reader = new LogbackEventReader(layout, encoder);
    }

    private <E extends Enum<E>> E parse(Class<E> type, String property, String value, E defaultValue) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            addError(property + "=" + value + " is not one of " + java.util.Arrays.toString(type.getEnumConstants())
                    + "; using " + defaultValue);
            return defaultValue;
        }
    }

    /**
     * Says once in Logback's status (WARN) why the appender is idle. Once per reason, not per start: Logback's
     * reconfiguration ({@code scan}, Spring Boot's re-initialization) resets the context and starts a new appender.
     */
    @Override
    public void start() {
        UserEvents opened = LogbackCores.acquire(settings.build());
        if (!opened.isAvailable() && IDLE_REPORTED.add(opened.unavailableReason())) {
            addWarn("UserEventsAppender [" + getName() + "] is idle: user_events is unavailable: " + opened.unavailableReason()
                    + " Logback's other appenders are unaffected. Check this host with 'userevents doctor'.");
        }
        core = opened;
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        // one lookup by name in the core's registry; the reader knows the layout or encoder
        core.log(core.logger(event.getLoggerName()), LogbackLevels.toCore(event.getLevel()), event, reader);
    }

    /** Whether events can reach the kernel (false: no user_events here; the one diagnostic says why). */
    public boolean isAvailable() {
        UserEvents current = core;
        return current != null && current.isAvailable();
    }

    /** The core counters behind this appender: written, dropped, disabled-race, errors. */
    public Counters counters() {
        return core.counters();
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        SharedUserEvents.release(core, shutdownTimeoutMillis); // the last user flushes and unregisters
    }
}
