package dev.userevents.spi;

/**
 * One reusable {@link StringBuilder} per thread for formatting a message before it is encoded: both front ends
 * format into it, so an enabled log call allocates no builder. Reentrant use (an argument's {@code toString()}
 * that logs) gets a fresh builder instead of clobbering the outer message. A builder that grew past
 * {@link #MAX_KEPT_CHARS} (a huge message) is dropped after use rather than kept for the thread's lifetime.
 */
public final class MessageBuffers {
    public static final int MAX_KEPT_CHARS = 64 * 1024;

    private static final class Slot {
        StringBuilder builder = new StringBuilder(256);
        boolean inUse;
    }

    private static final ThreadLocal<Slot> SLOT = ThreadLocal.withInitial(Slot::new);

    private MessageBuffers() {}

    /** An empty builder: this thread's own one, or a new one when that is already in use further up the stack. */
    public static StringBuilder acquire() {
        Slot slot = SLOT.get();
        if (slot.inUse) {
            return new StringBuilder(256);
        }
        slot.inUse = true;
        slot.builder.setLength(0);
        return slot.builder;
    }

    /** Hands back a builder from {@link #acquire()}; call it in a finally block. */
    public static void release(StringBuilder builder) {
        Slot slot = SLOT.get();
        if (builder != slot.builder) {
            return; // a reentrant call's own builder
        }
        slot.inUse = false;
        if (builder.capacity() > MAX_KEPT_CHARS) {
            slot.builder = new StringBuilder(256);
        }
    }
}
