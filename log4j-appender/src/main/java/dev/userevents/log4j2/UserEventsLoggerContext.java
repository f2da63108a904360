package dev.userevents.log4j2;

import java.net.URI;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.message.MessageFactory;

/**
 * A {@link LoggerContext} whose loggers register their six events when they are created, as the SLF4J provider's
 * do: an operator can enable {@code <logger>_DEBUG} before the logger's first call, and a line logged once is
 * capturable. Log4j has no listener for logger creation; {@link #newInstance} is its one creation point. Selected
 * with {@code log4j2.contextSelector=dev.userevents.log4j2.UserEventsContextSelector}.
 */
public class UserEventsLoggerContext extends LoggerContext {
    public UserEventsLoggerContext(String name, Object externalContext, URI configLocation) {
        super(name, externalContext, configLocation);
    }

    @Override
    protected Logger newInstance(LoggerContext context, String name, MessageFactory messageFactory) {
        UserEventsFilter filter = UserEventsFilter.registerIn(getConfiguration(), name);
        return filter == null
                ? super.newInstance(context, name, messageFactory)
                : new RegisteredLogger(
                        context,
                        name,
                        messageFactory,
                        filter.manager(),
                        filter.register(name).word());
    }
}
