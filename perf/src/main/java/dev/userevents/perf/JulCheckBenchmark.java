package dev.userevents.perf;

import dev.userevents.jul.JulCore;
import dev.userevents.jul.UserEventsHandler;
import dev.userevents.jul.UserEventsLogger;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openjdk.jmh.annotations.*;

/**
 * A disabled JUL level, {@code isLoggable(Level.FINE)} and {@code log(Level.FINE, "x {0}", a)} on a logger at INFO:
 * stock JUL, stock JUL with {@link UserEventsHandler} on the logger (JUL's own check: the handler cannot gate), and
 * the LogManager's {@link UserEventsLogger} (the configured level, then the enable word). JUL's manager is chosen
 * when the JVM starts, so the LogManager's methods fork with {@code -Djava.util.logging.manager} and the others
 * without it; JMH forks a JVM per method either way. A bare volatile int read is the floor, as in
 * {@link DisabledBenchmark}. userevents-jul is not on perf's class path ({@code provided}): perf/run.sh adds it
 * for this class only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-XX:+UseParallelGC"})
public class JulCheckBenchmark {
    static final String MANAGER = "-Djava.util.logging.manager=dev.userevents.jul.UserEventsLogManager";
    static final String GATE = "-Duserevents.jul.gate=levels";

    volatile int word;
    private final Integer argument = 42;

    /**
     * Waits for JUL's own core: JMH's link between the processes deserializes, and the JDK's serialization filter logs
     * through System.Logger, so the finder has started JUL and its core before any setup could hand it another
     * ({@code JulCore.use}). On a host without user_events that core is the unavailable one: its loggers hold the
     * core's never-registered word, which is read exactly as a registered, untraced one. perf's class path has
     * userevents-slf4j as SLF4J's provider, so JUL's core is that provider's: SLF4J is started here to open it.
     */
    static void awaitJulCore() {
        org.slf4j.LoggerFactory.getILoggerFactory();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (JulCore.get() == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("JUL's core did not open");
            }
            Thread.onSpinWait();
        }
    }

    /** Stock JUL: java.util.logging.LogManager, a plain Logger at INFO. */
    @State(Scope.Benchmark)
    public static class Stock {
        Logger logger;

        @Setup
        public void setUp() {
            logger = Logger.getLogger("bench.Jul");
            logger.setLevel(Level.INFO);
            logger.setUseParentHandlers(false);
            if (logger.getClass() != Logger.class) {
                throw new IllegalStateException("not stock JUL: " + logger.getClass());
            }
        }
    }

    /** Stock JUL with UserEventsHandler on the logger. */
    @State(Scope.Benchmark)
    public static class WithHandler {
        Logger logger;

        @Setup
        public void setUp() {
            UserEventsHandler handler = new UserEventsHandler();
            awaitJulCore();
            logger = Logger.getLogger("bench.Jul");
            logger.setLevel(Level.INFO);
            logger.setUseParentHandlers(false);
            logger.addHandler(handler);
        }
    }

    /** The LogManager's logger at INFO, attached to JUL's core, not traced. */
    @State(Scope.Benchmark)
    public static class Manager {
        Logger logger;

        @Setup
        public void setUp() {
            Logger.getLogger("bench.Start"); // JUL and its core have usually started already (see awaitJulCore)
            awaitJulCore();
            logger = Logger.getLogger("bench.Jul"); // the core is open: registered (attached) at creation
            logger.setLevel(Level.INFO);
            logger.setUseParentHandlers(false);
            if (!(logger instanceof UserEventsLogger)) {
                throw new IllegalStateException("not the LogManager's logger: " + logger.getClass());
            }
        }
    }

    /** The LogManager's logger with {@code userevents.jul.gate=levels}: JUL's own isLoggable, levels set while traced. */
    @State(Scope.Benchmark)
    public static class GatedManager {
        Logger logger;

        @Setup
        public void setUp() {
            Logger.getLogger("bench.Start");
            awaitJulCore();
            logger = Logger.getLogger("bench.Jul");
            logger.setLevel(Level.INFO);
            logger.setUseParentHandlers(false);
            if (!logger.getClass().getName().equals("dev.userevents.jul.LevelGatedLogger")) {
                throw new IllegalStateException("not the level-gated logger: " + logger.getClass());
            }
        }
    }

    @Benchmark
    public int volatileIntRead() {
        return word;
    }

    @Benchmark
    public boolean julStockIsLoggable(Stock stock) {
        return stock.logger.isLoggable(Level.FINE);
    }

    @Benchmark
    public boolean julHandlerIsLoggable(WithHandler handler) {
        return handler.logger.isLoggable(Level.FINE);
    }

    @Benchmark
    @Fork(
            value = 1,
            jvmArgsPrepend = MANAGER,
            jvmArgsAppend = {"-XX:+UseParallelGC"})
    public boolean julLogManagerIsLoggable(Manager manager) {
        return manager.logger.isLoggable(Level.FINE);
    }

    @Benchmark
    @Fork(
            value = 1,
            jvmArgsPrepend = {MANAGER, GATE},
            jvmArgsAppend = {"-XX:+UseParallelGC"})
    public boolean julLevelGateIsLoggable(GatedManager manager) {
        return manager.logger.isLoggable(Level.FINE);
    }

    @Benchmark
    public void julStockFine(Stock stock) {
        stock.logger.log(Level.FINE, "x {0}", argument);
    }

    @Benchmark
    public void julHandlerFine(WithHandler handler) {
        handler.logger.log(Level.FINE, "x {0}", argument);
    }

    @Benchmark
    @Fork(
            value = 1,
            jvmArgsPrepend = MANAGER,
            jvmArgsAppend = {"-XX:+UseParallelGC"})
    public void julLogManagerFine(Manager manager) {
        manager.logger.log(Level.FINE, "x {0}", argument);
    }
}
