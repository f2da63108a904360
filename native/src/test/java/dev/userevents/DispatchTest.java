package dev.userevents;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.testing.InMemoryDevice;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link UserEvents#log}, the front ends' one dispatch: which stream gets what, formatting once, the throwable. */
class DispatchTest {
    private final InMemoryDevice device = new InMemoryDevice();
    private final UserEvents core = UserEvents.open(
            UserEventsConfig.builder()
                    .mode(Mode.SYNC)
                    .maxMessageBytes(65534)
                    .eventHeaderProvider("Disp")
                    .build(),
            device);
    private final LoggerEvents logger = core.logger("app.Dispatch");

    @AfterEach
    void close() {
        core.close();
    }

    /** An event whose reader counts what the core asks, with an optional layout and echo. */
    static final class Reader implements LogEventReader<String> {
        final List<String> calls = new ArrayList<>();
        final Throwable thrown;
        final String layout;
        final boolean echoes;
        final List<String> echoed = new ArrayList<>();

        Reader(Throwable thrown, String layout, boolean echoes) {
            this.thrown = thrown;
            this.layout = layout;
            this.echoes = echoes;
        }

        @Override
        public void appendMessage(String event, StringBuilder out) {
            calls.add("appendMessage");
            out.append(event);
        }

        @Override
        public Throwable thrown(String event) {
            return thrown;
        }

        @Override
        public Throwable appendText(String event, StringBuilder out, boolean hasMessage) {
            calls.add("appendText:" + hasMessage);
            if (layout == null) {
                return LogEventReader.super.appendText(event, out, hasMessage);
            }
            out.setLength(0);
            out.append(layout).append(' ').append(event);
            return null;
        }

        @Override
        public boolean echoes(String event, Level level) {
            return echoes;
        }

        @Override
        public void echo(String event, Level level, CharSequence text) {
            echoed.add(text.toString());
        }
    }

    private void provider(boolean on) {
        device.setEnabled(logger.word().address, Level.PROVIDER_BIT_BASE + Level.INFO.providerLevel, on);
    }

    private List<String> messages() {
        List<String> out = new ArrayList<>();
        device.records().forEach(r -> out.add(r.message));
        return out;
    }

    @Test
    void nothingTracedAsksNothing() {
        Reader reader = new Reader(null, null, false);
        core.log(logger, Level.INFO, "m", reader);
        assertEquals(List.of(), reader.calls, "no stream traced, no echo: nothing formatted");
        assertTrue(device.records().isEmpty());
        assertTrue(device.eventHeaderWrites().isEmpty());
    }

    @Test
    void bothStreamsFormatTheMessageOnceAndTheTracefsTextCarriesTheStackTrace() {
        device.setEnabled(logger, Level.INFO, true);
        provider(true);
        Reader reader = new Reader(new IllegalStateException("boom"), null, false);
        core.log(logger, Level.INFO, "hello", reader);
        assertEquals(List.of("appendMessage", "appendText:true"), reader.calls, "the message is formatted once");
        assertEquals(1, device.eventHeaderWrites().size(), "the provider stream");
        assertEquals(1, device.records().size(), "the tracefs stream");
        String text = messages().get(0);
        assertTrue(text.startsWith("hello\njava.lang.IllegalStateException: boom"), text);
    }

    @Test
    void eachStreamAloneAndALayoutReplacesOnlyTheTracefsText() {
        Reader plain = new Reader(null, null, false);
        device.setEnabled(logger, Level.INFO, true);
        core.log(logger, Level.INFO, "tracefs only", plain);
        assertEquals(List.of("appendText:false", "appendMessage"), plain.calls);
        assertTrue(device.eventHeaderWrites().isEmpty());
        device.setEnabled(logger, Level.INFO, false);
        provider(true);
        Reader providerOnly = new Reader(null, null, false);
        core.log(logger, Level.INFO, "provider only", providerOnly);
        assertEquals(List.of("appendMessage"), providerOnly.calls, "no tracefs text without its tracepoint");
        assertEquals(1, device.eventHeaderWrites().size());
        device.setEnabled(logger, Level.INFO, true);
        core.log(logger, Level.INFO, "msg", new Reader(new RuntimeException("x"), "[layout]", false));
        assertEquals(List.of("tracefs only", "[layout] msg"), messages(), "the layout's text, no stack trace added");
    }

    @Test
    void anEchoGetsTheStackTraceAndTheEventDoesNotRepeatIt() {
        Reader reader = new Reader(new IllegalStateException("boom"), null, true);
        core.log(logger, Level.WARN, "to the console", reader);
        assertEquals(1, reader.echoed.size(), "echoed though nothing is traced");
        assertTrue(reader.echoed.get(0).startsWith("to the console\njava.lang.IllegalStateException: boom"));
        assertTrue(device.records().isEmpty());
        device.setEnabled(logger, Level.WARN, true);
        core.log(logger, Level.WARN, "both", reader);
        assertEquals(1, device.records().size());
        String text = messages().get(0);
        assertEquals(reader.echoed.get(1), text, "the event is the echoed text, its stack trace once");
    }
}
