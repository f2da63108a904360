package dev.userevents;

/**
 * The six log levels, each one user_event per logger. {@link #value} is the {@code level} field written with
 * every event, in the user_events/EventHeader order: lower is more severe, so the ftrace filter
 * {@code level <= 3} keeps WARN and worse.
 */
public enum Level {
    // value, EventHeader level (OTel's exporters' mapping), OTel severity number
    FATAL(1, 1, 21),
    ERROR(2, 2, 17),
    WARN(3, 3, 13),
    INFO(4, 4, 9),
    DEBUG(5, 5, 5),
    TRACE(6, 5, 1);

    /**
     * Where the EventHeader provider's level bits sit in every logger's enable word: bit {@code 8 + L} for
     * {@code <Provider>_L<L>K1}, clear of the logger's own bits 1-6.
     */
    public static final int PROVIDER_BIT_BASE = 8;

    /** The {@code u32 level} field value. Also the bit this level owns in its logger's enable word. */
    public final int value;
    /** {@code 1 << value}: the bit the kernel sets while this logger's own event of this level is traced. */
    public final int tracepointMask;
    /** The EventHeader level (1 critical ... 5 verbose) this level's records go to: DEBUG and TRACE share 5. */
    public final int providerLevel;
    /** The bit the kernel sets while the provider's {@code _L<providerLevel>K1} tracepoint is traced. */
    public final int providerMask;
    /**
     * {@link #tracepointMask} | {@link #providerMask}: the level is enabled when either stream is traced, so the
     * front ends' check stays one volatile read and one AND.
     */
    public final int enableMask;
    /** OpenTelemetry's severity number (TRACE 1, DEBUG 5, INFO 9, WARN 13, ERROR 17, FATAL 21). */
    public final int severityNumber;

    private static final Level[] BY_VALUE = {null, FATAL, ERROR, WARN, INFO, DEBUG, TRACE};

    Level(int value, int providerLevel, int severityNumber) {
        this.value = value;
        this.tracepointMask = 1 << value;
        this.providerLevel = providerLevel;
        this.providerMask = 1 << (PROVIDER_BIT_BASE + providerLevel);
        this.enableMask = tracepointMask | providerMask;
        this.severityNumber = severityNumber;
    }

    /** The enable-word bit index of this level. */
    public int enableBit() {
        return value;
    }

    /** The level for a {@code level} field value, or null when out of range. */
    public static Level ofValue(int value) {
        return value >= 1 && value <= 6 ? BY_VALUE[value] : null;
    }

    /**
     * Mask of this logger's own bits of this level and every more severe one (how "enable INFO" reads to a logging
     * user); provider bits are not included.
     */
    public int andMoreSevereMask() {
        int mask = 0;
        for (int v = 1; v <= value; v++) {
            mask |= 1 << v;
        }
        return mask;
    }
}
