package dev.userevents;

/**
 * The six log levels, each one user_event per logger. {@link #value} is the {@code level} field written with
 * every event, in the user_events/EventHeader order: lower is more severe, so the ftrace filter
 * {@code level <= 3} keeps WARN and worse.
 */
public enum Level {
    FATAL(1),
    ERROR(2),
    WARN(3),
    INFO(4),
    DEBUG(5),
    TRACE(6);

    /** The {@code u32 level} field value. Also the bit this level owns in its logger's enable word. */
    public final int value;
    /** {@code 1 << value}: the enable-word bit that the kernel sets while this level's event is traced. */
    public final int enableMask;

    private static final Level[] BY_VALUE = {null, FATAL, ERROR, WARN, INFO, DEBUG, TRACE};

    Level(int value) {
        this.value = value;
        this.enableMask = 1 << value;
    }

    /** The enable-word bit index of this level. */
    public int enableBit() {
        return value;
    }

    /** The level for a {@code level} field value, or null when out of range. */
    public static Level ofValue(int value) {
        return value >= 1 && value <= 6 ? BY_VALUE[value] : null;
    }

    /** Mask of this level and every more severe one (how "enable INFO" reads to a logging user). */
    public int andMoreSevereMask() {
        int mask = 0;
        for (int v = 1; v <= value; v++) {
            mask |= 1 << v;
        }
        return mask;
    }
}
