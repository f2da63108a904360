package dev.userevents.log4j2;

import dev.userevents.EnableWord;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.config.Configuration;

/**
 * What a {@link RegisteredLogger}'s {@code isEnabled} needs of its Log4j config, read whenever Log4j gives the
 * logger a new one (creation, {@code setLevel}, reconfiguration): whether the configuration's filter is exactly the
 * {@link UserEventsFilter} that registered the logger's word, and, for each standard level, the answer with its
 * event traced and untraced (that filter's onMatch/onMismatch, then the configured level on NEUTRAL). The check is
 * then one word read, a mask test and a bit of the chosen answer set: the same answer as Log4j's
 * {@code PrivateConfig.filter}, with none of its filter dispatch. Anything else (no such filter, a composite of
 * several) is {@link #ASK}: Log4j's own path decides.
 *
 * <p>Like the configured level, which Log4j itself reads into the logger's config, the filter is read when the
 * config is made: a filter added to the configuration at run time ({@code Configuration.addFilter}) counts for
 * these loggers from the next {@code LoggerContext.updateLoggers()}, the call Log4j documents after changing a
 * configuration. Reading the configuration's filter on every check, to see such an addition at once, measured
 * 1.15-1.7x stock Log4j's check; without it 0.6-1.0x (JMH, interleaved, busy host).
 */
final class LevelGate {
    static final int NO = 0;
    static final int YES = 1;
    static final int ASK = 2;

    private static final Level[] STANDARD = {Level.FATAL, Level.ERROR, Level.WARN, Level.INFO, Level.DEBUG, Level.TRACE
    };

    /** The configuration's filter this gate stands for, or null (always {@link #ASK}). */
    private final Filter filter;
    /**
     * Bit {@code value} (core {@link dev.userevents.Level#value}) set for each standard level enabled while its event
     * is traced, and while it is not. (By level, not by enable mask: DEBUG and TRACE share the provider's bit.)
     */
    private final int tracedYes;

    private final int untracedYes;
    // For custom levels: the filter's results and the configured level, as Log4j compares them.
    private final Filter.Result onMatch;
    private final Filter.Result onMismatch;
    private final int configuredIntLevel;

    private LevelGate(UserEventsFilter filter, Level configured) {
        this.filter = filter;
        this.onMatch = filter == null ? null : filter.getOnMatch();
        this.onMismatch = filter == null ? null : filter.getOnMismatch();
        this.configuredIntLevel = configured == null ? 0 : configured.intLevel();
        int traced = 0;
        int untraced = 0;
        for (Level level : STANDARD) {
            traced |= decide(onMatch, level) ? 1 << Log4jLevels.standardValue(level) : 0;
            untraced |= decide(onMismatch, level) ? 1 << Log4jLevels.standardValue(level) : 0;
        }
        this.tracedYes = traced;
        this.untracedYes = untraced;
    }

    /**
     * The gate of a logger whose config has {@code configuration} and level {@code configured}; {@code manager}
     * registered the logger's word.
     */
    static LevelGate of(Configuration configuration, Level configured, UserEventsManager manager) {
        Filter current = configuration == null ? null : configuration.getFilter();
        boolean own = current instanceof UserEventsFilter
                && ((UserEventsFilter) current).manager() == manager
                && configured != null;
        return new LevelGate(own ? (UserEventsFilter) current : null, configured);
    }

    /** {@link #YES}, {@link #NO}, or {@link #ASK} Log4j, for {@code level}. */
    int answer(EnableWord word, Level level) {
        if (filter == null) {
            return ASK;
        }
        int value = Log4jLevels.standardValue(level);
        if (value == 0) {
            return level == null ? ASK : customAnswer(word, level);
        }
        int answers = (word.read() & Log4jLevels.standardMask(level)) != 0 ? tracedYes : untracedYes;
        return (answers >>> value) & 1; // YES is 1, NO is 0
    }

    /** A custom level: the filter's bit test on the nearest standard level, then Log4j's intLevel test. */
    private int customAnswer(EnableWord word, Level level) {
        Filter.Result result = (word.read() & Log4jLevels.enableMask(level)) != 0 ? onMatch : onMismatch;
        return decide(result, level) ? YES : NO;
    }

    private boolean decide(Filter.Result result, Level level) {
        return result == Filter.Result.NEUTRAL
                ? configuredIntLevel >= level.intLevel()
                : result == Filter.Result.ACCEPT;
    }

    /** For tests: whether this gate answers by itself. */
    boolean answersAlone() {
        return filter != null;
    }
}
