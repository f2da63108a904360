package dev.userevents.testing;

import dev.userevents.format.EventHeaderDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code perf record} of EventHeader tracepoints, decoded with the project's decoder: for every module's kernel tests. */
public final class EventHeaderCapture {
    private EventHeaderCapture() {}

    /** One captured event and the tracepoint it came through. */
    public static final class Captured {
        public final String tracepoint;
        public final EventHeaderDecoder.Event event;

        Captured(String tracepoint, EventHeaderDecoder.Event event) {
            this.tracepoint = tracepoint;
            this.event = event;
        }

        public Map<String, Object> fields() {
            return event.flatten();
        }

        @Override
        public String toString() {
            return tracepoint + ": " + event;
        }
    }

    /** Whether perf has attached to {@code tracepoint} (user_events_status says "Used by ... perf"). */
    public static boolean perfAttached(String tracepoint) {
        for (String line : Tracefs.status().split("\n")) {
            if (line.startsWith(tracepoint + " ") && line.contains("perf")) {
                return true;
            }
        }
        return false;
    }

    /** Records {@code tracepoints} (e.g. {@code MyApp_L4K1}) around {@code workload}, once perf is attached to all. */
    public static List<Captured> record(List<String> tracepoints, Runnable workload) throws Exception {
        java.nio.file.Path data = Perf.record(
                tracepoints, () -> tracepoints.stream().allMatch(EventHeaderCapture::perfAttached), workload);
        List<Captured> captured = new ArrayList<>();
        for (PerfData.RawSample sample : PerfData.rawSamples(data)) {
            String tracepoint = null;
            for (String name : tracepoints) {
                if (Integer.parseInt(
                                Tracefs.read(Tracefs.USER_EVENTS.resolve(name).resolve("id"))
                                        .trim())
                        == sample.eventId) {
                    tracepoint = name;
                }
            }
            if (tracepoint != null) {
                captured.add(
                        new Captured(tracepoint, EventHeaderDecoder.decode(sample.payload, 0, sample.payload.length)));
            }
        }
        return captured;
    }
}
