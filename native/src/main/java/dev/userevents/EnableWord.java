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

    EnableWord(Object page, int offset, long address) {
        this.page = page;
        this.offset = offset;
        this.address = address;
    }

    /** The word as the kernel left it: bit {@link Level#enableBit()} set while that level is traced. */
    public int read() {
        return NativeMemory.readIntVolatile(page, offset, address);
    }

    /** Only for words the kernel no longer writes (never registered, or after DIAG_IOCSUNREG). */
    void clear() {
        NativeMemory.writeIntVolatile(page, offset, 0);
    }
}
