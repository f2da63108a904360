package dev.userevents.jul;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.jul.app.Messages;
import dev.userevents.jul.app.ThrowingBundle;
import dev.userevents.spi.CapturedDiagnostics;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The kernel's message of a JUL record: JUL's own formatting, bounded, never throwing. */
class JulEventsTest {
    @RegisterExtension
    final CapturedDiagnostics diagnostics = new CapturedDiagnostics();

    private static String message(LogRecord record, int maxBytes) {
        StringBuilder out = new StringBuilder();
        JulEvents.appendMessage(out, record, maxBytes);
        return out.toString();
    }

    private static LogRecord record(String message, Object... params) {
        LogRecord record = new LogRecord(Level.INFO, message);
        record.setParameters(params);
        return record;
    }

    @Test
    void parametersAreFilledInAsJulsFormattersDo() {
        assertEquals("user ann bought 3 items", message(record("user {0} bought {1} items", "ann", 3), 3072));
        assertEquals("no placeholders", message(record("no placeholders", "ignored"), 3072));
        assertEquals("{} is SLF4J's, not JUL's", message(record("{} is SLF4J's, not JUL's", "x"), 3072));
    }

    @Test
    void resourceBundlesAreLookedUpFirst() {
        LogRecord record = record("greeting", "ann", 2);
        record.setResourceBundle(new Messages());
        assertEquals("Hello ann, you have 2 messages", message(record, 3072));
        LogRecord missing = record("not-a-key");
        missing.setResourceBundle(new Messages());
        assertEquals("not-a-key", message(missing, 3072), "a missing key is the message itself, as in JUL");
    }

    @Test
    void aBundleThatThrowsGivesTheRawMessageAndOneDiagnostic() {
        for (int i = 0; i < 3; i++) {
            LogRecord record = record("greeting", "ann");
            record.setResourceBundle(new ThrowingBundle());
            assertEquals("greeting", message(record, 3072));
        }
        assertEquals(1, diagnostics.lines().size(), diagnostics.lines().toString());
        assertTrue(
                diagnostics.lines().get(0).contains("bundle broken for greeting"),
                diagnostics.lines().toString());
    }

    @Test
    void nullMessagesReadNull() {
        assertEquals("null", message(new LogRecord(Level.INFO, null), 3072));
        assertEquals("null", message(record(null, "x"), 3072));
        LogRecord withBundle = new LogRecord(Level.INFO, null);
        withBundle.setResourceBundle(new Messages());
        assertEquals("null", message(withBundle, 3072), "the bundle's NullPointerException is caught");
    }

    @Test
    void aOneMebibyteParameterIsNotCopiedWhole() {
        String huge = "x".repeat(1 << 20);
        String formatted = message(record("big {0}", huge), 3072);
        assertEquals(3073, formatted.length(), "one past the bound, so the encoder marks it truncated");
        assertTrue(formatted.startsWith("big xxx"));
    }

    @Test
    void aParameterWhoseToStringThrowsLeavesThePattern() {
        Object bad = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };
        assertEquals(
                "value {0}", message(record("value {0}", bad), 3072), "MessageFormat's failure: JUL keeps the pattern");
    }
}
