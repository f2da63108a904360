package dev.userevents.slf4j;

import dev.userevents.UserEvents;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J 2 provider: found by ServiceLoader ({@code META-INF/services}) or named with
 * {@code -Dslf4j.provider=dev.userevents.slf4j.UserEventsServiceProvider}. Settings: see {@link Slf4jSettings}.
 */
public final class UserEventsServiceProvider implements SLF4JServiceProvider {
    /** The SLF4J API version this provider is compiled against. */
    public static final String REQUESTED_API_VERSION = "2.0.99";

    // Created with the provider, not in initialize(): SLF4J may ask for them before (2.0.17 asks for the MDC adapter).
    private final IMarkerFactory markerFactory = new BasicMarkerFactory();
    private final MDCAdapter mdcAdapter = new SnapshotMdcAdapter();
    private volatile UserEventsLoggerFactory loggerFactory;

    /** Called by ServiceLoader. */
    public UserEventsServiceProvider() {}

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return REQUESTED_API_VERSION;
    }

    @Override
    public void initialize() {
        Slf4jSettings settings = Slf4jSettings.load();
        UserEvents core =
                UserEvents.open(settings.coreConfig, whileUnavailable(settings)); // the one diagnostic if unavailable
        int consoleMask = settings.consoleLevel == null ? 0 : settings.consoleLevel.andMoreSevereMask();
        if (!core.isAvailable() && settings.fallbackLevel != null) {
            consoleMask |= settings.fallbackLevel.andMoreSevereMask();
        }
        loggerFactory = new UserEventsLoggerFactory(
                core, consoleMask == 0 ? null : new StderrConsole(consoleMask), settings.includeMdc);
        ProviderCore.opened(core); // userevents-jul, when present, routes JUL through this core
    }

    /** What happens to the application's lines without user_events, for the one diagnostic. */
    static String whileUnavailable(Slf4jSettings settings) {
        if (settings.fallbackLevel != null) {
            return "SLF4J lines at " + settings.fallbackLevel + " and above go to stderr instead ("
                    + Slf4jSettings.FALLBACK + "=stderr, the default; " + Slf4jSettings.FALLBACK + "=none drops them).";
        }
        if (settings.consoleLevel != null) {
            return "Only the console prints (" + Slf4jSettings.CONSOLE + "=" + settings.consoleLevel
                    + "); other lines are " + "dropped (" + Slf4jSettings.FALLBACK + "=none).";
        }
        return "Every SLF4J line is dropped (" + Slf4jSettings.FALLBACK
                + "=none; remove it to print INFO and above to stderr).";
    }
}
