package dev.userevents;

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
    }
}
