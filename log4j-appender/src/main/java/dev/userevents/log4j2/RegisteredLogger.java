package dev.userevents.log4j2;

import dev.userevents.EnableWord;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.message.MessageFactory;

/**
 * A Log4j logger made by {@link UserEventsLoggerContext}: it holds its enable word (registered when it was created),
 * so {@link UserEventsFilter} reads it with a type check and a field load, without a cache probe by identity.
 */
final class RegisteredLogger extends Logger {
    /** The manager that registered {@link #word}: the filter uses the word only if it is its own manager. */
    final transient UserEventsManager manager;
    final transient EnableWord word;

    RegisteredLogger(LoggerContext context, String name, MessageFactory messageFactory, UserEventsManager manager,
                     EnableWord word) {
        super(context, name, messageFactory);
        this.manager = manager;
        this.word = word;
    }
}
