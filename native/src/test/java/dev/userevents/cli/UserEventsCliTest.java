package dev.userevents.cli;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class UserEventsCliTest {
    @Test
    void loggerGlobsMatchEventBaseNames() {
        assertTrue(UserEventsCli.globToPattern("com.example.*").matcher("com_example_Orders").matches());
        assertTrue(UserEventsCli.globToPattern("com.example.Foo$Bar").matcher("com_example_Foo_Bar").matches());
        assertFalse(UserEventsCli.globToPattern("com.example.*").matcher("org_example_Orders").matches());
        assertTrue(UserEventsCli.globToPattern("*").matcher("root").matches());
        assertTrue(UserEventsCli.globToPattern("a?c").matcher("abc").matches());
        assertTrue(UserEventsCli.globToPattern("ctx.\u00fcn\u00ef").matcher("ctx__n__h0123abcd").matches(), "hash suffix");
        assertFalse(UserEventsCli.globToPattern("com.example.Foo").matcher("com_example_Foo2").matches());
    }

    @Test
    void invalidGlobsAreRefused() {
        assertNull(UserEventsCli.parseGlob(""));
        assertNull(UserEventsCli.parseGlob("com.example [a-z]*"));
        assertNull(UserEventsCli.parseGlob("com.{a,b}"));
        assertNotNull(UserEventsCli.parseGlob("org.apache.zookeeper.*"));
    }
}
