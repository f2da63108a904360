package dev.userevents.slf4j;

import dev.userevents.LoggerEvents;
import dev.userevents.spi.MessageBuffers;
import dev.userevents.spi.StackTraces;
import dev.userevents.UserEvents;

import java.util.List;
import java.util.Map;
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

    @Override public boolean isTraceEnabled() { return enabled(TRACE); }
    @Override public boolean isTraceEnabled(Marker marker) { return enabled(TRACE); }
    @Override public boolean isDebugEnabled() { return enabled(DEBUG); }
    @Override public boolean isDebugEnabled(Marker marker) { return enabled(DEBUG); }
    @Override public boolean isInfoEnabled() { return enabled(INFO); }
    @Override public boolean isInfoEnabled(Marker marker) { return enabled(INFO); }
    @Override public boolean isWarnEnabled() { return enabled(WARN); }
    @Override public boolean isWarnEnabled(Marker marker) { return enabled(WARN); }
    @Override public boolean isErrorEnabled() { return enabled(ERROR); }
    @Override public boolean isErrorEnabled(Marker marker) { return enabled(ERROR); }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
                                               Throwable throwable) {
        write(level, messagePattern, arguments, throwable, null);
    }

    /** The fluent API's entry (it carries key-value pairs). */
    @Override
    public void log(LoggingEvent event) {
        if (enabled(Slf4jLevels.toCore(event.getLevel()).enableMask)) {
            write(event.getLevel(), event.getMessage(), event.getArgumentArray(), event.getThrowable(), event.getKeyValuePairs());
        }
    }

    private void write(Level slf4jLevel, String pattern, Object[] arguments, Throwable throwable, List<KeyValuePair> keyValues) {
        StringBuilder message = MessageBuffers.acquire();
        try {
            dev.userevents.Level level = Slf4jLevels.toCore(slf4jLevel);
            // NormalizedParameters' rule, without its copy: a trailing Throwable argument is the exception.
            int count = arguments == null ? 0 : arguments.length;
            Throwable thrown = throwable;
            if (thrown == null && count > 0 && arguments[count - 1] instanceof Throwable) {
                thrown = (Throwable) arguments[--count];
            }
            Slf4jFormatter.format(message, pattern, arguments, count);
            // The provider stream carries the message as its body and MDC / key-values as typed fields.
            core.emitEventHeader(events, level, message, thrown, keyValues, Slf4jEventReader.INSTANCE);
            if (keyValues != null) {
                for (KeyValuePair pair : keyValues) {
                    message.append(' ').append(pair.key).append('=').append(pair.value);
                }
            }
            if (includeMdc) {
                for (Map.Entry<String, String> entry : SnapshotMdcAdapter.current().entrySet()) {
                    message.append(' ').append(entry.getKey()).append('=').append(entry.getValue());
                }
            }
            if ((consoleMask & level.enableMask) != 0) {
                StackTraces.append(message, thrown, core.config().maxMessageBytes());
                console.print(level, name, message);
                thrown = null; // already in the message
            }
            core.emit(events, level, message, thrown); // the kernel's enable bit decides, independently of the console
        } catch (RuntimeException | LinkageError e) {
            // A toString() that throws, a broken MDC adapter...: never into the caller's log statement.
            dev.userevents.spi.Diagnostics.reportOnce("slf4j:" + e.getClass().getName(), "a log call failed and was skipped: " + e);
        } finally {
            MessageBuffers.release(message);
        }
    }
}
