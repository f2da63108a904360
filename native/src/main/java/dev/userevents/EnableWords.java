package dev.userevents;

import java.util.ArrayList;
import java.util.List;

/**
 * Off-heap 32-bit enable words that the kernel writes: one per logger, one bit per {@link Level}.
 *
 * <p>Words live in native pages ({@link NativeMemory#allocate}: a direct buffer on JDK 17-21, an
 * {@code Arena.ofAuto()} segment on 22+) that never move. A page is never reused: its words are handed out once,
 * and the page is only released (to the GC) after {@link EventRegistry#close()} has unregistered every
 * (address, bit) in it, because closing the fd does not stop the kernel writing. A logger that still holds its
 * page after that reads a zeroed word, i.e. disabled, instead of freed memory.
 */
public final class EnableWords {
    private static final int PAGE_BYTES = 4096;
    /** 64: a page is whole cache lines; natural (4-byte) alignment is what the ABI requires. */
    private static final int PAGE_ALIGNMENT = 64;
    private static final int WORDS_PER_PAGE = PAGE_BYTES / UserEventsAbi.ENABLE_WORD_BYTES;

    /** Pages the kernel may still write (an unregistration failed): never released. */
    private static final List<Object> PINNED = new ArrayList<>();

    private Object currentPage;
    private long currentPageAddress;
    private int nextWordInPage = WORDS_PER_PAGE;

    /**
     * One word's location: the page that keeps it alive, its byte offset, and its address for the kernel.
     * Public so a front end's logger can hold it directly: {@link #read()} is then the whole enabled check.
     */
    public static final class Word {
        final Object page;
        final int offset;
        final long address;

        Word(Object page, int offset, long address) {
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

    EnableWords() {}

    synchronized Word allocate() {
        if (nextWordInPage == WORDS_PER_PAGE) {
            currentPage = NativeMemory.allocate(PAGE_BYTES, PAGE_ALIGNMENT);
            currentPageAddress = NativeMemory.address(currentPage);
            nextWordInPage = 0;
        }
        int offset = nextWordInPage++ * UserEventsAbi.ENABLE_WORD_BYTES;
        return new Word(currentPage, offset, currentPageAddress + offset);
    }

    static void pinForever(Object page) {
        synchronized (PINNED) {
            PINNED.add(page);
        }
    }

    /** The word of loggers that are never registered: nothing writes it, so it stays 0 (every level disabled). */
    private static final Word UNREGISTERED = unregisteredWord();

    private static Word unregisteredWord() {
        Object page = NativeMemory.allocate(UserEventsAbi.ENABLE_WORD_BYTES, UserEventsAbi.ENABLE_WORD_BYTES);
        return new Word(page, 0, NativeMemory.address(page));
    }

    static Word unregistered() {
        return UNREGISTERED;
    }
}
