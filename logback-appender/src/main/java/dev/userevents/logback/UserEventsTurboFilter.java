package dev.userevents.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import dev.userevents.EnableWord;
import dev.userevents.EnableWordCache;
import dev.userevents.Mode;
import dev.userevents.SharedUserEvents;
import dev.userevents.UserEvents;
import dev.userevents.UserEventsConfig;
import java.util.function.Consumer;
import org.slf4j.Marker;

/**
 * {@code <turboFilter class="dev.userevents.logback.UserEventsTurboFilter"/>}: {@link #decide} answers from the
 * kernel-written enable bit of the logger/level event before any event object exists: ACCEPT when it is set, so
 * {@code isDebugEnabled()} turns true the moment someone enables {@code user_events:<logger>_DEBUG}; NEUTRAL
 * otherwise (the configured levels decide), and NEUTRAL while not started.
 *
 * <p>Logback's ACCEPT bypasses every appender's level. By default ({@code everywhere=false}), the first time the
 * filter accepts an event below its logger's effective level it gives every appender that is not a
 * {@link UserEventsAppender} a {@link ConfiguredLevelFilter}: traced-only events reach only the UserEvents
 * appenders, and the console and files write what they would with tracing off. {@code everywhere=true} sends
 * traced events to every appender.
 *
 * <p>Events exist for every logger when the filter starts (a sweep of {@code getLoggerList()}) and for every
 * logger the context creates afterwards, at its creation ({@link LoggerCreationHook}), so a logger that an operator
 * enables before its first call loses no line; for whole packages from start-up with the appender's
 * {@code preregister}. Where the hook cannot be installed (said once in Logback's status), later loggers register at
 * their first check, which answers from the configured level. Properties {@code prefix} and
 * {@code eventHeaderProvider} must match the appender's.
 */
public class UserEventsTurboFilter extends TurboFilter {
    private String prefix = "";
    private String eventHeaderProvider;
    private boolean everywhere;
    private UserEvents core;
    /** Gives the other appenders their {@link ConfiguredLevelFilter} at the first event only tracing lets through. */
    private final ConfiguredLevelFilter.Guard otherAppenders =
            new ConfiguredLevelFilter.Guard(Logger::getEffectiveLevel);
    /** Logback's loggers cannot carry a field of ours: their words by identity. */
    private final EnableWordCache byLogger = new EnableWordCache();
    /** Registers each logger the context creates while this filter is started. */
    private final Consumer<Logger> registerAtCreation = this::register;

    private LoggerCreationHook.Cache creations;

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    /** The appender's {@code eventHeaderProvider}, so the provider's level tracepoints turn levels on too. */
    public void setEventHeaderProvider(String eventHeaderProvider) {
        this.eventHeaderProvider = eventHeaderProvider == null ? null : eventHeaderProvider.trim();
    }

    public void setEverywhere(boolean everywhere) {
        this.everywhere = everywhere;
    }

    private UserEventsConfig config() {
        // Its own registrations (sync mode, no writer thread, no hook): the kernel sets the bit in every enabler.
        return UserEventsConfig.builder()
                .mode(Mode.SYNC)
                .shutdownHook(false)
                .set("prefix", prefix, this::addError)
                .set("eventHeaderProvider", eventHeaderProvider, this::addError)
                .build();
    }

    @Override
    public void start() {
        core = LogbackCores.acquire(config());
        if (getContext() instanceof LoggerContext) {
            LoggerContext loggers = (LoggerContext) getContext();
            // Listen first, then sweep: a logger created in between is registered twice, never missed.
            creations = LoggerCreationHook.install(
                    loggers,
                    why -> addWarn(why
                            + "; loggers created after the configuration starts register at their first check instead,"
                            + " and a line enabled before that check is not captured"));
            if (creations != null) {
                creations.listen(registerAtCreation);
            }
            java.util.List<Logger> existing = loggers.getLoggerList();
            java.util.List<dev.userevents.LoggerEvents> events = core.loggers(
                    existing.stream().map(Logger::getName).collect(java.util.stream.Collectors.toList())); // one hop
            for (int i = 0; i < existing.size(); i++) {
                byLogger.put(existing.get(i), events.get(i).word());
            }
        }
        super.start();
    }

    private EnableWord register(Logger logger) {
        return byLogger.put(logger, core.logger(logger.getName()).word());
    }

    @Override
    public void stop() {
        if (isStarted()) {
            super.stop();
            if (creations != null) {
                creations.unlisten(registerAtCreation);
                creations = null;
            }
            SharedUserEvents.release(core, 0);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (!isStarted() || level == null) {
            return FilterReply.NEUTRAL;
        }
        EnableWord word = byLogger.get(logger);
        if (word == null) { // a logger swept, created or evicted from the cache before: one lookup by name in the core
            word = register(logger);
        }
        if ((word.read() & LogbackLevels.enableMask(level)) == 0) {
            return FilterReply.NEUTRAL;
        }
        if (!everywhere && !otherAppenders.isInstalled() && !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            otherAppenders.installOnce(logger.getLoggerContext());
        }
        return FilterReply.ACCEPT;
    }
}
