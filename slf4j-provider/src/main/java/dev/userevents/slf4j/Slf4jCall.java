package dev.userevents.slf4j;

import java.util.List;
import org.slf4j.event.KeyValuePair;

/**
 * One SLF4J log call as the core reads it ({@link Slf4jEventReader}): the logger, the pattern, its arguments, the
 * throwable and the fluent API's key-value pairs. One reusable instance per thread, so an enabled call allocates
 * none; a call made while this thread's is in use (an argument's {@code toString()} that logs) gets its own.
 */
final class Slf4jCall {
    private static final ThreadLocal<Slf4jCall> THREAD = ThreadLocal.withInitial(Slf4jCall::new);

    UserEventsLogger logger;
    String pattern;
    Object[] arguments;
    /** The arguments the pattern uses: a trailing Throwable is the exception, not an argument. */
    int count;

    Throwable thrown;
    List<KeyValuePair> keyValues;
    private boolean inUse;

    private Slf4jCall() {}

    static Slf4jCall acquire(
            UserEventsLogger logger,
            String pattern,
            Object[] arguments,
            Throwable throwable,
            List<KeyValuePair> keyValues) {
        Slf4jCall call = THREAD.get();
        if (call.inUse) {
            call = new Slf4jCall();
        }
        call.inUse = true;
        call.logger = logger;
        call.pattern = pattern;
        call.arguments = arguments;
        call.keyValues = keyValues;
        // NormalizedParameters' rule, without its copy: a trailing Throwable argument is the exception.
        int count = arguments == null ? 0 : arguments.length;
        Throwable thrown = throwable;
        if (thrown == null && count > 0 && arguments[count - 1] instanceof Throwable) {
            thrown = (Throwable) arguments[--count];
        }
        call.count = count;
        call.thrown = thrown;
        return call;
    }

    /** Done: drops the references, so the thread keeps no application object alive. */
    void release() {
        logger = null;
        pattern = null;
        arguments = null;
        thrown = null;
        keyValues = null;
        inUse = false;
    }
}
