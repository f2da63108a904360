package dev.userevents.cli;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class UserEventsCliTest {
    @Test
    void loggerGlobsMatchEventBaseNames() {
        assertTrue(LoggerGlobs.toPattern("com.example.*")
                .matcher("com_example_Orders")
                .matches());
        assertTrue(LoggerGlobs.toPattern("com.example.Foo$Bar")
                .matcher("com_example_Foo_Bar")
                .matches());
        assertFalse(LoggerGlobs.toPattern("com.example.*")
                .matcher("org_example_Orders")
                .matches());
        assertTrue(LoggerGlobs.toPattern("*").matcher("root").matches());
        assertTrue(LoggerGlobs.toPattern("a?c").matcher("abc").matches());
        assertTrue(
                LoggerGlobs.toPattern("ctx.\u00fcn\u00ef")
                        .matcher("ctx__n__h0123abcd")
                        .matches(),
                "hash suffix");
        assertFalse(LoggerGlobs.toPattern("com.example.Foo")
                .matcher("com_example_Foo2")
                .matches());
    }

    @Test
    void invalidGlobsAreRefused() {
        assertNull(LoggerGlobs.parse(""));
        assertNull(LoggerGlobs.parse("com.example [a-z]*"));
        assertNull(LoggerGlobs.parse("com.{a,b}"));
        assertNotNull(LoggerGlobs.parse("org.apache.zookeeper.*"));
    }
}
