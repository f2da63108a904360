package dev.userevents.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataFileLocatorTest {
    @Test
    void tracefsMountsComeBeforeDebugfs() {
        List<String> mounts = List.of(
                "sysfs /sys sysfs rw 0 0",
                "debugfs /sys/kernel/debug debugfs rw 0 0",
                "nodev /mnt/my\\040trace tracefs rw 0 0");
        assertEquals(
                List.of(Paths.get("/mnt/my trace"), Paths.get("/sys/kernel/debug/tracing")),
                DataFileLocator.parseMounts(mounts));
    }

    @Test
    void malformedLinesAreIgnored() {
        assertEquals(List.of(), DataFileLocator.parseMounts(List.of("", "x", "a b")));
    }

    @Test
    void theEnvironmentNamesADataFileElsewhere() {
        assertEquals(
                Paths.get("/run/userevents/user_events_data"),
                DataFileLocator.fromEnvironment(
                        java.util.Map.of("USEREVENTS_DATA_FILE", " /run/userevents/user_events_data ")));
        assertNull(DataFileLocator.fromEnvironment(java.util.Map.of("USEREVENTS_DATA_FILE", " ")));
        assertNull(DataFileLocator.fromEnvironment(java.util.Map.of()));
    }

    @Test
    void explanationsNameTheFix() {
        assertTrue(DataFileLocator.explainMissing().contains("CONFIG_USER_EVENTS")
                || DataFileLocator.explainMissing().contains("64-bit"));
        String denied = DataFileLocator.explainOpenFailure(DataFileLocator.DEFAULT, UserEventsAbi.EACCES);
        assertTrue(denied.contains("EACCES") && denied.contains("chmod g+rw"), denied);
    }
}
