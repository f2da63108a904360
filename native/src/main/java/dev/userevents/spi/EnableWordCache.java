package dev.userevents.spi;

import dev.userevents.EnableWord;

/**
 * A front end's logger object to its enable word, for frameworks whose loggers cannot hold a field of ours (Log4j's
 * and Logback's): direct-mapped by identity hash, so a hit costs an identity hash and two loads instead of a map
 * lookup by name. Entries are immutable and written racily: a reader sees a whole entry or a miss, and a miss only
 * costs the caller's lookup by name (and one small entry) again.
 */
public final class EnableWordCache {
    private static final int SLOTS = 1024; // a power of two
    private final Entry[] slots = new Entry[SLOTS];

    private static final class Entry {
        final Object logger;
        final EnableWord word;

        Entry(Object logger, EnableWord word) {
            this.logger = logger;
            this.word = word;
        }
    }

    /** The word cached for {@code logger}, or null. */
    public EnableWord get(Object logger) {
        Entry entry = slots[System.identityHashCode(logger) & (SLOTS - 1)];
        return entry != null && entry.logger == logger ? entry.word : null;
    }

    /** Caches {@code word} for {@code logger} (evicting whatever shared its slot) and returns it. */
    public EnableWord put(Object logger, EnableWord word) {
        slots[System.identityHashCode(logger) & (SLOTS - 1)] = new Entry(logger, word);
        return word;
    }
}
