import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.console.ConsoleLauncher;

/**
 * Runs several modules' kernel tests one after the other in this one JVM, each through JUnit's console launcher with
 * the module's own class path (the launcher gives each run a class loader of its own, so the modules' classes, their
 * SLF4J providers and their static state stay apart). Under the VM's emulation a JVM and JUnit's start cost about
 * 20 s a module (2026-12-02, against 0.7 s on the host); one JVM pays it once.
 *
 * <p>Each argument is a spec file written by {@code vm/run-kernel-tests}, one setting a line: {@code module NAME},
 * {@code dir DIR} (where the module's {@code console.log}, {@code started} and {@code exit-status} go),
 * {@code property KEY=VALUE} (a system property for that module's run), {@code arg ARG} (the console launcher's
 * arguments, in order). A module whose {@code exit-status} exists already is skipped: after a halt (the watchdog's)
 * the guest script starts this launcher again for the modules still to run.
 */
public final class KernelTestsLauncher {
    private KernelTestsLauncher() {}

    public static void main(String[] specs) throws IOException {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        for (String spec : specs) {
            String module = null;
            Path dir = null;
            List<String[]> properties = new ArrayList<>();
            List<String> args = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of(spec), StandardCharsets.UTF_8)) {
                int space = line.indexOf(' ');
                String key = space < 0 ? line : line.substring(0, space);
                String value = space < 0 ? "" : line.substring(space + 1);
                switch (key) {
                    case "module" -> module = value;
                    case "dir" -> dir = Path.of(value);
                    case "property" -> properties.add(value.split("=", 2));
                    case "arg" -> args.add(value);
                    default -> throw new IllegalArgumentException(spec + ": unknown line " + line);
                }
            }
            if (Files.exists(dir.resolve("exit-status"))) {
                continue;
            }
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("started"), "");
            stdout.printf("vm/run-kernel-tests: %s: starts at guest second %s%n", module, uptime());
            int status;
            try (OutputStream log =
                    new FileOutputStream(dir.resolve("console.log").toFile())) {
                PrintStream tee = new PrintStream(new Tee(stdout, log), true, StandardCharsets.UTF_8);
                System.setOut(tee);
                System.setErr(tee);
                for (String[] property : properties) {
                    System.setProperty(property[0], property[1]);
                }
                PrintWriter writer = new PrintWriter(tee, true);
                try {
                    status = ConsoleLauncher.run(writer, writer, args.toArray(new String[0]))
                            .getExitCode();
                } catch (Throwable t) {
                    t.printStackTrace(tee);
                    status = 1;
                }
                writer.flush();
                tee.flush();
            } finally {
                System.setOut(stdout);
                System.setErr(stderr);
            }
            Files.writeString(dir.resolve("exit-status"), status + "\n");
            stdout.printf("vm/run-kernel-tests: %s: ends at guest second %s%n", module, uptime());
        }
        // The modules' leftover non-daemon threads (a test's unclosed writer) must not keep the VM up.
        System.exit(0);
    }

    private static String uptime() {
        try {
            String text = Files.readString(Path.of("/proc/uptime"));
            return text.substring(0, text.indexOf(' '));
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** Both streams get every byte: the VM console and the module's log. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public synchronized void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }
}
