package dev.userevents.jul;

import dev.userevents.UserEvents;

/**
 * The JUL logger {@link UserEventsLogManager} creates with {@code userevents.jul.gate=levels}: {@code isLoggable} is
 * JUL's own (no override, so the check costs what stock JUL's costs), and {@link JulLevelGate} sets this logger's JUL
 * level while a finer level of it is traced, putting the configured one back after. Records are routed as by
 * {@link UserEventsLogger}, against the configured levels the gate remembers.
 */
final class LevelGatedLogger extends JulLogger {
    private final JulLevelGate gate;

    LevelGatedLogger(String name, JulLevelGate gate) {
        super(name);
        this.gate = gate;
    }

    @Override
    void attach(UserEvents core) {
        super.attach(core);
        if (word() != null) {
            gate.watch(this);
        }
    }

    @Override
    boolean configuredAllows(java.util.logging.Level level) {
        return gate.configuredAllows(this, level);
    }
}
