package dev.userevents.log4j2;

import java.net.URI;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.selector.ClassLoaderContextSelector;

/**
 * Log4j's default selector (one context per class loader), making {@link UserEventsLoggerContext}s. Set
 * {@code -Dlog4j2.contextSelector=dev.userevents.log4j2.UserEventsContextSelector} (or the same line in
 * {@code log4j2.component.properties}). Without it, {@code <UserEventsFilter/>} still registers every logger that
 * exists when a configuration starts, and later loggers on their first call.
 */
public class UserEventsContextSelector extends ClassLoaderContextSelector {
    @Override
    protected LoggerContext createContext(String name, URI configLocation) {
        return new UserEventsLoggerContext(name, null, configLocation);
    }
}
