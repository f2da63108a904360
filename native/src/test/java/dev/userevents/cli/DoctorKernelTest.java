package dev.userevents.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.testing.ChildJava;
import dev.userevents.testing.KernelTestExtension;
import dev.userevents.testing.Tracefs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code userevents doctor} on the real kernel: as root every check passes and its own event makes the round trip;
 * as user nobody (uid 65534) it names exactly what that user lacks, first with tracefs as the kernel makes it
 * (root only), then with the group set-up of the README's "Non-root use".
 */
@Tag("kernel")
class DoctorKernelTest {
    private static final Pattern JSON_CHECK = Pattern.compile(
            "\\{\"id\":\"([a-z_]+)\",\"status\":\"([a-z]+)\",\"detail\":\"((?:[^\"\\\\]|\\\\.)*)\",\"fix\":(null|\"(?:[^\"\\\\]|\\\\.)*\")}");
    private static final int NOBODY = 65534;
    private static final int TRACING_GROUP = 4242;
    private static String readableClasspath;

    /** One check of the doctor's --json output. */
    private record Check(String status, String detail, String fix) {}

    @RegisterExtension
    final KernelTestExtension kernel = new KernelTestExtension();

    @BeforeAll
    static void classpathForNobody() throws IOException {
        if (Files.isWritable(Paths.get("/sys/kernel/tracing/user_events_data"))) {
            readableClasspath = ChildJava.readableCopy(
                    System.getProperty("userevents.testClasspath", System.getProperty("java.class.path")));
        }
    }

    @Test
    void asRootEveryCheckPassesAndItsOwnEventIsReadBack() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = new UserEventsCli(Tracefs.ROOT, new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .run(new String[] {"doctor", "--json"});
        String json = bytes.toString(StandardCharsets.UTF_8);
        System.out.println(json);
        assertEquals(Doctor.CAN_LOG, status, json);
        Map<String, Check> checks = parse(json);
        assertEquals(Map.of("lockdown", "skip"), problems(checks), json); // this kernel has no securityfs
        assertEquals(
                "built in: /sys/kernel/tracing/user_events_data exists (kernel config not readable)",
                checks.get("user_events").detail());
        assertTrue(
                checks.get("round_trip")
                        .detail()
                        .matches(
                                "registered userevents_doctor_INFO, enabled it in ftrace instance "
                                        + "userevents-doctor-\\d+, wrote one event and read it back from its trace, unregistered"),
                json);
        assertTrue(json.startsWith("{\"ok\":true,\"uid\":0,"), json);
        try (Stream<Path> instances = Files.list(Tracefs.ROOT.resolve("instances"))) {
            assertEquals(
                    List.of(),
                    instances
                            .filter(i -> i.getFileName().toString().startsWith("userevents-doctor-"))
                            .toList(),
                    "the doctor removes its ftrace instance");
        }
    }

    @Test
    void asNobodyItReportsExactlyTheMissingPermissions() throws Exception {
        Result nobody = doctorAs("--clear-groups");
        assertEquals(Doctor.CANNOT_LOG, nobody.status, nobody.output);
        Map<String, Check> checks = parse(nobody.output);
        assertEquals(
                Map.of(
                        "data_file",
                        "fail",
                        "status_file",
                        "warn",
                        "enable",
                        "warn",
                        "perf",
                        "warn",
                        "lockdown",
                        "skip",
                        "round_trip",
                        "skip"),
                problems(checks),
                nobody.output);
        assertEquals(
                "/sys/kernel/tracing/user_events_data: permission denied (EACCES) for uid 65534 (nobody)",
                checks.get("data_file").detail());
        assertTrue(
                checks.get("data_file").fix().contains("chmod g+rw /sys/kernel/tracing/user_events_data"),
                nobody.output);
        assertTrue(
                checks.get("status_file")
                        .detail()
                        .startsWith("/sys/kernel/tracing/user_events_status: permission denied (EACCES)"),
                nobody.output);
        assertTrue(checks.get("enable").detail().contains("(no CAP_PERFMON)"), nobody.output);
        assertTrue(
                checks.get("perf")
                        .detail()
                        .endsWith("perf_event_paranoid=2: this user's 'perf record -e user_events:...' is refused"),
                nobody.output);
        assertEquals(
                "built in: user_events_ioctl is in /proc/kallsyms (kernel config and tracefs not readable here)",
                checks.get("user_events").detail(),
                "tracefs is closed to nobody, kallsyms is not");
    }

    @Test
    void asNobodyInTheReadmesTracingGroupItLogsButCannotEnable() throws Exception {
        Path tracing = Tracefs.ROOT;
        List<Path> files = List.of(tracing, tracing.resolve("user_events_data"), tracing.resolve("user_events_status"));
        List<String> before = new ArrayList<>();
        for (Path file : files) {
            before.add(run("stat", "-c", "%g %a", file.toString()).trim());
        }
        try {
            for (Path file : files) {
                run("chgrp", Integer.toString(TRACING_GROUP), file.toString());
            }
            run("chmod", "g+rx", tracing.toString());
            run("chmod", "g+rw", tracing.resolve("user_events_data").toString());
            run("chmod", "g+r", tracing.resolve("user_events_status").toString());
            Result member = doctorAs("--groups=" + TRACING_GROUP);
            assertEquals(Doctor.CAN_LOG, member.status, member.output);
            Map<String, Check> checks = parse(member.output);
            assertEquals(Map.of("enable", "warn", "perf", "warn", "lockdown", "skip"), problems(checks), member.output);
            assertTrue(
                    checks.get("round_trip")
                            .detail()
                            .startsWith("registered userevents_doctor_INFO; not enabled: uid 65534 "
                                    + "(nobody) cannot create an ftrace instance (permission denied (EACCES))"),
                    member.output);
        } finally {
            for (int i = 0; i < files.size(); i++) {
                String[] gidMode = before.get(i).split(" ");
                run("chgrp", gidMode[0], files.get(i).toString());
                run("chmod", gidMode[1], files.get(i).toString());
            }
        }
    }

    /** A container's mount outside /sys, named by USEREVENTS_DATA_FILE: the library and the doctor use it. */
    @Test
    void aDataFileMountedElsewhereIsFoundThroughTheEnvironment() throws Exception {
        Path dir = Files.createTempDirectory("mounted");
        Path data = dir.resolve("user_events_data");
        Files.createFile(data);
        run("mount", "--bind", Tracefs.ROOT.resolve("user_events_data").toString(), data.toString());
        try {
            List<String> command = ChildJava.java();
            command.addAll(List.of("-cp", readableClasspath, dev.userevents.testing.ProbeMain.class.getName()));
            ProcessBuilder probe = new ProcessBuilder(command).redirectErrorStream(true);
            probe.environment().put("USEREVENTS_DATA_FILE", data.toString());
            Process library = probe.start();
            String output = new String(library.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(library.waitFor(180, TimeUnit.SECONDS));
            assertEquals(
                    "available=true enabled=false", output.trim(), "the library wrote through the mount, silently");

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int status = new UserEventsCli(Tracefs.ROOT, new PrintStream(bytes, true, StandardCharsets.UTF_8))
                    .run(new String[] {"doctor", "--json", "--data-file", data.toString()});
            Map<String, Check> checks = parse(bytes.toString(StandardCharsets.UTF_8));
            assertEquals(Doctor.CAN_LOG, status, checks.toString());
            assertEquals(
                    data + " opens read-write for uid 0 (root)",
                    checks.get("data_file").detail());
            assertTrue(checks.get("round_trip").detail().contains("read it back"), checks.toString());
        } finally {
            run("umount", data.toString());
        }
    }

    private record Result(int status, String output) {}

    /** The doctor as uid/gid 65534 with {@code groups} (a setpriv option), in a JVM of its own, --json. */
    private static Result doctorAs(String groups) throws Exception {
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, groups));
        command.addAll(ChildJava.java());
        command.addAll(List.of("-cp", readableClasspath, UserEventsCli.class.getName(), "doctor", "--json"));
        Process doctor = new ProcessBuilder(command).start();
        String output = new String(doctor.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(doctor.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(doctor.waitFor(180, TimeUnit.SECONDS));
        System.out.println("doctor as nobody (" + groups + "): exit " + doctor.exitValue() + "\n" + output + errors);
        assertEquals("", errors, "nothing on stderr");
        return new Result(doctor.exitValue(), output);
    }

    private static Map<String, Check> parse(String json) {
        Map<String, Check> checks = new LinkedHashMap<>();
        Matcher check = JSON_CHECK.matcher(json);
        while (check.find()) {
            checks.put(
                    check.group(1),
                    new Check(
                            check.group(2),
                            unescape(check.group(3)),
                            check.group(4).equals("null")
                                    ? null
                                    : unescape(check.group(4)
                                            .substring(1, check.group(4).length() - 1))));
        }
        assertEquals(11, checks.size(), json);
        return checks;
    }

    private static String unescape(String json) {
        return json.replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\");
    }

    /** The checks that did not pass, with their status. */
    private static Map<String, String> problems(Map<String, Check> checks) {
        Map<String, String> problems = new LinkedHashMap<>();
        checks.forEach((id, check) -> {
            if (!check.status().equals("ok")) {
                problems.put(id, check.status());
            }
        });
        return problems;
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
        return output;
    }
}
