package dev.userevents.slf4j.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child-JVM application (as Jetty's {@code Stopped ...}): its own shutdown hook logs {@code args[0]} lines, racing
 * the provider's hook. Prints "ready" once its logger exists, and returns from main at the first line on stdin.
 */
public final class ShutdownHookApp {
    private ShutdownHookApp() {}

    public static void main(String[] args) throws Exception {
        Logger log = LoggerFactory.getLogger("kt.slf4j.app.Shutdown");
        int lines = Integer.parseInt(args[0]);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            for (int i = 0; i < lines; i++) {
                                log.info("stopping {}", i);
                            }
                        },
                        "app-shutdown-hook"));
        log.info("started");
        System.out.println("ready");
        System.out.flush();
        System.in.read();
    }
}
