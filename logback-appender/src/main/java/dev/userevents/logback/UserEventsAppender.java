package dev.userevents.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import dev.userevents.Counters;
import dev.userevents.SharedUserEvents;
import dev.userevents.UserEvents;
import dev.userevents.UserEventsConfig;

/**
 * {@code <appender class="dev.userevents.logback.UserEventsAppender">}: writes each event whose logger/level event is
 * being traced as the user_event {@code <prefix><logger>_<LEVEL>} ({@code __rel_loc char[] msg; u32 level}). It
 * checks the enable bit itself, so it sits beside console and file appenders and writes only what tracing wants.
 *
 * <p>Properties (all optional): every core {@link dev.userevents.Setting} by its name ({@code prefix}, {@code mode},
 * {@code bufferSize}, ...: the README's settings table), and a nested {@code <layout>} or {@code <encoder>}; without one the text is
 * the formatted message, then the bounded stack trace. Appenders with equal settings share one core instance, so a
 * {@code scan="true"} reconfiguration keeps the registrations; the last {@link #stop()} flushes and unregisters.
 */
public class UserEventsAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    private final UserEventsConfig.Builder settings = UserEventsConfig.builder();
    private Layout<ILoggingEvent> layout;
    private Encoder<ILoggingEvent> encoder;
    private volatile UserEvents core;
    /** Reads events for the core with this appender's layout or encoder (remade by their setters). */
    private LogbackEventReader reader = LogbackEventReader.PLAIN;
    /** Reasons for being idle already said in Logback's status, in this class loader. */
    private static final java.util.Set<String> IDLE_REPORTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    // One setter per core setting (Logback sets properties by setter name), each forwarding its text to the core's
    // binder, which parses it and says a bad value in Logback's status. LogbackSettingsTest checks one per Setting.

    public void setPrefix(String prefix) {
        set("prefix", prefix);
    }

    public void setMode(String mode) {
        set("mode", mode);
    }

    public void setBufferSize(String bufferSize) {
        set("bufferSize", bufferSize);
    }

    public void setQueueFullPolicy(String policy) {
        set("queueFullPolicy", policy);
    }

    public void setMaxMessageBytes(String maxMessageBytes) {
        set("maxMessageBytes", maxMessageBytes);
    }

    public void setShutdownTimeoutMillis(String shutdownTimeoutMillis) {
        set("shutdownTimeoutMillis", shutdownTimeoutMillis);
    }

    public void setDataFile(String path) {
        set("dataFile", path);
    }

    public void setThread(String thread) {
        set("thread", thread);
    }

    public void setPreregister(String packages) {
        set("preregister", packages);
    }

    public void setEventHeaderProvider(String name) {
        set("eventHeaderProvider", name);
    }

    private void set(String setting, String value) {
        settings.set(setting, value, this::addError);
    }

    public void setLayout(Layout<ILoggingEvent> layout) {
        this.layout = layout;
        this.reader = new LogbackEventReader(layout, encoder);
    }

    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
        this.reader = new LogbackEventReader(layout, encoder);
    }

    /**
     * Says once in Logback's status (WARN) why the appender is idle. Once per reason, not per start: Logback's
     * reconfiguration ({@code scan}, Spring Boot's re-initialization) resets the context and starts a new appender.
     */
    @Override
    public void start() {
        UserEvents opened = LogbackCores.acquire(settings.build());
        if (!opened.isAvailable() && IDLE_REPORTED.add(opened.unavailableReason())) {
            addWarn("UserEventsAppender [" + getName() + "] is idle: user_events is unavailable: "
                    + opened.unavailableReason()
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

    /** The core's settings as this appender's properties made them (after {@link #start()}). */
    UserEventsConfig config() {
        return core.config();
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
        SharedUserEvents.release(core, core.config().shutdownTimeoutMillis()); // the last user flushes and unregisters
    }
}
