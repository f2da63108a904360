package dev.userevents;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.testing.ChildJava;
import dev.userevents.testing.ProbeMain;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** USEREVENTS_DATA_FILE names the data file (a container's mount outside /sys); only a child JVM can have it set. */
class DataFileEnvironmentTest {
    @Test
    void theLibraryOpensTheFileTheEnvironmentNames() throws Exception {
        String missing = "/nonexistent/env-test/user_events_data";
        ProcessBuilder child =
                new ProcessBuilder(ChildJava.main(List.of(), ProbeMain.class.getName())).redirectErrorStream(true);
        child.environment().put("USEREVENTS_DATA_FILE", missing);
        Process probe = child.start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS));
        assertTrue(output.contains("available=false"), output);
        assertTrue(
                output.contains("[userevents] user_events unavailable: cannot open " + missing + ": ENOENT."), output);
    }
}
