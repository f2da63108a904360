package dev.userevents.jul;

import dev.userevents.UserEvents;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * The SLF4J provider and JUL together: when {@code userevents-slf4j} is the provider SLF4J picks, JUL writes through
 * the provider's core (one core, one writer, one set of {@code userevents.*} settings per process). The choice is
 * SLF4J's own rule read without starting SLF4J: {@code -Dslf4j.provider}, else the first provider its
 * {@code ServiceLoader} lists. Only this class names SLF4J's types; it loads only when userevents-slf4j is there.
 */
final class Slf4jRoute {
    private static final String PROVIDER = "dev.userevents.slf4j.UserEventsServiceProvider";

    private Slf4jRoute() {}

    /** Whether userevents-slf4j is present and is (or will be) SLF4J's provider. */
    static boolean providerSelected() {
        try {
            Class.forName("dev.userevents.slf4j.ProviderCore", false, Slf4jRoute.class.getClassLoader());
            Class.forName("org.slf4j.spi.SLF4JServiceProvider", false, Slf4jRoute.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
        return Selection.isOurs();
    }

    /** Calls {@code listener} with the provider's core when the provider opens it (now, if it has). */
    static void whenOpen(Consumer<UserEvents> listener) {
        dev.userevents.slf4j.ProviderCore.whenOpen(listener);
    }

    /** SLF4J's types, in a class of their own that loads only after the check above. */
    private static final class Selection {
        static boolean isOurs() {
            String explicit = System.getProperty("slf4j.provider");
            if (explicit != null && !explicit.isBlank()) {
                return explicit.trim().equals(PROVIDER);
            }
            ClassLoader slf4jLoader = org.slf4j.LoggerFactory.class.getClassLoader(); // the loader SLF4J searches
            Slf4jRoute.class.getModule().addUses(org.slf4j.spi.SLF4JServiceProvider.class); // on the module path
            return ServiceLoader.load(org.slf4j.spi.SLF4JServiceProvider.class, slf4jLoader).stream()
                    .findFirst()
                    .map(provider -> provider.type().getName().equals(PROVIDER))
                    .orElse(false);
        }
    }
}
