package dev.userevents;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Off-heap 32-bit enable words that the kernel writes: one per logger, one bit per {@link Level}.
 *
 * <p>Words live in direct-buffer pages that never move. A page is never reused: its words are handed out once,
 * and the page is only released (to the GC) after {@link EventRegistry#close()} has unregistered every
 * (address, bit) in it, because closing the fd does not stop the kernel writing. A logger that still holds
 * its page after that reads a zeroed word, i.e. disabled, instead of freed memory.
 */
public final class EnableWords {
    /**
     * Reads a word as the kernel left it. Volatile: the kernel sets and clears bits asynchronously, and the
     * read must neither be hoisted out of a caller's loop nor served from a stale register.
     */
    static final VarHandle WORD = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private static final int PAGE_BYTES = 4096;
    private static final int WORDS_PER_PAGE = PAGE_BYTES / UserEventsAbi.ENABLE_WORD_BYTES;

    /** Pages the kernel may still write (an unregistration failed): never released. */
    private static final List<ByteBuffer> PINNED = new ArrayList<>();

    private final List<ByteBuffer> pages = new ArrayList<>();
    private ByteBuffer currentPage;
    private long currentPageAddress;
    private int nextWordInPage = WORDS_PER_PAGE;

    /**
     * One word's location: the page that keeps it alive, its byte offset, and its address for the kernel.
     * Public so a front end's logger can hold it directly: {@link #read()} is then the whole enabled check.
     */
    public static final class Word {
        final ByteBuffer page;
        final int offset;
        final long address;

        Word(ByteBuffer page, int offset, long address) {
            this.page = page;
            this.offset = offset;
            this.address = address;
        }

        /** The word as the kernel left it: bit {@link Level#enableBit()} set while that level is traced. */
        public int read() {
            return (int) WORD.getVolatile(page, offset);
        }

        /** Only for words the kernel no longer writes (never registered, or after DIAG_IOCSUNREG). */
        void clear() {
            WORD.setVolatile(page, offset, 0);
        }
    }

    EnableWords() {}

    synchronized Word allocate() {
        if (nextWordInPage == WORDS_PER_PAGE) {
            // alignedSlice: natural (4-byte) alignment is an ABI requirement; 64 keeps a page on whole cache lines.
            currentPage = ByteBuffer.allocateDirect(PAGE_BYTES + 64).alignedSlice(64).order(ByteOrder.nativeOrder());
            currentPageAddress = Pointer.nativeValue(Native.getDirectBufferPointer(currentPage));
            pages.add(currentPage);
            nextWordInPage = 0;
        }
        int offset = nextWordInPage++ * UserEventsAbi.ENABLE_WORD_BYTES;
        return new Word(currentPage, offset, currentPageAddress + offset);
    }

    static void pinForever(ByteBuffer page) {
        synchronized (PINNED) {
            PINNED.add(page);
        }
    }

    /** A word that is never registered, so it stays 0: every level disabled. */
    static Word unregistered() {
        ByteBuffer page = ByteBuffer.allocateDirect(UserEventsAbi.ENABLE_WORD_BYTES).order(ByteOrder.nativeOrder());
        return new Word(page, 0, 0L);
    }
}
