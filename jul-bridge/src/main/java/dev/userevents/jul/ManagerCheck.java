package dev.userevents.jul;

import dev.userevents.spi.Diagnostics;
import java.util.logging.LogManager;

/**
 * The JDK reads {@code java.util.logging.manager} once, when {@code LogManager} first loads; a program that sets it
 * later (in {@code main}, after a library logged) gets JUL's own manager and no gating, silently. The finder and
 * the handler, which run either way, look and say so once.
 */
final class ManagerCheck {
    static final String PROPERTY = "java.util.logging.manager";

    private ManagerCheck() {}

    static void reportIfSetLate() {
        String wanted = System.getProperty(PROPERTY);
        if (wanted == null || !wanted.trim().equals(UserEventsLogManager.class.getName())) {
            return;
        }
        LogManager running = LogManager.getLogManager();
        if (running instanceof UserEventsLogManager) {
            return;
        }
        Diagnostics.reportOnce(
                "jul:manager-late",
                PROPERTY + "=" + wanted.trim() + " has no effect: JUL started with "
                        + running.getClass().getName()
                        + " before it was set (the JDK reads it once, when LogManager first loads),"
                        + " so JUL's levels do not follow tracing. Pass -D" + PROPERTY + "="
                        + UserEventsLogManager.class.getName()
                        + " on the java command line (or in JAVA_TOOL_OPTIONS), with userevents-jul on the class path.");
    }
}
