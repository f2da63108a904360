package dev.userevents;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.testing.KernelTestSupport;
import dev.userevents.testing.Tracefs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The operator's CLI against the real tracefs: list, enable (and more severe), disable. */
@Tag("kernel")
class UserEventsCliKernelTest {
    private UserEvents events;
    private LoggerEvents orders;
    private LoggerEvents other;

    @BeforeEach
    void register() {
        KernelTestSupport.requireUserEvents();
        events = UserEvents.open(UserEventsConfig.builder().mode(Mode.SYNC).build());
        orders = events.logger("kt.cli.Orders");
        other = events.logger("kt.other.Payments");
    }

    @AfterEach
    void close() {
        events.close();
    }

    private String run(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = new UserEventsCli(Tracefs.ROOT, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(args);
        assertEquals(0, status, String.join(" ", args));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void enableTurnsOnALevelAndEveryMoreSevereOneThenDisable() throws Exception {
        assertEquals("kt_cli_Orders FATAL ERROR WARN INFO DEBUG TRACE\n", run("list", "kt.cli.*"));
        assertEquals("kt_cli_Orders: enabled FATAL ERROR WARN INFO\n", run("enable", "kt.cli.*", "info"));
        for (Level level : Level.values()) {
            assertEquals(level.value <= Level.INFO.value, orders.isEnabled(level), level.name());
            assertFalse(other.isEnabled(level), "the glob matched one logger only");
        }
        assertEquals("kt_cli_Orders FATAL* ERROR* WARN* INFO* DEBUG TRACE\n", run("list", "kt.cli.Orders"));
        assertEquals("kt_cli_Orders: disabled\n", run("disable", "kt.cli.Orders"));
        assertEquals(0, orders.enableWord());
    }

    @Test
    void unknownGlobAndLevelAreErrorsNotExceptions() throws Exception {
        UserEventsCli cli = new UserEventsCli(Tracefs.ROOT, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(1, cli.run(new String[] {"list", "no.such.logger*"}));
        assertEquals(2, cli.run(new String[] {"enable", "kt.cli.*", "LOUD"}), "a usage error");
        assertEquals(2, cli.run(new String[] {"enable", "--follow", "kt.[cli]", "INFO"}), "a usage error");
        assertEquals(0, orders.enableWord());
    }
}
