package dev.userevents;

import dev.userevents.kernel.NativeMemory;

/**
 * One logger's 32-bit enable word, which the kernel writes: the page that keeps it alive (allocated by
 * {@code EnableWords}), its byte offset, and its address for the kernel. A front end's logger holds it directly,
 * so {@link #read()} is the whole enabled check.
 */
public final class EnableWord {
    final Object page;
    final int offset;
    final long address;
    /** What a cache holds this copy for (see {@link #taggedFor}); null for the registry's own words. */
    private final Object tag;

    EnableWord(Object page, int offset, long address) {
        this(page, offset, address, null);
    }

    private EnableWord(Object page, int offset, long address, Object tag) {
        this.page = page;
        this.offset = offset;
        this.address = address;
        this.tag = tag;
    }

    /**
     * The same word, tagged with {@code owner}: a cache slot can hold it alone and check {@link #tag()}, one
     * dependent load shorter than a slot entry that points to the word.
     */
    public EnableWord taggedFor(Object owner) {
        return new EnableWord(page, offset, address, owner);
    }

    /** The object given to {@link #taggedFor}, or null. */
    public Object tag() {
        return tag;
    }

    /** The word as the kernel left it: bit {@link Level#enableBit()} set while that level is traced. */
    public int read() {
        return NativeMemory.readIntVolatile(page, offset, address);
    }

    /**
     * The word's address, for a logger that keeps it in a field of its own and checks with
     * {@link #read(EnableWord, long)}.
     */
    public long address() {
        return address;
    }

    /**
     * {@code word.read()}, given {@code address == word.address()} from the caller's own field: one dependent load
     * shorter. The word is touched only where the word's address alone cannot be read (the JDK 17 fallback without
     * Unsafe); {@code word} must stay reachable from the caller, which keeps the page allocated.
     */
    public static int read(EnableWord word, long address) {
        return NativeMemory.READS_BY_ADDRESS
                ? NativeMemory.readIntVolatile(address)
                : NativeMemory.readIntVolatile(word.page, word.offset, address);
    }

    /** Only for words the kernel no longer writes (never registered, or after DIAG_IOCSUNREG). */
    void clear() {
        NativeMemory.writeIntVolatile(page, offset, 0);
    }
}
