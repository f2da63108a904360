package dev.userevents.slf4j;

import dev.userevents.EnableWord;
import dev.userevents.LoggerEvents;
import dev.userevents.UserEvents;
import java.util.List;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.spi.LoggingEventAware;

/**
 * An SLF4J logger whose levels are switched on by kernel tracing. {@code isXxxEnabled()} is one volatile read of
 * this logger's own enable word, at the address it keeps in a field of its own, and a bit test; nothing is
 * formatted for a disabled level, and the fluent API hands out the NOP builder then ({@code Logger.atXxx()} asks
 * isEnabledForLevel). A factory with a console (userevents.console, or the fallback) makes
 * {@link ConsoleUserEventsLogger}s instead, whose check adds the console's bit.
 *
 * <p>Why a subclass and a copied address (PlainLoopProbe, a plain loop over {@code if (log.isDebugEnabled())}): the
 * word's read is volatile, so the JIT re-reads every field after it in each iteration, nothing is hoisted. Through
 * {@code word.address} each check was three dependent loads and the console's mask a fourth load and branch;
 * now it is the address, the word and one branch.
 */
public sealed class UserEventsLogger extends AbstractLogger implements LoggingEventAware
        permits ConsoleUserEventsLogger {
    private static final long serialVersionUID = 1L;
    private static final int TRACE = Slf4jLevels.TRACE;
    private static final int DEBUG = Slf4jLevels.DEBUG;
    private static final int INFO = Slf4jLevels.INFO;
    private static final int WARN = Slf4jLevels.WARN;
    private static final int ERROR = Slf4jLevels.ERROR;

    private final transient LoggerEvents events;
    /** Keeps the word's page allocated, and is read through where its address alone cannot be (no Unsafe). */
    private final transient EnableWord word;
    /** {@code word.address()}: the enabled check loads it from here, one dependent load shorter than the word's. */
    private final transient long wordAddress;

    private final transient UserEvents core;
    private final boolean includeMdc;

    UserEventsLogger(String name, UserEvents core, boolean includeMdc) {
        this.name = name;
        this.core = core;
        this.events = core.logger(name);
        this.word = events.word();
        this.wordAddress = word.address();
        this.includeMdc = includeMdc;
    }

    /** The logger for {@code name}: with {@code console} (null: none) a {@link ConsoleUserEventsLogger}. */
    static UserEventsLogger create(String name, UserEvents core, StderrConsole console, boolean includeMdc) {
        return console == null
                ? new UserEventsLogger(name, core, includeMdc)
                : new ConsoleUserEventsLogger(name, core, console, includeMdc);
    }

    /** Whether the kernel traces a level of {@code mask}. */
    boolean enabled(int mask) {
        return (EnableWord.read(word, wordAddress) & mask) != 0;
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(TRACE);
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
        return enabled(TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(DEBUG);
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
        return enabled(DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(INFO);
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
        return enabled(INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(WARN);
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
        return enabled(WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(ERROR);
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
        return enabled(ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
            Level level, Marker marker, String messagePattern, Object[] arguments, Throwable throwable) {
        write(level, messagePattern, arguments, throwable, null);
    }

    /** The fluent API's entry (it carries key-value pairs). */
    @Override
    public void log(LoggingEvent event) {
        if (enabled(Slf4jLevels.toCore(event.getLevel()).enableMask)) {
            write(
                    event.getLevel(),
                    event.getMessage(),
                    event.getArgumentArray(),
                    event.getThrowable(),
                    event.getKeyValuePairs());
        }
    }

    private void write(
            Level slf4jLevel, String pattern, Object[] arguments, Throwable throwable, List<KeyValuePair> keyValues) {
        Slf4jCall call = Slf4jCall.acquire(this, pattern, arguments, throwable, keyValues);
        try {
            core.log(events, Slf4jLevels.toCore(slf4jLevel), call, Slf4jEventReader.INSTANCE);
        } catch (RuntimeException | LinkageError e) {
            // A toString() that throws, a broken MDC adapter...: never into the caller's log statement.
            dev.userevents.spi.Diagnostics.reportOnce(
                    "slf4j:" + e.getClass().getName(), "a log call failed and was skipped: " + e);
        } finally {
            call.release();
        }
    }

    /** Whether {@code level} prints to stderr (userevents.console, or the fallback), traced or not. */
    boolean printsToConsole(dev.userevents.Level level) {
        return false;
    }

    /** One console line: {@code text} carries the stack trace already. Only where {@link #printsToConsole}. */
    void printToConsole(dev.userevents.Level level, CharSequence text) {
        throw new IllegalStateException("no console for " + name);
    }

    /** Whether the per-logger event's text ends with the MDC (userevents.mdc). */
    boolean includeMdc() {
        return includeMdc;
    }
}
