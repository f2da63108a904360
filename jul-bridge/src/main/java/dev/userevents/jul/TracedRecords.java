package dev.userevents.jul;

import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Where a record of a traced level goes, so JUL's handlers print exactly what they print without tracing:
 * <ul>
 * <li>to the kernel, unless JUL's handlers take it to another user_events writer anyway (a record at the configured
 * level reaching {@link UserEventsHandler}, or SLF4J's or Log4j's JUL bridge, whose backend's userevents front end
 * writes it): one event per record either way;</li>
 * <li>to JUL's handlers only when JUL's configured level lets it through, as without tracing.</li>
 * </ul>
 * The logger's {@link Filter} is asked once and decides for both.
 */
final class TracedRecords {
    /** What the caller does next with the record. */
    enum Next {
        /** Nothing: the kernel had it, or the filter refused it. */
        DONE,
        /** {@code Logger.log(record)} from the caller's own frame (JUL then infers the caller's class past it). */
        LOG,
        /** {@link #publish}: the filter was asked already and must not be asked twice. */
        PUBLISH
    }

    private static final String[] BRIDGES = {
        "org.slf4j.bridge.SLF4JBridgeHandler", "org.apache.logging.log4j.jul.Log4jBridgeHandler"
    };

    private TracedRecords() {}

    /** Writes {@code record} (of a traced level of {@code logger}) to the kernel where it belongs; says what is left. */
    static Next write(Logger logger, boolean configured, JulEvents events, LogRecord record) {
        Filter filter = logger.getFilter();
        if (filter != null && !filter.isLoggable(record)) {
            return Next.DONE;
        }
        if (!configured || !reachesAnotherWriter(logger, record)) {
            events.write(record);
        }
        return !configured ? Next.DONE : filter == null ? Next.LOG : Next.PUBLISH;
    }

    /** JUL's own dispatch ({@code Logger.log(LogRecord)} after its checks), for a record whose filter said yes. */
    static void publish(Logger logger, LogRecord record) {
        for (Logger each = logger; each != null; each = each.getParent()) {
            for (Handler handler : each.getHandlers()) {
                handler.publish(record);
            }
            if (!each.getUseParentHandlers()) {
                break;
            }
        }
    }

    /** Whether a handler that JUL's dispatch reaches from {@code logger} writes user_events itself. */
    private static boolean reachesAnotherWriter(Logger logger, LogRecord record) {
        for (Logger each = logger; each != null; each = each.getParent()) {
            for (Handler handler : each.getHandlers()) {
                if ((handler instanceof UserEventsHandler || isBridge(handler)) && levelAllows(handler, record)) {
                    return true;
                }
            }
            if (!each.getUseParentHandlers()) {
                break;
            }
        }
        return false;
    }

    /** The handler's level, not its filter: a filter is asked when the handler publishes, once. */
    private static boolean levelAllows(Handler handler, LogRecord record) {
        java.util.logging.Level threshold = handler.getLevel();
        return threshold != java.util.logging.Level.OFF && record.getLevel().intValue() >= threshold.intValue();
    }

    private static boolean isBridge(Handler handler) {
        String name = handler.getClass().getName();
        for (String bridge : BRIDGES) {
            if (bridge.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
