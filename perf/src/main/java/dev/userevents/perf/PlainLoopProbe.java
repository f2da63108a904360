package dev.userevents.perf;

import dev.userevents.Mode;
import dev.userevents.UserEvents;
import dev.userevents.UserEventsConfig;
import dev.userevents.slf4j.UserEventsLoggerFactory;
import java.util.Arrays;
import org.slf4j.Logger;

/**
 * The disabled check as an application's loop sees it, outside JMH: {@code if (log.isDebugEnabled()) sink++} over an
 * {@code org.slf4j.Logger} held in a {@code static final} field and in an instance field, against the same loop over
 * a volatile int read, interleaved in one JVM.
 *
 * <p>One backend per JVM ({@code perf/plain-loop.sh} starts one per backend and JDK): with two logger classes behind
 * one call site its type profile would no longer be monomorphic, which no application with one backend sees.
 * Usage: {@code java -Dplainloop.backend=userevents|logback|simple PlainLoopProbe [rounds] [iterations]} (a property:
 * the static final field is set when this class initializes, before main); prints ns per iteration, the best round
 * of each loop, and its ratio to the volatile read's best round.
 */
public final class PlainLoopProbe {
    private static final String NAME = "probe.PlainLoop";
    /** Held as applications hold it. */
    private static final Logger STATIC_LOG = Backend.logger(System.getProperty("plainloop.backend", "userevents"));

    private final Logger log = STATIC_LOG;
    /** The floor: what a logger's word would cost as a Java field, tested as the logger tests its bit. */
    private volatile int word;

    private PlainLoopProbe() {}

    private static long staticLoop(int n) {
        long sink = 0;
        for (int i = 0; i < n; i++) {
            if (STATIC_LOG.isDebugEnabled()) {
                sink++;
            }
        }
        return sink;
    }

    private long fieldLoop(int n) {
        long sink = 0;
        for (int i = 0; i < n; i++) {
            if (log.isDebugEnabled()) {
                sink++;
            }
        }
        return sink;
    }

    private long volatileLoop(int n) {
        long sink = 0;
        for (int i = 0; i < n; i++) {
            if ((word & 0x2) != 0) {
                sink++;
            }
        }
        return sink;
    }

    /** One timed run of loop {@code which}: ns per iteration. */
    private double time(int which, int n) {
        long start = System.nanoTime();
        long sink = switch (which) {
            case 0 -> volatileLoop(n);
            case 1 -> staticLoop(n);
            default -> fieldLoop(n);
        };
        long elapsed = System.nanoTime() - start;
        if (sink != 0) {
            throw new IllegalStateException("debug is enabled: the probe measures the disabled check");
        }
        return (double) elapsed / n;
    }

    public static void main(String[] args) {
        String backend = System.getProperty("plainloop.backend", "userevents");
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200_000_000;
        PlainLoopProbe probe = new PlainLoopProbe();
        // Warm-up: enough calls of each loop for C2 to compile the whole method, not only its OSR entry.
        for (int i = 0; i < 200; i++) {
            for (int which = 0; which < 3; which++) {
                probe.time(which, 200_000);
            }
        }
        String[] names = {"volatile int read", "static final Logger", "instance-field Logger"};
        double[][] samples = new double[3][rounds];
        for (int r = 0; r < rounds; r++) {
            // Interleaved, and the order rotated: a neighbour's burst lands on every loop alike.
            for (int k = 0; k < 3; k++) {
                int which = (r + k) % 3;
                samples[which][r] = probe.time(which, n);
            }
        }
        double floor = Arrays.stream(samples[0]).min().orElseThrow();
        System.out.printf(
                "plainloop: backend=%s jdk=%s logger=%s rounds=%d iterations=%d%n",
                backend, Runtime.version().feature(), STATIC_LOG.getClass().getName(), rounds, n);
        for (int which = 0; which < 3; which++) {
            double[] s = samples[which].clone();
            Arrays.sort(s);
            System.out.printf(
                    "plainloop: %-22s best %.3f ns (%.2fx)  median %.3f ns%s%n",
                    names[which],
                    s[0],
                    s[0] / floor,
                    s[s.length / 2],
                    // slf4j-simple's level is a plain field: the JIT hoists the check and drops the empty loop.
                    s[0] < 0.01 ? "  (loop removed by the JIT: nothing volatile in it)" : "");
        }
    }

    /** The backends, each at INFO (debug disabled), made without SLF4J's LoggerFactory (one backend per JVM). */
    private static final class Backend {
        static Logger logger(String backend) {
            switch (backend) {
                case "userevents":
                    // In-memory device, untraced: the word stays 0, as in DisabledBenchmark.
                    UserEvents core = UserEvents.open(
                            UserEventsConfig.builder()
                                    .mode(Mode.SYNC)
                                    .shutdownHook(false)
                                    .build(),
                            BenchmarkDevice.noSyscall(false));
                    return new UserEventsLoggerFactory(core).getLogger(NAME);
                case "logback":
                    ch.qos.logback.classic.LoggerContext context = new ch.qos.logback.classic.LoggerContext();
                    context.getLogger(NAME).setLevel(ch.qos.logback.classic.Level.INFO);
                    return context.getLogger(NAME);
                case "simple":
                    // slf4j-simple (default level INFO) through its SLF4J service provider: not a perf dependency,
                    // plain-loop.sh adds its jar for this JVM only.
                    try {
                        org.slf4j.spi.SLF4JServiceProvider provider = (org.slf4j.spi.SLF4JServiceProvider)
                                Class.forName("org.slf4j.simple.SimpleServiceProvider")
                                        .getDeclaredConstructor()
                                        .newInstance();
                        provider.initialize();
                        return provider.getLoggerFactory().getLogger(NAME);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("slf4j-simple is not on the class path", e);
                    }
                default:
                    throw new IllegalArgumentException("backend: userevents, logback or simple, not " + backend);
            }
        }
    }
}
