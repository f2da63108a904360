package dev.userevents.slf4j;

import java.util.Collections;
import java.util.Map;
import org.slf4j.MDC;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.spi.MDCAdapter;

/**
 * SLF4J's {@link BasicMDCAdapter} plus a per-thread read-only snapshot of the map, made on the first read after a
 * change (Logback's {@code LogbackMDCAdapter} does the same). A log call reads the MDC up to three times (the
 * message, and the EventHeader encoder sizes then writes its fields): with the snapshot, none of them copies the
 * map unless a {@code put} or {@code remove} came in between.
 */
final class SnapshotMdcAdapter extends BasicMDCAdapter {
    /** Plain, not inheritable: a child thread builds its own from the map it inherited. */
    private final ThreadLocal<Map<String, String>> snapshot = new ThreadLocal<>();

    /** The calling thread's MDC, read-only and empty when there is none; never copied twice for one state. */
    Map<String, String> snapshot() {
        Map<String, String> current = snapshot.get();
        if (current == null) {
            Map<String, String> copy = getCopyOfContextMap();
            current = copy == null || copy.isEmpty() ? Collections.emptyMap() : Collections.unmodifiableMap(copy);
            snapshot.set(current);
        }
        return current;
    }

    /** The MDC of the calling thread through whichever adapter SLF4J holds (ours, unless someone replaced it). */
    static Map<String, String> current() {
        MDCAdapter adapter = MDC.getMDCAdapter();
        if (adapter instanceof SnapshotMdcAdapter) {
            return ((SnapshotMdcAdapter) adapter).snapshot();
        }
        Map<String, String> copy = adapter == null ? null : adapter.getCopyOfContextMap();
        return copy == null ? Collections.emptyMap() : copy;
    }

    @Override
    public void put(String key, String value) {
        super.put(key, value);
        snapshot.remove();
    }

    @Override
    public void remove(String key) {
        super.remove(key);
        snapshot.remove();
    }

    @Override
    public void clear() {
        super.clear();
        snapshot.remove();
    }

    @Override
    public void setContextMap(Map<String, String> contextMap) {
        super.setContextMap(contextMap);
        snapshot.remove();
    }
}
