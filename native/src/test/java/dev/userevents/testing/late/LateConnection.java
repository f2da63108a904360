package dev.userevents.testing.late;

/** A class whose logger is created late (on a "first connection"): preregistration finds it by class path scan. */
public final class LateConnection {
    private LateConnection() {}

    /** A nested class: its logger name is the binary name, {@code ...LateConnection$Handler}. */
    public static final class Handler {
        private Handler() {}
    }

    /** An anonymous class, {@code LateConnection$1}: no logger is named after it, so it is not preregistered. */
    static final Runnable ANONYMOUS = new Runnable() {
        @Override
        public void run() {}
    };
}
