package dev.userevents;

/**
 * A front end's logger object to its enable word, for frameworks whose loggers cannot hold a field of ours (Log4j's
 * and Logback's): direct-mapped by identity hash, so a hit costs an identity hash and two loads instead of a map
 * lookup by name. Slots hold immutable tagged copies of the words, written racily (final fields): a reader sees a
 * whole copy or a miss, and a miss only costs the caller's lookup by name (and one small copy) again.
 */
public final class EnableWordCache {
    private static final int SLOTS = 1024; // a power of two
    /** Words tagged with their logger: a hit is slot, tag compare and the word's address, with no entry in between. */
    private final EnableWord[] slots = new EnableWord[SLOTS];

    /** The word cached for {@code logger}, or null. */
    public EnableWord get(Object logger) {
        EnableWord word = slots[System.identityHashCode(logger) & (SLOTS - 1)];
        return word != null && word.tag() == logger ? word : null;
    }

    /** Caches {@code word} for {@code logger} (evicting whatever shared its slot) and returns it. */
    public EnableWord put(Object logger, EnableWord word) {
        EnableWord tagged = word.taggedFor(logger);
        slots[System.identityHashCode(logger) & (SLOTS - 1)] = tagged;
        return tagged;
    }
}
