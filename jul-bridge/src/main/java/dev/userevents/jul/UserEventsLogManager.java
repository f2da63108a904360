package dev.userevents.jul;

import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * {@code -Djava.util.logging.manager=dev.userevents.jul.UserEventsLogManager}: JUL as configured
 * ({@code logging.properties}, handlers, levels, {@code readConfiguration}: all inherited), whose named loggers
 * are {@link UserEventsLogger}s registering their events at creation, so an operator can enable
 * {@code <logger>_DEBUG} and that logger's {@code fine()} lines reach the kernel, and nothing else changes.
 *
 * <p>The JDK reads the property once, when {@code LogManager} first loads: pass it on the command line (or in
 * {@code JAVA_TOOL_OPTIONS}). Set later, it has no effect; {@link ManagerCheck} says so once.
 *
 * <p>The root logger and {@code Logger.getGlobal()} are JUL's own objects, created before any subclass can be:
 * they keep JUL's behaviour (log to named loggers, or add {@link UserEventsHandler} to reach the kernel from them).
 */
public final class UserEventsLogManager extends LogManager {
    private static final StackWalker WALKER = StackWalker.getInstance();
    private volatile boolean gateRead;
    private JulLevelGate levelGate; // written before gateRead

    /** Called by the JDK (reflection) when it starts JUL. Does nothing more: JUL is not initialized yet. */
    public UserEventsLogManager() {
        super();
    }

    /**
     * JUL's {@code Logger.getLogger(name)} asks here first ({@code LogManager.demandLogger}) and creates a plain
     * {@code Logger} on a null answer; answering with a {@link UserEventsLogger} is the only way in for a LogManager.
     * Any other caller ({@code LogManager.getLogger} is documented as a lookup: JMX's logging bean, applications)
     * gets the lookup, so asking about a name does not create a logger.
     */
    @Override
    public Logger getLogger(String name) {
        Logger existing = super.getLogger(name);
        if (existing != null || name == null || name.isEmpty() || !calledToCreate()) {
            return existing;
        }
        JulLevelGate levelGate = gate();
        // Through a holder returning Object: verifying this class must not load UserEventsLogger, whose isLoggable
        // override would make every JIT-compiled isLoggable call of the gate's loggers carry a type guard.
        JulLogger created =
                (JulLogger) (levelGate != null ? new LevelGatedLogger(name, levelGate) : CheckingLoggers.create(name));
        if (!addLogger(created)) { // another thread added this name since the lookup
            return super.getLogger(name);
        }
        JulCore.register(created::attach);
        return created;
    }

    /**
     * The level gate when {@code userevents.jul.gate=levels} (a system property, or {@code logging.properties}), read at
     * the first named logger, when JUL's configuration is in; null for the default, the word read per check.
     */
    private JulLevelGate gate() {
        if (!gateRead) {
            synchronized (this) {
                if (!gateRead) {
                    if (JulSettings.levelGate(this::setting)) {
                        levelGate = new JulLevelGate(JulSettings.pollMillis(this::setting));
                    }
                    gateRead = true;
                }
            }
        }
        return levelGate;
    }

    private String setting(String key) {
        String value = System.getProperty(key);
        return value != null ? value : getProperty(key);
    }

    /** Whether JUL's {@code demandLogger}, which creates a logger when this answers null, is the caller. */
    private static boolean calledToCreate() {
        return WALKER.walk(frames -> frames.skip(2)
                .findFirst()
                .map(caller -> caller.getClassName().equals("java.util.logging.LogManager")
                        && caller.getMethodName().equals("demandLogger"))
                .orElse(false));
    }
}
