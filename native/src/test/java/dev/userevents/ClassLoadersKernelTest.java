package dev.userevents;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.testing.KernelTestExtension;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two independent copies of the core in one JVM (two web apps, say): each loads its own classes and JNA, opens
 * its own fd, and registers the same logger. The kernel sets both enable words; closing one leaves the other.
 */
@Tag("kernel")
class ClassLoadersKernelTest {
    @RegisterExtension
    final KernelTestExtension kernel = new KernelTestExtension();

    /** The core and JNA, loaded apart from this test's own class loader. */
    private static URLClassLoader isolatedCore() throws Exception {
        List<URL> urls = new ArrayList<>();
        String classpath = System.getProperty("userevents.testClasspath", System.getProperty("java.class.path"));
        for (String entry : classpath.split(File.pathSeparator)) {
            // The core (its packaged jar, as vm/run-kernel-tests puts it, or target/classes) and JNA.
            boolean core = entry.endsWith("/classes")
                    || Paths.get(entry).getFileName().toString().matches("userevents-native-[^/]*[0-9T]\\.jar");
            if (core || entry.contains("jna")) {
                urls.add(Paths.get(entry).toUri().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    private static final class Copy {
        final Object events;
        final Object logger;
        final Method isEnabled;
        final Object info;
        final Method close;

        Copy(ClassLoader loader) throws Exception {
            Class<?> userEvents = loader.loadClass("dev.userevents.UserEvents");
            assertNotSame(UserEvents.class, userEvents, "a separate copy of the core");
            events = userEvents.getMethod("open").invoke(null);
            logger = userEvents.getMethod("logger", String.class).invoke(events, "kt.loaders");
            Class<?> level = loader.loadClass("dev.userevents.Level");
            info = level.getField("INFO").get(null);
            isEnabled = logger.getClass().getMethod("isEnabled", level);
            close = userEvents.getMethod("close");
        }

        boolean infoEnabled() throws Exception {
            return (Boolean) isEnabled.invoke(logger, info);
        }
    }

    @Test
    void twoCopiesRegisterTheSameLoggerAndBothSeeTheEnableBit() throws Exception {
        Copy a = new Copy(kernel.closeAfter(isolatedCore()));
        Copy b = new Copy(kernel.closeAfter(isolatedCore()));
        kernel.closeAfter(() -> b.close.invoke(b.events)); // before its class loader closes
        kernel.enable("kt_loaders_INFO");
        assertTrue(a.infoEnabled());
        assertTrue(b.infoEnabled());
        a.close.invoke(a.events);
        assertFalse(a.infoEnabled(), "closed copy: unregistered and zeroed");
        assertTrue(b.infoEnabled(), "the other copy keeps its registration");
    }
}
