package dev.userevents.log4j2;

import dev.userevents.EnableWord;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.MessageFactory;

/**
 * A Log4j logger made by {@link UserEventsLoggerContext}: it holds its enable word (registered when it was created).
 * Its {@code isEnabled} overloads answer from that word and the configured level through a {@link LevelGate} when
 * the configuration's filter is the {@link UserEventsFilter} that registered the word, the same answer Log4j's
 * global-filter dispatch would give at about stock Log4j's cost; otherwise Log4j decides, and
 * {@link UserEventsFilter} reads the word with a type check and a field load, without a cache probe by identity.
 */
final class RegisteredLogger extends Logger {
    /** The manager that registered {@link #word}: the filter uses the word only if it is its own manager. */
    final transient UserEventsManager manager;

    final transient EnableWord word;
    /** Rebuilt whenever Log4j replaces {@link #privateConfig} (creation, setLevel, updateConfiguration). */
    private transient volatile LevelGate gate;

    RegisteredLogger(
            LoggerContext context,
            String name,
            MessageFactory messageFactory,
            UserEventsManager manager,
            EnableWord word) {
        super(context, name, messageFactory);
        this.manager = manager;
        this.word = word;
        rebuildGate();
    }

    @Override
    public synchronized void setLevel(Level level) {
        super.setLevel(level);
        rebuildGate();
    }

    @Override
    protected void updateConfiguration(Configuration newConfig) {
        super.updateConfiguration(newConfig);
        rebuildGate();
    }

    /** Under this lock, so the last rebuild reads the last config whichever thread replaced it. */
    private synchronized void rebuildGate() {
        PrivateConfig config = privateConfig;
        gate = LevelGate.of(config.config, getLevel(), manager);
    }

    /** {@link LevelGate#YES}, {@link LevelGate#NO} or {@link LevelGate#ASK} for {@code level}. */
    private int answer(Level level) {
        return gate.answer(word, level);
    }

    /** For tests: whether checks skip Log4j's filter dispatch now. */
    boolean gateAnswersAlone() {
        return gate.answersAlone();
    }

    // Every isEnabled overload of Logger: the gate's answer, or Log4j's (which asks the filter) when it has none.

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Throwable t) {
        int answer = answer(level);
        return answer == LevelGate.ASK ? super.isEnabled(level, marker, message, t) : answer == LevelGate.YES;
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message) {
        int answer = answer(level);
        return answer == LevelGate.ASK ? super.isEnabled(level, marker, message) : answer == LevelGate.YES;
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object... params) {
        int answer = answer(level);
        return answer == LevelGate.ASK ? super.isEnabled(level, marker, message, params) : answer == LevelGate.YES;
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0) {
        int answer = answer(level);
        return answer == LevelGate.ASK ? super.isEnabled(level, marker, message, p0) : answer == LevelGate.YES;
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1) {
        int answer = answer(level);
        return answer == LevelGate.ASK ? super.isEnabled(level, marker, message, p0, p1) : answer == LevelGate.YES;
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1, Object p2) {
        int answer = answer(level);
        return answer == LevelGate.ASK ? super.isEnabled(level, marker, message, p0, p1, p2) : answer == LevelGate.YES;
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1, Object p2, Object p3) {
        int answer = answer(level);
        return answer == LevelGate.ASK
                ? super.isEnabled(level, marker, message, p0, p1, p2, p3)
                : answer == LevelGate.YES;
    }

    @Override
    public boolean isEnabled(
            Level level, Marker marker, String message, Object p0, Object p1, Object p2, Object p3, Object p4) {
        int answer = answer(level);
        return answer == LevelGate.ASK
                ? super.isEnabled(level, marker, message, p0, p1, p2, p3, p4)
                : answer == LevelGate.YES;
    }

    @Override
    public boolean isEnabled(
            Level level,
            Marker marker,
            String message,
            Object p0,
            Object p1,
            Object p2,
            Object p3,
            Object p4,
            Object p5) {
        int answer = answer(level);
        return answer == LevelGate.ASK
                ? super.isEnabled(level, marker, message, p0, p1, p2, p3, p4, p5)
                : answer == LevelGate.YES;
    }

    @Override
    public boolean isEnabled(
            Level level,
            Marker marker,
            String message,
            Object p0,
            Object p1,
            Object p2,
            Object p3,
            Object p4,
            Object p5,
            Object p6) {
        int answer = answer(level);
        return answer == LevelGate.ASK
                ? super.isEnabled(level, marker, message, p0, p1, p2, p3, p4, p5, p6)
                : answer == LevelGate.YES;
    }

    @Override
    public boolean isEnabled(
            Level level,
            Marker marker,
            String message,
            Object p0,
            Object p1,
            Object p2,
            Object p3,
            Object p4,
            Object p5,
            Object p6,
            Object p7) {
        int answer = answer(level);
        return answer == LevelGate.ASK
                ? super.isEnabled(level, marker, message, p0, p1, p2, p3, p4, p5, p6, p7)
                : answer == LevelGate.YES;
    }

    @Override
    public boolean isEnabled(
            Level level,
            Marker marker,
            String message,
            Object p0,
            Object p1,
            Object p2,
            Object p3,
            Object p4,
            Object p5,
            Object p6,
            Object p7,
            Object p8) {
        int answer = answer(level);
        return answer == LevelGate.ASK
                ? super.isEnabled(level, marker, message, p0, p1, p2, p3, p4, p5, p6, p7, p8)
                : answer == LevelGate.YES;
    }

    @Override
    public boolean isEnabled(
            Level level,
            Marker marker,
            String message,
            Object p0,
            Object p1,
            Object p2,
            Object p3,
            Object p4,
            Object p5,
            Object p6,
            Object p7,
            Object p8,
            Object p9) {
        int answer = answer(level);
        return answer == LevelGate.ASK
                ? super.isEnabled(level, marker, message, p0, p1, p2, p3, p4, p5, p6, p7, p8, p9)
                : answer == LevelGate.YES;
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, CharSequence message, Throwable t) {
        int answer = answer(level);
        return answer == LevelGate.ASK ? super.isEnabled(level, marker, message, t) : answer == LevelGate.YES;
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, Object message, Throwable t) {
        int answer = answer(level);
        return answer == LevelGate.ASK ? super.isEnabled(level, marker, message, t) : answer == LevelGate.YES;
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, Message message, Throwable t) {
        int answer = answer(level);
        return answer == LevelGate.ASK ? super.isEnabled(level, marker, message, t) : answer == LevelGate.YES;
    }
}
