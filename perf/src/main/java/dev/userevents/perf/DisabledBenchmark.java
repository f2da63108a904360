package dev.userevents.perf;

import ch.qos.logback.classic.LoggerContext;
import dev.userevents.Mode;
import dev.userevents.UserEvents;
import dev.userevents.UserEventsConfig;
import dev.userevents.slf4j.UserEventsLoggerFactory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * A disabled level: the check alone, and {@code debug("x {}", a)}, for this library's SLF4J provider and Log4j2
 * filter against stock Log4j2 and Logback at INFO, with a bare volatile int read as the floor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-XX:+UseParallelGC"})
public class DisabledBenchmark {
    volatile int word;
    private final Integer argument = 42;

    private UserEvents core;
    private org.slf4j.Logger slf4j;
    private UserEvents coreWithProvider;
    private org.slf4j.Logger slf4jWithProvider;
    private org.apache.logging.log4j.core.LoggerContext log4jUserEvents;
    private org.apache.logging.log4j.Logger log4jFilter;
    private org.apache.logging.log4j.core.LoggerContext log4jNoSelectorContext;
    private org.apache.logging.log4j.Logger log4jFilterNoSelector;
    private org.apache.logging.log4j.core.LoggerContext log4jLevelsGateContext;
    private org.apache.logging.log4j.Logger log4jLevelsGate;
    private org.apache.logging.log4j.core.LoggerContext log4jStockContext;
    private org.apache.logging.log4j.Logger log4jStock;
    private org.apache.logging.log4j.core.LoggerContext log4jNeutralFilterContext;
    private org.apache.logging.log4j.Logger log4jNeutralFilter;
    // Typed as applications hold them (LoggerFactory.getLogger returns org.slf4j.Logger): every SLF4J backend's check
    // then pays the same interface dispatch, which a field of Logback's concrete final class would skip.
    private org.slf4j.Logger logback;
    private LoggerContext logbackTurboContext;
    private org.slf4j.Logger logbackTurbo;
    private LoggerContext logbackNeutralTurboContext;
    private org.slf4j.Logger logbackNeutralTurbo;
    private LoggerContext logbackGateContext;
    private org.slf4j.Logger logbackGate;

    @Setup
    public void setUp() {
        core = UserEvents.open(
                UserEventsConfig.builder().mode(Mode.SYNC).shutdownHook(false).build(), BenchmarkDevice.devNull(false));
        slf4j = new UserEventsLoggerFactory(core).getLogger("bench.Disabled");
        // The EventHeader provider stream configured (its bits in the same word): the check must not change.
        coreWithProvider = UserEvents.open(
                UserEventsConfig.builder()
                        .mode(Mode.SYNC)
                        .shutdownHook(false)
                        .eventHeaderProvider("Bench")
                        .build(),
                BenchmarkDevice.devNull(false));
        slf4jWithProvider = new UserEventsLoggerFactory(coreWithProvider).getLogger("bench.Disabled");
        log4jUserEvents = Log4jContexts.userEvents();
        log4jFilter = log4jUserEvents.getLogger("bench.Disabled");
        log4jNoSelectorContext = Log4jContexts.userEventsWithoutSelector();
        log4jFilterNoSelector = log4jNoSelectorContext.getLogger("bench.Disabled");
        log4jLevelsGateContext = Log4jContexts.userEventsLevelsGate();
        log4jLevelsGate = log4jLevelsGateContext.getLogger("bench.Disabled");
        log4jStockContext = Log4jContexts.stockInfo();
        log4jStock = log4jStockContext.getLogger("bench.Disabled");
        log4jNeutralFilterContext = Log4jContexts.stockWithNeutralFilter();
        log4jNeutralFilter = log4jNeutralFilterContext.getLogger("bench.Disabled");
        LoggerContext logbackContext = new LoggerContext();
        logbackContext.getLogger("bench.Disabled").setLevel(ch.qos.logback.classic.Level.INFO);
        logback = logbackContext.getLogger("bench.Disabled");
        // Logback at INFO with the UserEventsTurboFilter: decide() reads the logger's enable word first.
        logbackTurboContext = new LoggerContext();
        dev.userevents.logback.UserEventsTurboFilter turbo = new dev.userevents.logback.UserEventsTurboFilter();
        turbo.setContext(logbackTurboContext);
        turbo.start();
        logbackTurboContext.addTurboFilter(turbo);
        logbackTurboContext.getLogger("bench.Disabled").setLevel(ch.qos.logback.classic.Level.INFO);
        logbackTurbo = logbackTurboContext.getLogger("bench.Disabled");
        // Logback at INFO with a turbo filter that always answers NEUTRAL: Logback's own turbo-filter dispatch.
        logbackNeutralTurboContext = new LoggerContext();
        ch.qos.logback.classic.turbo.TurboFilter neutral = new ch.qos.logback.classic.turbo.TurboFilter() {
            @Override
            public ch.qos.logback.core.spi.FilterReply decide(
                    org.slf4j.Marker marker,
                    ch.qos.logback.classic.Logger logger,
                    ch.qos.logback.classic.Level level,
                    String format,
                    Object[] params,
                    Throwable t) {
                return ch.qos.logback.core.spi.FilterReply.NEUTRAL;
            }
        };
        neutral.setContext(logbackNeutralTurboContext);
        neutral.start();
        logbackNeutralTurboContext.addTurboFilter(neutral);
        logbackNeutralTurboContext.getLogger("bench.Disabled").setLevel(ch.qos.logback.classic.Level.INFO);
        logbackNeutralTurbo = logbackNeutralTurboContext.getLogger("bench.Disabled");
        // Logback at INFO with UserEventsLevelGate instead of the turbo filter: no turbo filter is asked.
        logbackGateContext = new LoggerContext();
        dev.userevents.logback.UserEventsLevelGate gate = new dev.userevents.logback.UserEventsLevelGate();
        gate.setContext(logbackGateContext);
        gate.start();
        logbackGateContext.addListener(gate);
        logbackGateContext.getLogger("bench.Disabled").setLevel(ch.qos.logback.classic.Level.INFO);
        logbackGate = logbackGateContext.getLogger("bench.Disabled");
    }

    @TearDown
    public void tearDown() {
        core.close();
        coreWithProvider.close();
        log4jUserEvents.stop();
        log4jNoSelectorContext.stop();
        log4jLevelsGateContext.stop();
        log4jStockContext.stop();
        log4jNeutralFilterContext.stop();
        logbackTurboContext.stop();
        logbackNeutralTurboContext.stop();
        logbackGateContext.stop();
    }

    @Benchmark
    public int volatileIntRead() {
        return word;
    }

    @Benchmark
    public boolean slf4jUserEventsIsDebugEnabled() {
        return slf4j.isDebugEnabled();
    }

    @Benchmark
    public boolean slf4jUserEventsWithProviderIsDebugEnabled() {
        return slf4jWithProvider.isDebugEnabled();
    }

    @Benchmark
    public boolean log4jUserEventsFilterIsDebugEnabled() {
        return log4jFilter.isDebugEnabled();
    }

    /** UserEventsFilter in a plain LoggerContext (no UserEventsContextSelector): Log4j's dispatch, then a cache probe. */
    @Benchmark
    public boolean log4jUserEventsFilterWithoutSelectorIsDebugEnabled() {
        return log4jFilterNoSelector.isDebugEnabled();
    }

    /** No selector, the filter nested in the appender with gate="levels": Log4j's own check, levels set by a poller. */
    @Benchmark
    public boolean log4jLevelsGateIsDebugEnabled() {
        return log4jLevelsGate.isDebugEnabled();
    }

    @Benchmark
    public boolean log4jStockIsDebugEnabled() {
        return log4jStock.isDebugEnabled();
    }

    /** Log4j's global-filter dispatch alone: what UserEventsFilter's check adds to is this, not stock. */
    @Benchmark
    public boolean log4jNeutralFilterIsDebugEnabled() {
        return log4jNeutralFilter.isDebugEnabled();
    }

    @Benchmark
    public boolean logbackIsDebugEnabled() {
        return logback.isDebugEnabled();
    }

    @Benchmark
    public boolean logbackTurboFilterIsDebugEnabled() {
        return logbackTurbo.isDebugEnabled();
    }

    /** Logback's turbo-filter dispatch alone: what UserEventsTurboFilter's check adds to is this, not plain Logback. */
    @Benchmark
    public boolean logbackNeutralTurboFilterIsDebugEnabled() {
        return logbackNeutralTurbo.isDebugEnabled();
    }

    /** The second design: the level gate sets Logback levels while traced, so the check is Logback's own. */
    @Benchmark
    public boolean logbackLevelGateIsDebugEnabled() {
        return logbackGate.isDebugEnabled();
    }

    @Benchmark
    public void logbackTurboFilterDebug() {
        logbackTurbo.debug("x {}", argument);
    }

    @Benchmark
    public void slf4jUserEventsDebug() {
        slf4j.debug("x {}", argument);
    }

    @Benchmark
    public void log4jUserEventsFilterDebug() {
        log4jFilter.debug("x {}", argument);
    }

    @Benchmark
    public void log4jStockDebug() {
        log4jStock.debug("x {}", argument);
    }

    @Benchmark
    public void logbackDebug() {
        logback.debug("x {}", argument);
    }
}
