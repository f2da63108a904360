package dev.userevents;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code Start-Class} of the tests' Spring Boot executable jar ({@code testing.BootJar}), run by Boot's
 * {@code JarLauncher}, so everything here is loaded through {@code jar:nested:} URLs.
 * <ul>
 * <li>{@code list PACKAGE}: prints the names preregistration finds, one {@code name N} line each;</li>
 * <li>{@code log PACKAGE CLASS LINES}: opens the core with {@code preregister=PACKAGE}, prints {@code ready}, waits
 * for a line on stdin, loads {@code CLASS} (from a nested jar), and 1 ms later logs {@code LINES} INFO lines to its
 * logger, as a {@code static final Logger} of a class loaded on the first request would.</li>
 * </ul>
 */
public final class BootApplicationMain {
    private BootApplicationMain() {}

    public static void main(String[] args) throws Exception {
        if ("list".equals(args[0])) {
            for (String name : Preregistration.loggerNames(List.of(args[1]))) {
                System.out.println("name " + name);
            }
            return;
        }
        UserEvents events = UserEvents.open(UserEventsConfig.builder()
                .preregisterPackages(List.of(args[1]))
                .shutdownHook(false)
                .build());
        System.out.println("ready " + events.registeredLoggerCount());
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        Class<?> late = Class.forName(args[2], true, Thread.currentThread().getContextClassLoader());
        Thread.sleep(1);
        LoggerEvents logger = events.logger(late.getName());
        for (int i = 0; i < Integer.parseInt(args[3]); i++) {
            events.emit(logger, Level.INFO, "nested line " + i);
        }
        events.close();
        System.out.println("done " + late.getClassLoader().getClass().getName());
    }
}
