package dev.userevents.testing;

import dev.userevents.Level;
import dev.userevents.Mode;
import dev.userevents.UserEvents;
import dev.userevents.UserEventsConfig;

/**
 * Measures, on the test kernel, how long the kernel takes to delete N of our events after they are closed, and what
 * waits meanwhile (a tracefs write, one more registration). Not a test: run it in the VM by hand, for example
 * {@code vm/run -- java -cp ... dev.userevents.testing.DeletionTimeMain 1000 10000 32766}; the README's
 * Reliability section quotes its output as ratios.
 */
public final class DeletionTimeMain {
    private DeletionTimeMain() {}

    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            measure(Integer.parseInt(arg));
        }
    }

    private static long ours(String prefix) {
        return Tracefs.statusEventNames().stream()
                .filter(name -> name.startsWith(prefix))
                .count();
    }

    private static void measure(int events) throws Exception {
        int loggers = (events + Level.values().length - 1) / Level.values().length;
        String prefix = "del" + events + "_";
        UserEventsConfig config =
                UserEventsConfig.builder().mode(Mode.SYNC).shutdownHook(false).build();
        UserEvents open = UserEvents.open(config);
        long started = System.nanoTime();
        for (int i = 0; i < loggers; i++) {
            open.logger("del" + events + ".l" + i);
        }
        long registered = System.nanoTime() - started;
        int count = open.registeredLoggerCount() * Level.values().length;
        long closing = System.nanoTime();
        open.close();
        long closed = System.nanoTime() - closing;
        // What waits while the kernel deletes, sampled until it is done: a trace truncation, a buffer_size_kb write,
        // an enable write of an event that stays, and one more process-side registration, each timed in turn.
        Waits waits = new Waits();
        UserEvents another = UserEvents.open(config);
        dev.userevents.LoggerEvents stays = another.logger("del.stays" + events);
        String staysEvent = stays.eventName(Level.INFO);
        String bufferKb = Tracefs.read(Tracefs.ROOT.resolve("buffer_size_kb"))
                .trim()
                .split("[^0-9]", 2)[0]; // "7 (expanded: 1408)"
        int probe = 0;
        while (ours(prefix) > 0) {
            waits.time("trace truncation", Tracefs::clearTrace);
            waits.time("buffer_size_kb write", () -> Tracefs.bufferSizeKb(Integer.parseInt(bufferKb)));
            waits.time("enable write", () -> Tracefs.enable(staysEvent));
            waits.time("enable write", () -> Tracefs.disable(staysEvent));
            int n = probe++;
            waits.time("registration", () -> another.logger("del.probe" + events + "_" + n));
            Thread.sleep(200);
        }
        another.close();
        long deleted = System.nanoTime() - closing;
        System.out.printf(
                "deletion: %d events registered in %.2f s (%.0f us/event), close %.2f s, deleted %.2f s after"
                        + " close (%.0f us/event, %.2fx registration); meanwhile %s%n",
                count,
                registered / 1e9,
                registered / 1e3 / count,
                closed / 1e9,
                deleted / 1e9,
                deleted / 1e3 / count,
                (double) deleted / registered,
                waits);
        while (ours("del_probe") > 0 || ours("del_stays") > 0) {
            Thread.sleep(50);
        }
    }

    /** The longest and the median wait of each kind of probe. */
    private static final class Waits {
        private final java.util.Map<String, java.util.List<Long>> nanos = new java.util.LinkedHashMap<>();

        interface Probe {
            void run() throws Exception;
        }

        void time(String kind, Probe probe) throws Exception {
            long started = System.nanoTime();
            probe.run();
            nanos.computeIfAbsent(kind, k -> new java.util.ArrayList<>()).add(System.nanoTime() - started);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            nanos.forEach((kind, list) -> {
                java.util.List<Long> sorted = new java.util.ArrayList<>(list);
                java.util.Collections.sort(sorted);
                text.append(String.format(
                        "%s max %.3f s median %.3f s over %d; ",
                        kind, sorted.get(sorted.size() - 1) / 1e9, sorted.get(sorted.size() / 2) / 1e9, sorted.size()));
            });
            return text.length() == 0 ? "nothing sampled (deleted before the first probe)" : text.toString();
        }
    }
}
