package dev.userevents.testing;

import dev.userevents.Setting;
import dev.userevents.UserEventsConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For every front end's settings test: a value of each core {@link Setting} that differs from its default, and a
 * value that does not parse (or null where every text is accepted). A setting added to the table without a line here
 * fails {@link #good()}, so no front-end test can skip it.
 */
public final class SettingSamples {
    private SettingSamples() {}

    /** Setting name to a text whose config differs from {@link UserEventsConfig#defaults()}. */
    public static Map<String, String> good() {
        Map<String, String> samples = new LinkedHashMap<>();
        samples.put("prefix", "myapp_");
        samples.put("mode", "sync");
        samples.put("bufferSize", "64");
        samples.put("queueFullPolicy", "drop");
        samples.put("maxMessageBytes", "1000");
        samples.put("shutdownTimeoutMillis", "250");
        samples.put("dataFile", "/tmp/other_user_events_data");
        samples.put("thread", "true");
        samples.put("preregister", "com.example, org.example");
        samples.put("eventHeaderProvider", "MyApp");
        if (!new ArrayList<>(samples.keySet()).equals(Setting.names())) {
            throw new AssertionError(
                    "SettingSamples.good() must list every Setting, in the table's order: " + Setting.names());
        }
        return samples;
    }

    /** Setting name to a text that does not parse, for the settings that can be given a bad one. */
    public static Map<String, String> bad() {
        Map<String, String> samples = new LinkedHashMap<>();
        samples.put("mode", "loud");
        samples.put("bufferSize", "many");
        samples.put("queueFullPolicy", "wait");
        samples.put("maxMessageBytes", "3k");
        samples.put("shutdownTimeoutMillis", "5s");
        samples.put("dataFile", "bad\0path");
        samples.put("thread", "yes");
        return samples;
    }

    /** The README of the repository (tests run in a module's directory). */
    public static Path readme() {
        Path here = Paths.get("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("native"))) {
                return dir.resolve("README.md");
            }
        }
        throw new AssertionError("no README.md above " + here);
    }

    /**
     * The rows of the first table after the first README line that starts with {@code heading}: each row's cells,
     * surrounding blanks removed.
     */
    public static List<List<String>> readmeTable(String heading) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int at = 0;
        while (at < lines.size() && !lines.get(at).startsWith(heading)) {
            at++;
        }
        if (at == lines.size()) {
            throw new AssertionError("README has no line " + heading);
        }
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines.subList(at + 1, lines.size())) {
            if (line.startsWith("|")) {
                inTable = true;
                List<String> cells = new ArrayList<>();
                String[] parts = line.split("(?<!\\\\)\\|", -1); // cells may hold `a\|b`
                for (int i = 1; i < parts.length - 1; i++) {
                    cells.add(parts[i].trim().replace("\\|", "|"));
                }
                if (!cells.get(0).startsWith("---")) {
                    rows.add(cells);
                }
            } else if (inTable) {
                break;
            }
        }
        rows.remove(0); // the header
        return rows;
    }

    /** Removes one pair of backticks around a cell. */
    public static String code(String cell) {
        return cell.length() > 1 && cell.startsWith("`") && cell.endsWith("`")
                ? cell.substring(1, cell.length() - 1)
                : cell;
    }
}
