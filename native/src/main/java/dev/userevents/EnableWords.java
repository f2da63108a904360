package dev.userevents;

import dev.userevents.kernel.NativeMemory;
import dev.userevents.kernel.UserEventsAbi;
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
final class EnableWords {
    private static final int PAGE_BYTES = 4096;
    /** 64: a page is whole cache lines; natural (4-byte) alignment is what the ABI requires. */
    private static final int PAGE_ALIGNMENT = 64;

    private static final int WORDS_PER_PAGE = PAGE_BYTES / UserEventsAbi.ENABLE_WORD_BYTES;

    /** Pages the kernel may still write (an unregistration failed): never released. */
    private static final List<Object> PINNED = new ArrayList<>();

    private Object currentPage;
    private long currentPageAddress;
    private int nextWordInPage = WORDS_PER_PAGE;

    EnableWords() {}

    synchronized EnableWord allocate() {
        if (nextWordInPage == WORDS_PER_PAGE) {
            currentPage = NativeMemory.allocate(PAGE_BYTES, PAGE_ALIGNMENT);
            currentPageAddress = NativeMemory.address(currentPage);
            nextWordInPage = 0;
        }
        int offset = nextWordInPage++ * UserEventsAbi.ENABLE_WORD_BYTES;
        return new EnableWord(currentPage, offset, currentPageAddress + offset);
    }

    static void pinForever(Object page) {
        synchronized (PINNED) {
            PINNED.add(page);
        }
    }

    /** The word of loggers that are never registered: nothing writes it, so it stays 0 (every level disabled). */
    private static final EnableWord UNREGISTERED = unregisteredWord();

    private static EnableWord unregisteredWord() {
        Object page = NativeMemory.allocate(UserEventsAbi.ENABLE_WORD_BYTES, UserEventsAbi.ENABLE_WORD_BYTES);
        return new EnableWord(page, 0, NativeMemory.address(page));
    }

    static EnableWord unregistered() {
        return UNREGISTERED;
    }
}
