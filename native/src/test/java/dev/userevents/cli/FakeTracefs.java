package dev.userevents.cli;

import dev.userevents.Level;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A directory laid out as tracefs shows user_events, for the CLI on the host: {@code user_events_status} (one line
 * per event, a blank line, the counts), {@code events/user_events/<name>/{enable,format}} (enable files read
 * {@code 0\n} as the kernel's do, so a write by the CLI, which writes no newline, shows), {@code options/record-tgid}
 * and a {@code trace_pipe}.
 */
final class FakeTracefs {
    final Path root;
    private final List<String> statusLines = new ArrayList<>();

    FakeTracefs(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root.resolve("events/user_events"));
        Files.createDirectories(root.resolve("options"));
        Files.writeString(root.resolve("options/record-tgid"), "0\n");
        Files.writeString(root.resolve("trace_pipe"), "");
        writeStatus();
    }

    /**
     * Registers the logger's level events, enable files off, in one change of the status file (so the CLI sees
     * them together; a test that wants levels appearing one by one calls this once per level).
     */
    FakeTracefs logger(String baseName, Level... levels) throws IOException {
        for (Level level : levels) {
            addEvent(baseName + "_" + level, "print fmt: \"msg=%s level=%u\"\n");
        }
        writeStatus();
        return this;
    }

    FakeTracefs logger(String baseName) throws IOException {
        return logger(baseName, Level.values());
    }

    /** An EventHeader provider's level tracepoints {@code <name>_L<level>K1}. */
    FakeTracefs provider(String name, int maxLevel) throws IOException {
        for (int level = 1; level <= maxLevel; level++) {
            addEvent(name + "_L" + level + "K1", "field:u8 eventheader_flags;\n");
        }
        writeStatus();
        return this;
    }

    /** One event: its directory first, then its status line, as the CLI may read status at any time. */
    FakeTracefs event(String name, String format) throws IOException {
        addEvent(name, format);
        writeStatus();
        return this;
    }

    private void addEvent(String name, String format) throws IOException {
        Path directory = root.resolve("events/user_events").resolve(name);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("format"), "name: " + name + "\n" + format);
        Files.writeString(directory.resolve("enable"), "0\n");
        statusLines.add(statusLines.size() % 2 == 0 ? name : name + " # Used by ftrace");
    }

    /** Replaces the file in one step (a rename), so a concurrent reader never sees half of it. */
    private void writeStatus() throws IOException {
        Path next = root.resolve("user_events_status.next");
        Files.writeString(
                next,
                String.join("\n", statusLines) + (statusLines.isEmpty() ? "" : "\n") + "\nActive: " + statusLines.size()
                        + "\nBusy: 0\n",
                StandardCharsets.UTF_8);
        Files.move(
                next,
                root.resolve("user_events_status"),
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    void setEnable(String event, String text) throws IOException {
        Files.writeString(enableFile(event), text);
    }

    String enable(String event) throws IOException {
        return Files.readString(enableFile(event));
    }

    private Path enableFile(String event) {
        return root.resolve("events/user_events").resolve(event).resolve("enable");
    }

    /** Every event's enable file content, by event name. */
    Map<String, String> enableFiles() throws IOException {
        Map<String, String> byEvent = new TreeMap<>();
        try (Stream<Path> events = Files.list(root.resolve("events/user_events"))) {
            for (Path event : (Iterable<Path>) events::iterator) {
                byEvent.put(event.getFileName().toString(), Files.readString(event.resolve("enable")));
            }
        }
        return byEvent;
    }
}
