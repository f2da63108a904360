package dev.userevents.slf4j;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.testHarness.MultithreadedInitializationTest;

/**
 * SLF4J's own harness: loggers created and used by many threads while LoggerFactory initializes. With
 * user_events made unavailable and the stderr fallback on, every INFO call must reach stderr.
 */
public class UserEventsMultithreadedInitializationTest extends MultithreadedInitializationTest {
    private static final AtomicLong INFO_LINES = new AtomicLong();

    static {
        System.setProperty("userevents.dataFile", "/nonexistent/user_events_data");
        System.setProperty("userevents.fallback", "stderr");
        System.setProperty("userevents.fallbackLevel", "INFO");
        System.setErr(new PrintStream(
                new OutputStream() {
                    private final StringBuilder line = new StringBuilder();

                    @Override
                    public synchronized void write(int b) {
                        if (b == '\n') {
                            if (line.indexOf("] INFO ") > 0) { // a fallback line, not the one diagnostic
                                INFO_LINES.incrementAndGet();
                            }
                            line.setLength(0);
                        } else {
                            line.append((char) b);
                        }
                    }
                },
                true,
                StandardCharsets.UTF_8));
    }

    @Override
    protected long getRecordedEventCount() {
        return INFO_LINES.get();
    }
}
