package dev.userevents.jul;

import dev.userevents.UserEvents;
import dev.userevents.spi.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one core that JUL's loggers, the System.Logger finder's loggers and {@link UserEventsHandler} write through in
 * this JVM: the SLF4J provider's when {@code userevents-slf4j} is SLF4J's provider (one core per process, see
 * {@link Slf4jRoute}), else one opened from {@link JulSettings}, or one given with {@link #use}.
 *
 * <p>Loggers register when the core is there. The first JUL logger is often created inside a class initializer
 * (JNA's {@code Native} has a static JUL logger, and on JDK 17-21 the core itself loads JNA) or while JUL holds its
 * configuration lock, so the core is never opened on a logger's thread and no logger's thread waits for it: the
 * own core opens on a thread of its own, the SLF4J provider opens its core when SLF4J starts, and loggers created
 * before either is open register the moment it is (a few milliseconds at start-up).
 */
public final class JulCore {
    /** Something that registers its events once the core is there. {@link #attach} must not throw. */
    interface Registrant {
        void attach(UserEvents core);
    }

    private static final Object LOCK = new Object();
    private static volatile UserEvents core;
    private static List<Registrant> waiting = new ArrayList<>(); // guarded by LOCK; null once the core is there
    private static boolean started; // guarded by LOCK

    private JulCore() {}

    /**
     * Routes JUL through the core {@code opener} returns instead of opening one (embedding, benchmarks, tests). Call
     * it before anything uses JUL; JUL loggers created while {@code opener} runs (opening a core can load a class
     * with a static JUL logger) wait for it. Returns false, with one diagnostic, when JUL has begun on a core already.
     */
    public static boolean use(Supplier<UserEvents> opener) {
        synchronized (LOCK) {
            if (started) {
                Diagnostics.reportOnce(
                        "jul:use",
                        "JulCore.use(...) came after JUL had begun opening its core; call it "
                                + "before the first JUL logger is created.");
                return false;
            }
            started = true;
        }
        offer(opener.get());
        return true;
    }

    /** The core JUL writes through, or null while it is not open yet (this does not open it). */
    public static UserEvents get() {
        return core;
    }

    /** Attaches {@code registrant} now if the core is there, else as soon as it is; starts opening it if nobody has. */
    static void register(Registrant registrant) {
        UserEvents open = core;
        if (open == null) {
            boolean start;
            synchronized (LOCK) {
                open = core;
                start = open == null && !started;
                if (open == null) {
                    waiting.add(registrant);
                    started = true;
                }
            }
            if (open == null) {
                if (start) {
                    start();
                }
                return;
            }
        }
        registrant.attach(open);
    }

    /** Sets the core unless there is one, then attaches everything that waited. Returns whether it was taken. */
    static boolean offer(UserEvents offered) {
        List<Registrant> attachNow;
        synchronized (LOCK) {
            if (core != null) {
                return false;
            }
            core = offered;
            started = true;
            attachNow = waiting;
            waiting = null;
        }
        for (Registrant registrant : attachNow) {
            registrant.attach(offered);
        }
        return true;
    }

    private static void start() {
        try {
            if (Slf4jRoute.providerSelected()) {
                Slf4jRoute.whenOpen(JulCore::offer);
                return;
            }
            Thread opener = new Thread(JulCore::openOwn, "userevents-jul");
            opener.setDaemon(true);
            opener.start();
        } catch (RuntimeException | LinkageError e) {
            Diagnostics.reportOnce(
                    "jul:start", "JUL's user_events core could not be started; JUL logs as without it: " + e);
        }
    }

    private static void openOwn() {
        // Never throws: unavailable, it says why once, and what JUL does meanwhile.
        UserEvents opened = UserEvents.open(
                JulSettings.load(),
                "JUL's handlers print what they are configured to; " + "JUL's levels do not follow tracing.");
        if (!offer(opened)) {
            opened.close(); // someone gave JUL a core in the meantime (use)
        }
    }
}
