package dev.userevents.log4j2;

import dev.userevents.EnableWords;
import dev.userevents.Mode;
import dev.userevents.UserEventsConfig;

import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.core.filter.AbstractFilter;
import org.apache.logging.log4j.message.Message;

/**
 * {@code <UserEventsFilter/>} at {@code <Configuration>} level: answers {@code Logger.isEnabled(level)} with the
 * kernel-written enable bit of that logger/level event, {@code onMatch} (ACCEPT) when it is set, {@code onMismatch}
 * (DENY) otherwise. So {@code isDebugEnabled()} turns true the moment someone enables
 * {@code user_events:<logger>_DEBUG}, without a restart. Set {@code onMismatch="NEUTRAL"} to keep the configured
 * levels for everything tracing has not turned on.
 *
 * <p>Every overload is implemented so a check allocates nothing (AbstractFilter's would box parameters into
 * an array): a cache probe by the Logger's identity (a map lookup by name on a miss) and one volatile read.
 */
@Plugin(name = "UserEventsFilter", category = Node.CATEGORY, elementType = Filter.ELEMENT_TYPE, printObject = true)
public final class UserEventsFilter extends AbstractFilter {
    private final UserEventsManager manager;
    /**
     * Logger to enable word, direct-mapped by identity hash: a hit costs an identity hash and two loads instead of
     * a map lookup by name. Entries are immutable and written racily: a reader sees a whole entry or a miss. A miss
     * allocates one small entry (only when more loggers than slots interleave).
     */
    private final CachedWord[] byLogger = new CachedWord[1024];

    private static final class CachedWord {
        final Logger logger;
        final EnableWords.Word word;

        CachedWord(Logger logger, EnableWords.Word word) {
            this.logger = logger;
            this.word = word;
        }
    }

    private UserEventsFilter(Result onMatch, Result onMismatch, UserEventsManager manager) {
        super(onMatch, onMismatch);
        this.manager = manager;
    }

    @PluginBuilderFactory
    public static Builder newBuilder() {
        return new Builder();
    }

    /** Attributes: {@code prefix} (as on the appender), {@code onMatch}, {@code onMismatch}. */
    public static final class Builder implements org.apache.logging.log4j.core.util.Builder<UserEventsFilter> {
        @PluginBuilderAttribute
        private String prefix = "";
        // Not AbstractFilterBuilder: its onMatch defaults to NEUTRAL, which would leave isDebugEnabled to the levels.
        @PluginBuilderAttribute
        private Result onMatch = Result.ACCEPT;
        @PluginBuilderAttribute
        private Result onMismatch = Result.DENY;

        public Builder setPrefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        public Builder setOnMatch(Result onMatch) {
            this.onMatch = onMatch;
            return this;
        }

        public Builder setOnMismatch(Result onMismatch) {
            this.onMismatch = onMismatch;
            return this;
        }

        @Override
        public UserEventsFilter build() {
            // Its own registrations (sync mode, no writer thread): the kernel sets the bit in every enabler of an event.
            UserEventsManager manager = UserEventsManager.get(UserEventsConfig.builder().prefix(prefix).mode(Mode.SYNC));
            return new UserEventsFilter(onMatch, onMismatch, manager);
        }
    }

    private Result check(String loggerName, Level level) {
        return manager.logger(loggerName).isEnabled(Log4jLevels.toCore(level)) ? onMatch : onMismatch;
    }

    /** The check for a Logger: the same answer as by name, through {@link #byLogger}. */
    private Result check(Logger logger, Level level) {
        int slot = System.identityHashCode(logger) & (byLogger.length - 1);
        CachedWord cached = byLogger[slot];
        if (cached == null || cached.logger != logger) {
            cached = new CachedWord(logger, manager.logger(logger.getName()).word());
            byLogger[slot] = cached;
        }
        return (cached.word.read() & Log4jLevels.toCore(level).enableMask) != 0 ? onMatch : onMismatch;
    }

    @Override
    public Result filter(LogEvent event) {
        return check(event.getLoggerName(), event.getLevel());
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, Message msg, Throwable t) {
        return check(logger, level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, Object msg, Throwable t) {
        return check(logger, level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object... params) {
        return check(logger, level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0) {
        return check(logger, level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1) {
        return check(logger, level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2) {
        return check(logger, level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2,
                         Object p3) {
        return check(logger, level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2,
                         Object p3, Object p4) {
        return check(logger, level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2,
                         Object p3, Object p4, Object p5) {
        return check(logger, level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2,
                         Object p3, Object p4, Object p5, Object p6) {
        return check(logger, level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2,
                         Object p3, Object p4, Object p5, Object p6, Object p7) {
        return check(logger, level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2,
                         Object p3, Object p4, Object p5, Object p6, Object p7, Object p8) {
        return check(logger, level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2,
                         Object p3, Object p4, Object p5, Object p6, Object p7, Object p8, Object p9) {
        return check(logger, level);
    }

    @Override
    public boolean stop(long timeout, TimeUnit timeUnit) {
        setStopping();
        boolean stopped = manager.stop(timeout, timeUnit);
        setStopped();
        return stopped;
    }
}
