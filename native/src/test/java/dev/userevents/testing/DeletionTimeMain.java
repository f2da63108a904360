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
        return Tracefs.statusEventNames().stream().filter(name -> name.startsWith(prefix)).count();
    }

    private static void measure(int events) throws Exception {
        int loggers = (events + Level.values().length - 1) / Level.values().length;
        String prefix = "del" + events + "_";
        UserEventsConfig config = UserEventsConfig.builder().mode(Mode.SYNC).shutdownHook(false).build();
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
        // What waits while the kernel deletes: a tracefs write and one more registration, each timed once.
        long t0 = System.nanoTime();
        Tracefs.clearTrace();
        long traceWrite = System.nanoTime() - t0;
        UserEvents another = UserEvents.open(config);
        long t1 = System.nanoTime();
        another.logger("del.probe" + events);
        long oneRegistration = System.nanoTime() - t1;
        another.close();
        while (ours(prefix) > 0) {
            Thread.sleep(50);
        }
        long deleted = System.nanoTime() - closing;
        System.out.printf("deletion: %d events registered in %.2f s (%.0f us/event), close %.2f s, deleted %.2f s after"
                        + " close (%.0f us/event, %.2fx registration); meanwhile a trace truncation waited %.3f s and one"
                        + " logger's registration %.3f s%n",
                count, registered / 1e9, registered / 1e3 / count, closed / 1e9, deleted / 1e9, deleted / 1e3 / count,
                (double) deleted / registered, traceWrite / 1e9, oneRegistration / 1e9);
        while (ours("del_probe") > 0) {
            Thread.sleep(50);
        }
    }
}
