package dev.userevents.slf4j;

import dev.userevents.Level;
import dev.userevents.LogEventReader;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.event.KeyValuePair;

/**
 * An SLF4J call as the core reads it: the message as SLF4J formats it, and the throwable; the per-logger event's
 * text is the message followed by the key-value pairs and (with {@code userevents.mdc}) the MDC; the stderr console
 * echoes its levels. For EventHeader: the calling thread and the clock now (the event is encoded on the caller's
 * thread), the MDC, then the key-value pairs with their own types.
 */
final class Slf4jEventReader implements LogEventReader<Slf4jCall> {
    static final Slf4jEventReader INSTANCE = new Slf4jEventReader();

    private Slf4jEventReader() {}

    @Override
    public void appendMessage(Slf4jCall call, StringBuilder out) {
        Slf4jFormatter.format(out, call.pattern, call.arguments, call.count);
    }

    @Override
    public Throwable thrown(Slf4jCall call) {
        return call.thrown;
    }

    @Override
    public Throwable appendText(Slf4jCall call, StringBuilder out, boolean hasMessage) {
        if (!hasMessage) {
            appendMessage(call, out);
        }
        if (call.keyValues != null) {
            for (KeyValuePair pair : call.keyValues) {
                out.append(' ').append(pair.key).append('=').append(pair.value);
            }
        }
        if (call.logger.includeMdc()) {
            for (Map.Entry<String, String> entry : SnapshotMdcAdapter.current().entrySet()) {
                out.append(' ').append(entry.getKey()).append('=').append(entry.getValue());
            }
        }
        return call.thrown;
    }

    @Override
    public boolean echoes(Slf4jCall call, Level level) {
        return call.logger.printsToConsole(level);
    }

    @Override
    public void echo(Slf4jCall call, Level level, CharSequence text) {
        call.logger.printToConsole(level, text);
    }

    @Override
    public void forEachAttribute(Slf4jCall call, BiConsumer<String, Object> sink) {
        SnapshotMdcAdapter.current().forEach(sink);
        if (call.keyValues != null) {
            for (KeyValuePair pair : call.keyValues) {
                sink.accept(pair.key, pair.value);
            }
        }
    }
}
