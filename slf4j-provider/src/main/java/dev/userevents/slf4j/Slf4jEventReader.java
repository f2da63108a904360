package dev.userevents.slf4j;

import dev.userevents.LogEventReader;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.event.KeyValuePair;

/**
 * The EventHeader fields of an SLF4J call: the calling thread and the clock now (the event is encoded on the
 * caller's thread), the MDC, then the fluent API's key-value pairs with their own types.
 */
final class Slf4jEventReader implements LogEventReader<List<KeyValuePair>> {
    static final Slf4jEventReader INSTANCE = new Slf4jEventReader();

    private Slf4jEventReader() {}

    @Override
    public void forEachAttribute(List<KeyValuePair> keyValues, BiConsumer<String, Object> sink) {
        SnapshotMdcAdapter.current().forEach(sink);
        if (keyValues != null) {
            for (KeyValuePair pair : keyValues) {
                sink.accept(pair.key, pair.value);
            }
        }
    }
}
