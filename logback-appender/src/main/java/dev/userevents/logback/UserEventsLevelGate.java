package dev.userevents.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.LifeCycle;
import dev.userevents.EnableWord;
import dev.userevents.Mode;
import dev.userevents.SharedUserEvents;
import dev.userevents.UserEvents;
import dev.userevents.UserEventsConfig;
import dev.userevents.spi.PollingThread;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * {@code <contextListener class="dev.userevents.logback.UserEventsLevelGate"/>}: the second way to let tracing turn
 * Logback levels on, for applications whose disabled checks must cost what stock Logback's cost. Instead of a turbo
 * filter asked on every check ({@link UserEventsTurboFilter}), a thread reads every registered logger's enable word
 * each {@code pollMillis} (default 10) and, while a level below the logger's configured level is traced, sets the
 * logger's own Logback level to it; when tracing stops it puts the configured level back. With no turbo filter,
 * {@code isDebugEnabled()} is Logback's own field compare.
 *
 * <p>Trade-offs, against the turbo filter: an enable takes effect up to {@code pollMillis} later (lines logged in
 * between are not captured); the logger's Logback level visibly changes while traced (Spring Boot's
 * {@code /actuator/loggers} shows it), and loggers that inherit from it (few: loggers are named after classes) turn
 * that level on too, their events then being dropped by the appenders' checks; a level set by someone else while
 * traced is kept, not overwritten. Other appenders get the same {@link ConfiguredLevelFilter} as with the turbo
 * filter, judged against the configured levels, so consoles and files print what they print with tracing off.
 * Loggers are registered as with the turbo filter: a sweep at start and {@link LoggerCreationHook} after.
 * Properties {@code prefix} and {@code eventHeaderProvider} must match the appender's.
 */
public class UserEventsLevelGate extends ContextAwareBase implements LoggerContextListener, LifeCycle {
    private static final Level[] FINEST_FIRST = {Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR};
    private String prefix = "";
    private String eventHeaderProvider;
    private long pollMillis = 10;
    private UserEvents core;
    private LoggerCreationHook.Cache creations;
    private volatile PollingThread poller;
    /** Gives the other appenders their {@link ConfiguredLevelFilter}, judged by the configured levels, at the first change. */
    private final ConfiguredLevelFilter.Guard otherAppenders =
            new ConfiguredLevelFilter.Guard(each -> configuredEffective(each.getLoggerContext(), each));
    /** Every logger the gate watches, with its word. */
    private final Map<Logger, EnableWord> words = new ConcurrentHashMap<>();
    /** Loggers whose level the gate set, with the level that was configured before (null: inherited). */
    private final Map<Logger, Configured> changed = new ConcurrentHashMap<>();

    private final Consumer<Logger> registerAtCreation = this::register;

    /** The level configured before the gate set {@code set}. */
    private static final class Configured {
        final Level level;
        final Level set;

        Configured(Level level, Level set) {
            this.level = level;
            this.set = set;
        }
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public void setEventHeaderProvider(String eventHeaderProvider) {
        this.eventHeaderProvider = eventHeaderProvider == null ? null : eventHeaderProvider.trim();
    }

    /** How often the enable words are read; an enable takes effect at most this much later. */
    public void setPollMillis(long pollMillis) {
        if (pollMillis < 1) {
            addWarn("pollMillis=" + pollMillis + " is below 1; using 1");
        }
        this.pollMillis = Math.max(1, pollMillis);
    }

    @Override
    public void start() {
        if (poller != null || !(getContext() instanceof LoggerContext)) {
            return;
        }
        LoggerContext loggers = (LoggerContext) getContext();
        core = LogbackCores.acquire(UserEventsConfig.builder()
                .mode(Mode.SYNC)
                .shutdownHook(false)
                .set("prefix", prefix, this::addError)
                .set("eventHeaderProvider", eventHeaderProvider, this::addError)
                .build());
        creations = LoggerCreationHook.install(
                loggers,
                why -> addWarn(
                        why
                                + "; loggers created after the configuration starts are not gated until the next configuration"));
        if (creations != null) {
            creations.listen(registerAtCreation);
        }
        java.util.List<Logger> existing = loggers.getLoggerList();
        java.util.List<dev.userevents.LoggerEvents> events = core.loggers(
                existing.stream().map(Logger::getName).collect(java.util.stream.Collectors.toList())); // one hop
        for (int i = 0; i < existing.size(); i++) {
            words.put(existing.get(i), events.get(i).word());
        }
        java.util.concurrent.atomic.AtomicBoolean failureReported = new java.util.concurrent.atomic.AtomicBoolean();
        poller = PollingThread.start("userevents-level-gate", pollMillis, () -> pass(loggers), e -> {
            if (failureReported.compareAndSet(false, true)) { // one status line, not one per pass
                addError("level gate skipped a pass (reported once): " + e, e);
            }
        });
    }

    private void register(Logger logger) {
        words.put(logger, core.logger(logger.getName()).word());
    }

    /** One pass: each registered logger's level from its word. */
    private void pass(LoggerContext loggers) {
        for (Map.Entry<Logger, EnableWord> watched : words.entrySet()) {
            update(loggers, watched.getKey(), watched.getValue().read());
        }
    }

    /** Lowers the logger's level to the finest traced level below its configured one, or puts the configured back. */
    void update(LoggerContext loggers, Logger logger, int word) {
        Level traced = finestTraced(word);
        Configured before = changed.get(logger);
        if (traced == null && before == null) {
            return; // the common case: nothing traced, nothing to undo
        }
        if (traced != null && !traced.isGreaterOrEqual(configuredEffective(loggers, logger))) {
            if (before == null || before.set != traced) {
                otherAppenders.installOnce(loggers);
                changed.put(logger, new Configured(before != null ? before.level : logger.getLevel(), traced));
                logger.setLevel(traced);
            }
        } else if (before != null) {
            changed.remove(logger);
            if (logger.getLevel() == before.set) { // unless someone else set a level meanwhile: theirs stays
                logger.setLevel(before.level);
            }
        }
    }

    /** The finest level whose tracepoint or provider bit is set in the word, or null. */
    private static Level finestTraced(int word) {
        for (Level level : FINEST_FIRST) {
            if ((word & LogbackLevels.enableMask(level)) != 0) {
                return level;
            }
        }
        return null;
    }

    /** The logger's effective level as configured, ignoring the levels this gate set (Logback's inheritance). */
    Level configuredEffective(LoggerContext loggers, Logger logger) {
        for (Logger at = logger; at != null; at = parent(loggers, at.getName())) {
            Configured before = changed.get(at);
            Level level = before != null ? before.level : at.getLevel();
            if (level != null) {
                return level;
            }
        }
        return Level.DEBUG; // Logback's root default
    }

    private static Logger parent(LoggerContext loggers, String name) {
        if (Logger.ROOT_LOGGER_NAME.equals(name)) {
            return null;
        }
        int separator = Math.max(name.lastIndexOf('.'), name.lastIndexOf('$'));
        if (separator < 0) {
            return loggers.getLogger(Logger.ROOT_LOGGER_NAME);
        }
        Logger parent = loggers.exists(name.substring(0, separator));
        return parent != null ? parent : parent(loggers, name.substring(0, separator));
    }

    @Override
    public void stop() {
        PollingThread thread = poller;
        if (thread == null) {
            return;
        }
        poller = null;
        thread.stop();
        for (Map.Entry<Logger, Configured> entry : changed.entrySet()) {
            if (entry.getKey().getLevel() == entry.getValue().set) {
                entry.getKey().setLevel(entry.getValue().level);
            }
        }
        changed.clear();
        words.clear();
        if (creations != null) {
            creations.unlisten(registerAtCreation);
            creations = null;
        }
        SharedUserEvents.release(core, 0);
    }

    @Override
    public boolean isStarted() {
        return poller != null;
    }

    @Override
    public boolean isResetResistant() {
        return false;
    }

    @Override
    public void onStart(LoggerContext context) {}

    @Override
    public void onReset(LoggerContext context) {
        stop(); // a reconfiguration makes a new gate
    }

    @Override
    public void onStop(LoggerContext context) {
        stop();
    }

    @Override
    public void onLevelChange(Logger logger, Level level) {}
}
