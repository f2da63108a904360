package dev.userevents.jul.app;

import dev.userevents.slf4j.UserEventsLoggerFactory;
import org.slf4j.LoggerFactory;

/** SLF4J's side of {@link JulApp}, in a class of its own: the JUL-only runs have no SLF4J on their class path. */
final class Slf4jCore {
    private Slf4jCore() {}

    /** The identity of the SLF4J provider's core (starting SLF4J), or "none". */
    static String identity() {
        try {
            Object factory = LoggerFactory.getILoggerFactory();
            return factory instanceof UserEventsLoggerFactory
                    ? Integer.toString(System.identityHashCode(((UserEventsLoggerFactory) factory).core()))
                    : "other";
        } catch (LinkageError absent) {
            return "none";
        }
    }

    static void log(String name, String level, String message) {
        LoggerFactory.getLogger(name)
                .atLevel(org.slf4j.event.Level.valueOf(level))
                .log(message);
    }
}
