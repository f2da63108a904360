package dev.userevents.log4j2;

import dev.userevents.EnableWord;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Filter;

/**
 * What a {@link RegisteredLogger}'s {@code isEnabled} needs of one Log4j {@code PrivateConfig}, read once when that
 * config is made (at creation, {@code setLevel}, reconfiguration): the configuration's filter when it is exactly the
 * {@link UserEventsFilter} that registered the logger's word, that filter's onMatch/onMismatch, and the logger's
 * configured level. Then the check is the filter's answer computed in place (the word's bit, then the configured
 * level on NEUTRAL), the same answer as Log4j's {@code PrivateConfig.filter} with none of its filter dispatch.
 * Anything else (no such filter, a composite of several, a filter added to the configuration since) is
 * {@link #ASK}: Log4j's own path decides.
 */
final class LevelGate {
    static final int NO = 0;
    static final int YES = 1;
    static final int ASK = 2;

    /** The PrivateConfig this gate was read from; the logger rebuilds the gate when its config is another. */
    final Object source;
    /** The configuration's filter this gate stands for, or null (always {@link #ASK}). */
    private final Filter filter;
    private final Filter.Result onMatch;
    private final Filter.Result onMismatch;
    /** The logger's configured level's intLevel, as Log4j's level test compares it. */
    private final int configuredIntLevel;

    private LevelGate(Object source, Filter filter, Filter.Result onMatch, Filter.Result onMismatch,
                      int configuredIntLevel) {
        this.source = source;
        this.filter = filter;
        this.onMatch = onMatch;
        this.onMismatch = onMismatch;
        this.configuredIntLevel = configuredIntLevel;
    }

    /** A gate that matches no config: the first check builds the real one. */
    static LevelGate unset() {
        return new LevelGate(null, null, null, null, 0);
    }

    /**
     * The gate of {@code source}, the logger's config at the time, whose configuration's filter is {@code configured}
     * and whose level is {@code level}; {@code manager} registered the logger's word.
     */
    static LevelGate of(Object source, Filter configured, Level level, UserEventsManager manager) {
        if (configured instanceof UserEventsFilter && ((UserEventsFilter) configured).manager() == manager
                && level != null) {
            UserEventsFilter own = (UserEventsFilter) configured;
            return new LevelGate(source, own, own.getOnMatch(), own.getOnMismatch(), level.intLevel());
        }
        return new LevelGate(source, null, null, null, 0);
    }

    /** {@link #YES}, {@link #NO}, or {@link #ASK} Log4j, for {@code level} with the configuration's filter now {@code current}. */
    int answer(Filter current, EnableWord word, Level level) {
        if (current != filter || filter == null || level == null) {
            return ASK;
        }
        Filter.Result result = (word.read() & Log4jLevels.enableMask(level)) != 0 ? onMatch : onMismatch;
        if (result == Filter.Result.NEUTRAL) {
            return configuredIntLevel >= level.intLevel() ? YES : NO;
        }
        return result == Filter.Result.ACCEPT ? YES : NO;
    }

    /** For tests: whether this gate answers by itself. */
    boolean answersAlone() {
        return filter != null;
    }
}
