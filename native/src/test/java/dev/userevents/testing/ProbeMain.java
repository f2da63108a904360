package dev.userevents.testing;

import dev.userevents.Level;
import dev.userevents.LoggerEvents;
import dev.userevents.UserEvents;

/** Run in a child process by kernel tests (e.g. as an unprivileged user): opens the core, logs, reports. */
public final class ProbeMain {
    private ProbeMain() {}

    public static void main(String[] args) {
        UserEvents events = UserEvents.open();
        LoggerEvents logger = events.logger("kt.probe");
        events.emit(logger, Level.ERROR, "from the probe");
        System.out.println("available=" + events.isAvailable() + " enabled=" + logger.isEnabled(Level.ERROR));
        events.close();
    }
}
