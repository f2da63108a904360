package dev.userevents;

import dev.userevents.kernel.EventNames;

/**
 * One logger's six registered events and its enable word. Front ends keep this object in their logger, so
 * {@code isEnabled(level)} is one volatile read of a kernel-written word and a bit test, no lookup.
 */
public final class LoggerEvents {
    private static final int NOT_REGISTERED = -1;

    private final String loggerName;
    private final String baseName;
    private final EnableWord word;
    /** write_index by {@link Level#value}; {@link #NOT_REGISTERED} where registration did not happen. */
    private final int[] writeIndexByLevel;
    /**
     * The EventHeader provider's write_index by provider level (shared by every logger: one event, registered once
     * per logger's word), or null when this logger's word carries no provider bits.
     */
    private final int[] providerWriteIndexByLevel;
    /** The EventHeader metadata's event name (this logger's name), encoded once; null without a provider. */
    private final byte[] eventHeaderNameMeta;
    /** The bits of {@link #word} registered with the kernel (own levels and provider levels): what close unregisters. */
    final int registeredBits;

    LoggerEvents(
            String loggerName,
            String baseName,
            EnableWord word,
            int[] writeIndexByLevel,
            int[] providerWriteIndexByLevel,
            int registeredBits) {
        this.loggerName = loggerName;
        this.baseName = baseName;
        this.word = word;
        this.writeIndexByLevel = writeIndexByLevel;
        this.providerWriteIndexByLevel = providerWriteIndexByLevel;
        this.registeredBits = registeredBits;
        this.eventHeaderNameMeta =
                providerWriteIndexByLevel == null ? null : EventHeaderEncoder.eventNameMeta(loggerName);
    }

    /** The EventHeader metadata's event name for this logger (see {@link EventHeaderEncoder#eventNameMeta}). */
    byte[] eventHeaderNameMeta() {
        return eventHeaderNameMeta != null ? eventHeaderNameMeta : EventHeaderEncoder.eventNameMeta(loggerName);
    }

    /** A logger with no events: every level reads disabled, forever. */
    static LoggerEvents disabled(String loggerName, String baseName) {
        int[] none = new int[Level.TRACE.value + 1];
        java.util.Arrays.fill(none, NOT_REGISTERED);
        return new LoggerEvents(loggerName, baseName, EnableWords.unregistered(), none, null, 0);
    }

    /**
     * True while something (ftrace, perf, a collector) traces this logger's own event of {@code level} or the
     * EventHeader provider's tracepoint of that level: the front ends' level check.
     */
    public boolean isEnabled(Level level) {
        return (word.read() & level.enableMask) != 0;
    }

    /** True while this logger's own event of {@code level} (the tracefs layout) is traced. */
    public boolean isTracepointEnabled(Level level) {
        return (word.read() & level.tracepointMask) != 0;
    }

    /** True while the EventHeader provider's tracepoint of {@code level} is traced (never without a provider). */
    public boolean isProviderEnabled(Level level) {
        return (word.read() & level.providerMask) != 0;
    }

    /** The provider's write_index for {@code level}'s provider level, or -1 without a provider. */
    public int providerWriteIndex(Level level) {
        return providerWriteIndexByLevel == null ? NOT_REGISTERED : providerWriteIndexByLevel[level.providerLevel];
    }

    /** The raw enable word: bit {@link Level#enableBit()} per level. */
    public int enableWord() {
        return word.read();
    }

    /** The logger name as given. */
    public String loggerName() {
        return loggerName;
    }

    /** The event name without the {@code _LEVEL} suffix. */
    public String baseName() {
        return baseName;
    }

    public String eventName(Level level) {
        return EventNames.eventName(baseName, level.name());
    }

    /** The kernel's write_index of this level's event, or -1 when it is not registered. */
    public int writeIndex(Level level) {
        return writeIndexByLevel[level.value];
    }

    public boolean isRegistered() {
        return writeIndexByLevel[Level.FATAL.value] != NOT_REGISTERED;
    }

    /** Address of the enable word the kernel writes (0 when not registered); for diagnostics and test doubles. */
    public long enableWordAddress() {
        return word.address;
    }

    /** The enable word itself, for a front end's logger to hold: {@code word().read()} is its enabled check. */
    public EnableWord word() {
        return word;
    }

    @Override
    public String toString() {
        return "LoggerEvents[" + baseName + ", enableWord=0x" + Integer.toHexString(enableWord()) + "]";
    }
}
