package dev.userevents.spi;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class StackTracesTest {
    private static String jdk(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void matchesPrintStackTraceWithCausesAndSuppressed() {
        Exception cause = new IllegalStateException("root cause");
        Exception top = new RuntimeException("top", cause);
        top.addSuppressed(new IllegalArgumentException("suppressed one"));
        StringBuilder out = new StringBuilder("message");
        StackTraces.append(out, top, 100_000);
        assertEquals("message\n" + jdk(top).stripTrailing(), out.toString());
    }

    @Test
    void causeCycleTerminates() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        StringBuilder out = new StringBuilder();
        StackTraces.append(out, a, 100_000);
        assertTrue(out.toString().contains("[CIRCULAR REFERENCE: java.lang.Exception: a]"), out.toString());
    }

    @Test
    void boundedByMaxChars() {
        Exception deep = new Exception("deep");
        for (int i = 0; i < 100; i++) {
            deep = new Exception("level " + i, deep);
        }
        StringBuilder out = new StringBuilder("m");
        StackTraces.append(out, deep, 500);
        assertTrue(out.length() <= 501 && out.length() >= 450, "bounded: " + out.length());
    }

    @Test
    void toStringThatThrowsIsSurvived() {
        Exception evil = new Exception() {
            @Override
            public String toString() {
                throw new UnsupportedOperationException();
            }
        };
        StringBuilder out = new StringBuilder();
        StackTraces.append(out, evil, 10_000);
        assertTrue(out.toString().contains("toString() failed"), out.toString());
    }
}
