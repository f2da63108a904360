package dev.userevents.slf4j;

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
 * this logger's own enable word (held directly, no lookup) and a bit test; nothing is formatted for a disabled
 * level, and the fluent API hands out the NOP builder then ({@code Logger.atXxx()} asks isEnabledForLevel).
 */
public final class UserEventsLogger extends AbstractLogger implements LoggingEventAware {
    private static final long serialVersionUID = 1L;
    private static final int TRACE = Slf4jLevels.TRACE;
    private static final int DEBUG = Slf4jLevels.DEBUG;
    private static final int INFO = Slf4jLevels.INFO;
    private static final int WARN = Slf4jLevels.WARN;
    private static final int ERROR = Slf4jLevels.ERROR;

    private final transient LoggerEvents events;
    /** Held directly: the enabled check is one volatile read of it, with no hop through {@link #events}. */
    private final transient dev.userevents.EnableWord word;

    private final transient UserEvents core;
    private final transient StderrConsole console;
    /** Levels that print to stderr (userevents.console, or the fallback while user_events is unavailable); 0: none. */
    private final int consoleMask;

    private final boolean includeMdc;

    UserEventsLogger(String name, UserEvents core, StderrConsole console, boolean includeMdc) {
        this.name = name;
        this.core = core;
        this.events = core.logger(name);
        this.word = events.word();
        this.console = console;
        this.consoleMask = console == null ? 0 : console.enabledMask;
        this.includeMdc = includeMdc;
    }

    /**
     * The kernel's bit is tested on its own, before the console's. The merged form
     * {@code ((word | consoleMask) & mask)} compiles to as many instructions but measured 1.33-1.43 ns against 0.83-0.85 ns for this form (JDK 17, host,
     * interleaved {@code DisabledBenchmark}); the console's bit costs a second test only when the kernel's is clear.
     */
    private boolean enabled(int mask) {
        return (word.read() & mask) != 0 || (consoleMask & mask) != 0;
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
        return (consoleMask & level.enableMask) != 0;
    }

    /** One console line: {@code text} carries the stack trace already. */
    void printToConsole(dev.userevents.Level level, CharSequence text) {
        console.print(level, name, text);
    }

    /** Whether the per-logger event's text ends with the MDC (userevents.mdc). */
    boolean includeMdc() {
        return includeMdc;
    }
}
