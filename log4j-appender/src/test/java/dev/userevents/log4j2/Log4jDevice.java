package dev.userevents.log4j2;

import dev.userevents.Level;
import dev.userevents.testing.TracedDevice;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Log4j2 front end on the host for one test: every core the managers open goes over an in-memory device
 * (UserEventsManager's seam), the kernel's side of tracing ({@link #trace}), what reached the device
 * ({@link #written}), and configurations from XML with a {@link Capture} appender beside UserEvents.
 * {@code @RegisterExtension final Log4jDevice device = new Log4jDevice();}
 */
final class Log4jDevice implements BeforeEachCallback, AfterEachCallback {
    private final TracedDevice device = new TracedDevice();

    @Override
    public void beforeEach(ExtensionContext context) {
        UserEventsManager.openWith(device.opener());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        UserEventsManager.openWithKernel();
    }

    /** Whether any manager opened its core through the seam. */
    boolean opened() {
        return device.opened();
    }

    /** What the kernel does when a tracer attaches: the bit in every registered word of the event. */
    void trace(String loggerName, Level level, boolean on) {
        device.trace(loggerName, level, on);
    }

    /** The records that reached the device, as {@code LEVEL message}. */
    List<String> written() {
        return device.written();
    }

    /** What an appender beside UserEvents records: level and message. */
    static final class Capture extends AbstractAppender {
        final List<String> lines = new CopyOnWriteArrayList<>();

        Capture() {
            super("capture", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
        }
    }

    /** The configuration {@code xml} for {@code context}, with {@code capture} on the root logger, not yet started. */
    static Configuration configuration(LoggerContext context, String xml, Capture capture) throws Exception {
        ConfigurationSource source =
                new ConfigurationSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return new XmlConfiguration(context, source) {
            @Override
            protected void doConfigure() {
                super.doConfigure();
                addAppender(capture);
                getRootLogger().addAppender(capture, null, null);
            }
        };
    }

    /** A new context named {@code name}, started with {@link #configuration}. */
    static LoggerContext start(String name, String xml, Capture capture) throws Exception {
        LoggerContext context = new LoggerContext(name);
        context.start(configuration(context, xml, capture));
        return context;
    }
}
