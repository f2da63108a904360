package dev.userevents.testing;

import dev.userevents.Level;
import dev.userevents.LoggerEvents;
import dev.userevents.Mode;
import dev.userevents.UserEvents;
import dev.userevents.UserEventsConfig;

/**
 * Run in a child JVM by {@code NativePathKernelTest}: registers a logger, waits (stdin) until the parent enabled
 * its INFO event, writes one event, then reports which native path served it and whether JNA was ever loaded.
 */
public final class NativePathMain {
    private NativePathMain() {}

    public static void main(String[] args) throws Exception {
        UserEvents events =
                UserEvents.open(UserEventsConfig.builder().mode(Mode.SYNC).build());
        LoggerEvents logger = events.logger("kt.native.Path");
        System.out.println("ready");
        System.out.flush();
        System.in.read();
        events.emit(logger, Level.INFO, "through " + UserEvents.nativeAccess());
        System.out.println("enabled=" + logger.isEnabled(Level.INFO) + " written="
                + events.counters().written());
        System.out.println("access=" + UserEvents.nativeAccess());
        System.out.println("jna.loaded=" + System.getProperty("jna.loaded"));
        events.close();
    }
}
