package dev.userevents.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.userevents.cli.DoctorCheck.Verdict;
import dev.userevents.testing.ChildJava;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code userevents doctor} on this machine (whose kernel has no user_events) and on fixture trees that stand for
 * other hosts: each check's verdict, the line it prints, the fix, and the exit status. The last check (a real
 * event through the kernel) has a stand-in here; DoctorKernelTest runs it in the VM.
 */
class DoctorTest {
    private static final String TRACEFS = "/sys/kernel/tracing";

    @TempDir
    Path root;

    private final Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin"));
    private String release = "6.8.0-45-generic";

    private DoctorTest file(String absolute, String text) throws IOException {
        Path file = root.resolve(absolute.substring(1));
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return this;
    }

    /** A Linux host: its release, root's ids and capabilities, nothing else. */
    private DoctorTest linux(String kernelRelease) throws IOException {
        release = kernelRelease;
        file("/proc/sys/kernel/osrelease", kernelRelease + "\n");
        return process(0, "000001ffffffffff");
    }

    private DoctorTest process(long uid, String capEff) throws IOException {
        return file(
                "/proc/self/status",
                "Name:\tjava\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid + "\nCapEff:\t" + capEff + "\n");
    }

    /** tracefs mounted at /sys/kernel/tracing, with user_events' files when {@code activeEvents >= 0}. */
    private DoctorTest tracefs(int activeEvents) throws IOException {
        file("/proc/mounts", "proc /proc proc rw 0 0\ntracefs " + TRACEFS + " tracefs rw,nosuid 0 0\n");
        file(TRACEFS + "/trace", "# tracer: nop\n");
        file(TRACEFS + "/events/enable", "0\n");
        if (activeEvents >= 0) {
            file(TRACEFS + "/user_events_data", "");
            file(TRACEFS + "/user_events_status", "a_INFO\n\nActive: " + activeEvents + "\nBusy: 0\n");
            file("/proc/sys/kernel/user_events_max", "32768\n");
        }
        return this;
    }

    private DoctorTest config(String line) throws IOException {
        return file("/boot/config-" + release, "CONFIG_TRACING=y\n" + line + "\n");
    }

    private Doctor doctor() {
        HostView host = new HostView(root, env, "Linux", "amd64", "root", false);
        return new Doctor(
                host,
                found -> DoctorCheck.ok("round_trip", "stand-in (data file " + found.dataFile.getFileName() + ")"));
    }

    private Map<String, DoctorCheck> checks(Path dataFile) {
        Map<String, DoctorCheck> byId = new LinkedHashMap<>();
        doctor().checks(dataFile).forEach(check -> byId.put(check.id(), check));
        return byId;
    }

    private Map<String, DoctorCheck> checks() {
        return checks(null);
    }

    private static Map<String, Verdict> verdicts(Map<String, DoctorCheck> checks) {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        checks.forEach((id, check) -> verdicts.put(id, check.verdict()));
        return verdicts;
    }

    /** The checks that are not OK, with their verdicts: what a host lacks. */
    private static Map<String, Verdict> problems(Map<String, DoctorCheck> checks) {
        return verdicts(checks).entrySet().stream()
                .filter(e -> e.getValue() != Verdict.OK)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    private String printed(int[] status) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        status[0] = doctor().report(null, false, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aHostWithUserEventsPassesAndOnlyMissingPerfWarns() throws IOException {
        linux("6.8.0-45-generic")
                .config("CONFIG_USER_EVENTS=y")
                .tracefs(12)
                .file("/sys/kernel/security/lockdown", "none [integrity] confidentiality\n");
        Map<String, DoctorCheck> checks = checks();
        assertEquals(
                List.of(
                        "kernel",
                        "user_events",
                        "tracefs",
                        "data_file",
                        "status_file",
                        "enable",
                        "event_limit",
                        "perf",
                        "lockdown",
                        "container",
                        "round_trip"),
                List.copyOf(checks.keySet()),
                "the order of the issue");
        assertEquals(Map.of("perf", Verdict.WARN), problems(checks));
        assertEquals(
                "built in: CONFIG_USER_EVENTS=y in /boot/config-6.8.0-45-generic",
                checks.get("user_events").detail());
        assertEquals("at /sys/kernel/tracing", checks.get("tracefs").detail());
        assertEquals(
                "kernel.user_events_max=32768, 12 events exist (each logger takes 6)",
                checks.get("event_limit").detail());
        assertEquals(
                "integrity (tracefs is allowed; only confidentiality refuses it)",
                checks.get("lockdown").detail());
        assertTrue(
                checks.get("perf").fix().contains("apt install linux-perf"),
                checks.get("perf").fix());
        int[] status = new int[1];
        String out = printed(status);
        assertEquals(0, status[0], out);
        assertTrue(out.endsWith("userevents doctor: uid 0 (root) can log through user_events here\n"), out);
    }

    @Test
    void aKernelBuiltWithoutUserEventsFailsOnItsConfigLineWithTheFix() throws IOException {
        linux("6.14.0-63.fc42.x86_64").config("# CONFIG_USER_EVENTS is not set").tracefs(-1);
        int[] status = new int[1];
        String out = printed(status);
        assertEquals(Doctor.CANNOT_LOG, status[0], out);
        List<String> lines = List.of(out.split("\n"));
        int at = lines.indexOf(
                "FAIL  user_events  not built into this kernel: # CONFIG_USER_EVENTS is not set in /boot/config-6.14.0-63.fc42.x86_64");
        assertTrue(at > 0, out);
        assertTrue(lines.get(at + 1).trim().startsWith("fix: boot a 6.4+ kernel built with CONFIG_USER_EVENTS=y"), out);
        assertTrue(
                out.contains(
                        "FAIL  data_file    /sys/kernel/tracing/user_events_data does not exist: this kernel lacks user_events"),
                out);
        assertEquals(
                "userevents doctor: uid 0 (root) cannot log through user_events here: user_events, data_file",
                lines.get(lines.size() - 1));
    }

    @Test
    void aKernelOlderThan64Fails() throws IOException {
        linux("5.15.0-25-generic").config("CONFIG_USER_EVENTS=y");
        DoctorCheck kernel = checks().get("kernel");
        assertEquals(Verdict.FAIL, kernel.verdict());
        assertTrue(kernel.detail().startsWith("Linux 5.15.0-25-generic is older than 6.4"), kernel.detail());
    }

    @Test
    void withoutAReadableConfigTracefsTellsAndElseKallsyms() throws IOException {
        linux("6.12.107").tracefs(-1); // tracefs mounted, no user_events_data in it
        DoctorCheck fromFiles = checks().get("user_events");
        assertEquals(Verdict.FAIL, fromFiles.verdict());
        assertEquals(
                "not built into this kernel: tracefs at /sys/kernel/tracing has no user_events_data (kernel config not readable)",
                fromFiles.detail());
        tracefs(3);
        assertEquals(Verdict.OK, checks().get("user_events").verdict());

        Files.delete(root.resolve("proc/mounts"));
        assertEquals(Verdict.WARN, checks().get("user_events").verdict(), "nothing can tell");
        file("/proc/kallsyms", "0000000000000000 T _text\n0000000000000000 t user_events_ioctl\n");
        DoctorCheck fromSymbols = checks().get("user_events");
        assertEquals(Verdict.OK, fromSymbols.verdict());
        assertTrue(fromSymbols.detail().contains("user_events_ioctl is in /proc/kallsyms"), fromSymbols.detail());
        file("/proc/kallsyms", "0000000000000000 T _text\n0000000000000000 t user_events_ioctlx\n");
        assertEquals(Verdict.FAIL, checks().get("user_events").verdict());
    }

    @Test
    void aContainerWithTheDataFileBindMountedCanLogWithoutTracefs() throws IOException {
        linux("6.8.0-45-generic")
                .config("CONFIG_USER_EVENTS=y")
                .file("/.dockerenv", "")
                .file(TRACEFS + "/user_events_data", "")
                .file(
                        "/proc/self/mountinfo",
                        "21 1 0:19 / / rw - overlay overlay rw\n" + "30 21 0:12 /user_events_data " + TRACEFS
                                + "/user_events_data rw - tracefs tracefs rw\n");
        Map<String, DoctorCheck> checks = checks();
        assertEquals(
                Map.of(
                        "tracefs",
                        Verdict.WARN,
                        "status_file",
                        Verdict.SKIP,
                        "enable",
                        Verdict.SKIP,
                        "event_limit",
                        Verdict.SKIP,
                        "perf",
                        Verdict.WARN,
                        "lockdown",
                        Verdict.SKIP),
                problems(checks));
        assertEquals(
                "in a container (/.dockerenv): /sys/kernel/tracing/user_events_data is bind-mounted (a mount of its own, tracefs)",
                checks.get("container").detail());
        assertTrue(
                checks.get("tracefs").detail().contains("logging works"),
                checks.get("tracefs").detail());
    }

    @Test
    void aContainerWithoutTheDataFileGetsTheBindMountFix() throws IOException {
        linux("6.8.0-45-generic").config("CONFIG_USER_EVENTS=y");
        env.put("container", "podman");
        Map<String, DoctorCheck> checks = checks();
        DoctorCheck container = checks.get("container");
        assertEquals(Verdict.FAIL, container.verdict());
        assertEquals(
                "in a container (container=podman): /sys/kernel/tracing/user_events_data is not mounted in",
                container.detail());
        assertTrue(
                container
                        .fix()
                        .contains("-v /sys/kernel/tracing/user_events_data:/run/userevents/user_events_data "
                                + "-e USEREVENTS_DATA_FILE=/run/userevents/user_events_data"),
                container.fix());
        assertEquals(container.fix(), checks.get("data_file").fix(), "the data file's fix is the mount too");
    }

    @Test
    void dataFileElsewhereIsCheckedWhereItIs() throws IOException {
        linux("6.8.0-45-generic").config("CONFIG_USER_EVENTS=y").file("/mnt/ue/user_events_data", "");
        DoctorCheck data = checks(Paths.get("/mnt/ue/user_events_data")).get("data_file");
        assertEquals(Verdict.OK, data.verdict());
        assertEquals("/mnt/ue/user_events_data opens read-write for uid 0 (root)", data.detail());
        assertEquals(
                Verdict.FAIL,
                checks(Paths.get("/mnt/none/user_events_data")).get("data_file").verdict());
        env.put("USEREVENTS_DATA_FILE", "/mnt/ue/user_events_data"); // what the library reads too
        assertEquals(data, checks().get("data_file"));
        assertEquals(data, checks(Paths.get("/mnt/ue/user_events_data")).get("data_file"));
        assertEquals(
                Verdict.FAIL,
                checks(Paths.get("/mnt/none/user_events_data")).get("data_file").verdict(),
                "--data-file first");
    }

    @Test
    void aTracefsOverrideThatIsNoDirectoryFails() throws IOException {
        linux("6.8.0-45-generic").config("CONFIG_USER_EVENTS=y").tracefs(3);
        env.put("USEREVENTS_TRACEFS", "/mnt/no-tracefs");
        Map<String, DoctorCheck> checks = checks();
        assertEquals(
                "USEREVENTS_TRACEFS=/mnt/no-tracefs: /mnt/no-tracefs is not a directory",
                checks.get("tracefs").detail());
        assertEquals(Verdict.FAIL, checks.get("tracefs").verdict());
        assertEquals(Verdict.SKIP, checks.get("status_file").verdict());
        env.put("USEREVENTS_TRACEFS", TRACEFS);
        assertEquals(
                "at /sys/kernel/tracing (USEREVENTS_TRACEFS)",
                checks().get("tracefs").detail());
    }

    @Test
    void theEventLimitFailsWhenANewLoggerCannotRegister() throws IOException {
        linux("6.8.0-45-generic").config("CONFIG_USER_EVENTS=y").tracefs(32766);
        DoctorCheck full = checks().get("event_limit");
        assertEquals(Verdict.FAIL, full.verdict());
        assertTrue(
                full.detail().endsWith("a new logger's registration is refused (EMFILE)")
                        && full.fix().contains("sysctl -w kernel.user_events_max="),
                full + "");
        tracefs(30000);
        assertEquals(Verdict.WARN, checks().get("event_limit").verdict(), "over 90%");
        file("/proc/sys/kernel/user_events_max", "lots\n");
        assertEquals(Verdict.WARN, checks().get("event_limit").verdict());
    }

    @Test
    void lockdownConfidentialityFails() throws IOException {
        linux("6.8.0-45-generic")
                .config("CONFIG_USER_EVENTS=y")
                .tracefs(0)
                .file("/sys/kernel/security/lockdown", "none integrity [confidentiality]\n");
        DoctorCheck lockdown = checks().get("lockdown");
        assertEquals(Verdict.FAIL, lockdown.verdict());
        assertTrue(lockdown.detail().contains("LOCKDOWN_TRACEFS"), lockdown.detail());
    }

    @Test
    void perfNeedsRootCapPerfmonOrParanoidMinusOneToRecordTracepoints() throws IOException {
        linux("6.8.0-45-generic")
                .config("CONFIG_USER_EVENTS=y")
                .tracefs(0)
                .file("/usr/bin/perf", "#!/bin/sh\n")
                .file("/proc/sys/kernel/perf_event_paranoid", "2\n");
        Files.setPosixFilePermissions(root.resolve("usr/bin/perf"), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(Verdict.OK, checks().get("perf").verdict(), "root");
        process(1000, "0000000000000000");
        DoctorCheck user = checks().get("perf");
        assertEquals(Verdict.WARN, user.verdict());
        assertEquals(
                "/usr/bin/perf, perf_event_paranoid=2: this user's 'perf record -e user_events:...' is refused",
                user.detail());
        process(1000, Long.toHexString(1L << HostView.CAP_PERFMON));
        assertEquals(Verdict.OK, checks().get("perf").verdict(), "CAP_PERFMON");
        process(1000, "0000000000000000").file("/proc/sys/kernel/perf_event_paranoid", "-1\n");
        assertEquals(Verdict.OK, checks().get("perf").verdict(), "paranoid -1");
    }

    @Test
    void jsonIsOneObjectWithEveryCheck() throws IOException {
        linux("6.14.0-63.fc42.x86_64").config("# CONFIG_USER_EVENTS is not set");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = doctor().report(null, true, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String json = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(Doctor.CANNOT_LOG, status);
        assertTrue(
                json.startsWith(
                        "{\"ok\":false,\"uid\":0,\"user\":\"root\",\"checks\":[{\"id\":\"kernel\",\"status\":\"ok\""),
                json);
        assertTrue(
                json.contains(
                        "{\"id\":\"user_events\",\"status\":\"fail\",\"detail\":\"not built into this kernel: # CONFIG_USER_EVENTS is not set in /boot/config-6.14.0-63.fc42.x86_64\",\"fix\":\"boot a 6.4+"),
                json);
        assertEquals(1, json.split("\n", -1).length - 1, "one line");
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", DoctorReport.quote("a\"b\\c\n\u0001"));
    }

    @Test
    void badArgumentsAreUsageErrors() throws IOException {
        UserEventsCli cli = new UserEventsCli(
                Paths.get(TRACEFS), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(UserEventsCli.USAGE_ERROR, cli.run(new String[] {"doctor", "--bogus"}));
        assertEquals(UserEventsCli.USAGE_ERROR, cli.run(new String[] {"doctor", "--data-file"}));
        assertEquals(UserEventsCli.USAGE_ERROR, cli.run(new String[] {"doctor", "--data-file", " "}));
    }

    /** This machine: its kernel has no user_events. The doctor must fail, on the line that says why, with exit status 1. */
    @Test
    void onThisHostWithoutUserEventsItFailsOnTheRightLine() throws Exception {
        assumeFalse(
                Files.exists(Paths.get(TRACEFS, "user_events_data")),
                "this host has user_events: DoctorKernelTest covers it");
        String hostRelease;
        try (InputStream in = Files.newInputStream(Paths.get("/proc/sys/kernel/osrelease"))) { // one read: procfs
            hostRelease = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        String[] configLine = configLine(hostRelease); // {file, line}, read here without the doctor's code
        Process doctor = new ProcessBuilder(ChildJava.main(List.of(), UserEventsCli.class.getName(), "doctor"))
                .redirectErrorStream(true)
                .start();
        String out = new String(doctor.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(doctor.waitFor(60, TimeUnit.SECONDS));
        assertEquals(Doctor.CANNOT_LOG, doctor.exitValue(), out);
        if (configLine != null && !configLine[1].equals("CONFIG_USER_EVENTS=y")) {
            assertTrue(
                    out.contains("\nFAIL  user_events  not built into this kernel: " + configLine[1] + " in "
                            + configLine[0] + "\n"),
                    out);
        } else {
            assertTrue(out.contains("\nFAIL  user_events  ") || out.contains("\nFAIL  tracefs      "), out);
        }
        assertTrue(out.contains("\nFAIL  data_file    /sys/kernel/tracing/user_events_data does not exist"), out);
        assertTrue(out.contains("\nSKIP  round_trip   not tried"), out);
        assertTrue(
                out.endsWith(" cannot log through user_events here: " + String.join(", ", failedIds(out)) + "\n"), out);
    }

    private static List<String> failedIds(String out) {
        return out.lines()
                .filter(l -> l.startsWith("FAIL  "))
                .map(l -> l.substring(6).split(" ")[0])
                .collect(Collectors.toList());
    }

    /** This host's CONFIG_USER_EVENTS line and the file it is in, or null when no config is readable. */
    private static String[] configLine(String release) throws IOException {
        for (String candidate :
                List.of("/proc/config.gz", "/boot/config-" + release, "/lib/modules/" + release + "/config")) {
            Path path = Paths.get(candidate);
            if (!Files.isReadable(path)) {
                continue;
            }
            try (InputStream raw = Files.newInputStream(path);
                    InputStream in = candidate.endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.startsWith("CONFIG_USER_EVENTS=") || line.equals("# CONFIG_USER_EVENTS is not set")) {
                        return new String[] {candidate, line};
                    }
                }
                return new String[] {candidate, "CONFIG_USER_EVENTS absent"};
            }
        }
        return null;
    }
}
