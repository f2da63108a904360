package dev.userevents;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.format.EventHeaderDecoder;
import dev.userevents.testing.InMemoryDevice;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The EventHeader record handed to each writer in its two parts (definitions, then data) arrives whole: the device
 * gets one record that decodes, with the body, the level and the attributes in place.
 */
class EventHeaderHandOffTest {
    @ParameterizedTest
    @EnumSource(
            value = Mode.class,
            names = {"SYNC", "ASYNC"})
    void theRecordArrivesWhole(Mode mode) {
        InMemoryDevice device = new InMemoryDevice();
        UserEvents core = UserEvents.open(
                UserEventsConfig.builder()
                        .mode(mode)
                        .eventHeaderProvider("HandOff")
                        .build(),
                device);
        LoggerEvents logger = core.logger("app.HandOff");
        device.setEnabled(logger.word().address, Level.PROVIDER_BIT_BASE + Level.WARN.providerLevel, true);
        String body = "héllo wörld, a body longer than the definitions before it: " + "x".repeat(300);
        for (int i = 0; i < 3; i++) {
            core.log(logger, Level.WARN, body + i, new Attributed());
        }
        core.close(); // the async writer delivers what is queued

        List<Map.Entry<String, byte[]>> writes = device.eventHeaderWrites();
        assertEquals(3, writes.size());
        for (int i = 0; i < 3; i++) {
            byte[] record = writes.get(i).getValue();
            Map<String, Object> fields =
                    EventHeaderDecoder.decode(record, 0, record.length).flatten();
            assertEquals(body + i, fields.get("PartB.body"), fields.toString());
            assertEquals("WARN", fields.get("PartB.severityText"), fields.toString());
            assertEquals("v1", fields.get("PartC.k1"), fields.toString());
        }
    }

    /** A message with one attribute. */
    private static final class Attributed implements LogEventReader<String> {
        @Override
        public void appendMessage(String event, StringBuilder out) {
            out.append(event);
        }

        @Override
        public void forEachAttribute(String event, java.util.function.BiConsumer<String, Object> sink) {
            sink.accept("k1", "v1");
        }
    }
}
