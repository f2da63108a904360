package dev.userevents.jul;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link System.LoggerFinder} service ({@code META-INF/services}, and {@code provides} on the module path): every
 * {@code System.getLogger(name)}, the JDK's own included (its {@code PlatformLogger}s: the HTTP client, JMX, security
 * providers), gets a logger whose events are registered at creation and whose levels follow tracing. Loggers are JUL's,
 * as with the JDK's default finder, so {@code logging.properties} and JUL's handlers apply: under
 * {@link UserEventsLogManager} it is that manager's {@link UserEventsLogger}, otherwise a gate in front of JUL's own
 * logger ({@link UserEventsSystemLogger}). The JDK looks the service up with the system class loader: the jar must be
 * on the class path or module path, not only inside an application's own loader (a Spring Boot jar's BOOT-INF/lib).
 */
public final class UserEventsLoggerFinder extends System.LoggerFinder {
    /** The gates made for JUL's own loggers, one per name (the JDK asks again for each {@code System.getLogger}). */
    private final ConcurrentHashMap<String, System.Logger> gates = new ConcurrentHashMap<>();

    /** Called by the JDK's ServiceLoader; nothing here may log (the JDK is still looking for its finder). */
    public UserEventsLoggerFinder() {}

    @Override
    public System.Logger getLogger(String name, Module module) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(module, "module");
        ManagerCheck.reportIfSetLate();
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger(name);
        if (jul instanceof JulLogger) {
            return (JulLogger) jul;
        }
        return gates.computeIfAbsent(name, n -> {
            UserEventsSystemLogger gate = new UserEventsSystemLogger(jul);
            JulCore.register(gate::attach);
            return gate;
        });
    }
}
