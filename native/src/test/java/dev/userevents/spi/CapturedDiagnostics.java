package dev.userevents.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Collects the library's diagnostics for one test, starting from "nothing reported yet":
 * {@code @RegisterExtension final CapturedDiagnostics diagnostics = new CapturedDiagnostics();}
 */
public final class CapturedDiagnostics implements BeforeEachCallback, AfterEachCallback {
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private Consumer<String> previousSink;

    @Override
    public void beforeEach(ExtensionContext context) {
        Diagnostics.resetForTests();
        previousSink = Diagnostics.setSink(lines::add);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Diagnostics.setSink(previousSink);
        Diagnostics.resetForTests();
    }

    /** Forgets which keys were reported, so the next report of each is printed again. */
    public void forgetReported() {
        Diagnostics.resetForTests();
    }

    /** What was reported so far. */
    public List<String> lines() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }
}
