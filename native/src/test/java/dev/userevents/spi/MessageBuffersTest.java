package dev.userevents.spi;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class MessageBuffersTest {
    @Test
    void reusedWhenReleasedFreshWhenNested() {
        StringBuilder outer = MessageBuffers.acquire();
        outer.append("outer");
        StringBuilder nested = MessageBuffers.acquire(); // an argument's toString() that logs
        assertNotSame(outer, nested);
        nested.append("nested");
        MessageBuffers.release(nested);
        assertEquals("outer", outer.toString(), "the outer message is untouched");
        MessageBuffers.release(outer);
        assertSame(outer, MessageBuffers.acquire(), "reused once released");
    }

    @Test
    void hugeBuilderIsNotKept() {
        StringBuilder big = MessageBuffers.acquire();
        big.append("x".repeat(MessageBuffers.MAX_KEPT_CHARS + 1));
        MessageBuffers.release(big);
        StringBuilder next = MessageBuffers.acquire();
        assertNotSame(big, next);
        assertEquals(0, next.length());
        MessageBuffers.release(next);
    }
}
