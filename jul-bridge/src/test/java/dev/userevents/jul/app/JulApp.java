package dev.userevents.jul.app;

import dev.userevents.Level;
import dev.userevents.Mode;
import dev.userevents.UserEvents;
import dev.userevents.UserEventsConfig;
import dev.userevents.jul.JulCore;
import dev.userevents.testing.InMemoryDevice;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * An application that logs through JUL and System.Logger as the tests tell it, one tab-separated command per line
 * on stdin, answering {@code done <command>} on stdout when the command has run:
 * <pre>
 * logger NAME                      Logger.getLogger(NAME); answers with its class
 * log NAME LEVEL MESSAGE [PARAM..] Logger.getLogger(NAME).log(LEVEL, MESSAGE, PARAMs)
 * thrown NAME LEVEL MESSAGE        the same with an exception that has a cause
 * bundle NAME LEVEL KEY PARAM      logrb with {@link Messages}
 * system NAME LEVEL MESSAGE [PARAM] System.getLogger(NAME).log(System.Logger.Level, MESSAGE, PARAMs)
 * http PATH                        a GET through HttpURLConnection to a server of this process (the JDK logs it)
 * jmx                              the platform MBean server's getAttribute (the JDK's JMX logs it at TRACE)
 * script                           the same fixed sequence of lines each time (for console comparisons)
 * mark TEXT                        "=== TEXT" on stderr, between the console's lines
 * enable NAME LEVEL on|off         with -Djulapp.device=memory: what a tracer does to the event
 * records                          with -Djulapp.device=memory: the written records, one "level message" line each
 * registered                       with -Djulapp.device=memory: the events registered, one name each
 * lookup NAME                      LogManager.getLogManager().getLogger(NAME): a lookup, answering its class or null
 * setmanager                       sets java.util.logging.manager to UserEventsLogManager (too late, JUL runs)
 * handler                          constructs (and closes) a UserEventsHandler
 * slf4j NAME LEVEL MESSAGE         SLF4J's LoggerFactory.getLogger(NAME) logs MESSAGE at LEVEL
 * core                             which core JUL writes through, and the SLF4J provider's
 * </pre>
 * With {@code -Djulapp.device=memory} JUL gets a core over an in-process device first ({@link JulCore#use}).
 */
public final class JulApp {
    private static final Map<String, Logger> LOGGERS = new HashMap<>(); // strong references: JUL's are weak
    private static InMemoryDevice device;
    private static ServerSocket server;

    private JulApp() {}

    public static void main(String[] args) throws Exception {
        if ("memory".equals(System.getProperty("julapp.device"))) {
            device = new InMemoryDevice();
            JulCore.use(() ->
                    UserEvents.open(UserEventsConfig.builder().mode(Mode.SYNC).build(), device));
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("ready");
        for (String line; (line = in.readLine()) != null; ) {
            String[] words = line.split("\t");
            if (words[0].equals("quit")) {
                break;
            }
            try {
                run(words);
            } catch (Exception e) { // the test sees it and the application goes on, as one would
                System.out.println("error " + e);
            }
            System.out.println("done " + words[0]);
        }
    }

    private static Logger logger(String name) {
        return LOGGERS.computeIfAbsent(name, Logger::getLogger);
    }

    private static void run(String[] words) throws Exception {
        switch (words[0]) {
            case "logger":
                System.out.println("class " + logger(words[1]).getClass().getName());
                break;
            case "loggable":
                System.out.println("loggable " + logger(words[1]).isLoggable(java.util.logging.Level.parse(words[2])));
                break;
            case "log":
                logger(words[1]).log(java.util.logging.Level.parse(words[2]), words[3], (Object[])
                        Arrays.copyOfRange(words, 4, words.length));
                break;
            case "thrown":
                logger(words[1]).log(java.util.logging.Level.parse(words[2]), words[3], failure());
                break;
            case "bundle":
                logger(words[1]).logrb(java.util.logging.Level.parse(words[2]), new Messages(), words[3], words[4]);
                break;
            case "system":
                System.getLogger(words[1]).log(System.Logger.Level.valueOf(words[2]), words[3], (Object[])
                        Arrays.copyOfRange(words, 4, words.length));
                break;
            case "http":
                get(words[1]);
                break;
            case "jmx": // the JDK's JMX logs each getAttribute at TRACE through its System.Logger
                System.out.println("uptime "
                        + java.lang.management.ManagementFactory.getPlatformMBeanServer()
                                .getAttribute(new javax.management.ObjectName("java.lang:type=Runtime"), "Uptime"));
                break;
            case "script":
                script();
                break;
            case "mark":
                System.err.println("=== " + words[1]);
                break;
            case "enable":
                device.setEnabled(JulCore.get().logger(words[1]), Level.valueOf(words[2]), words[3].equals("on"));
                break;
            case "records":
                for (InMemoryDevice.Record record : device.records()) {
                    System.out.println("record " + record.level + " " + record.message.replace("\n", "\\n"));
                }
                break;
            case "registered":
                for (String command : device.liveCommands()) {
                    System.out.println("registered " + command.split(" ", 2)[0]);
                }
                break;
            case "lookup":
                Logger found = java.util.logging.LogManager.getLogManager().getLogger(words[1]);
                System.out.println(
                        "lookup " + (found == null ? "null" : found.getClass().getName()));
                break;
            case "setmanager": // what an application does in main() after a library already used JUL
                System.setProperty("java.util.logging.manager", "dev.userevents.jul.UserEventsLogManager");
                break;
            case "handler":
                new dev.userevents.jul.UserEventsHandler().close();
                break;
            case "slf4j":
                Slf4jCore.log(words[1], words[2], words[3]);
                break;
            case "core":
                String slf4j;
                try {
                    slf4j = Slf4jCore.identity();
                } catch (LinkageError absent) {
                    slf4j = "none";
                }
                System.out.println("core " + System.identityHashCode(JulCore.get()) + " slf4j " + slf4j);
                break;
            default:
                throw new IllegalArgumentException("unknown command " + words[0]);
        }
    }

    /** An exception with a short, fixed stack and a cause, so it prints the same wherever it is logged. */
    private static Exception failure() {
        IllegalStateException thrown = new IllegalStateException("boom", new java.io.IOException("disk full"));
        thrown.setStackTrace(new StackTraceElement[] {new StackTraceElement("app.Orders", "place", "Orders.java", 42)});
        thrown.getCause()
                .setStackTrace(new StackTraceElement[] {new StackTraceElement("app.Disk", "write", "Disk.java", 7)});
        return thrown;
    }

    /** A server's start-up as JUL logs it: configured levels, detail below them, a warning with its exception. */
    private static void script() {
        Logger server = logger("kt.jul.console.Server");
        server.info("starting service [Tomcat]");
        server.fine("connector detail");
        server.config("config detail");
        server.finest("finest detail");
        server.log(java.util.logging.Level.INFO, "listening on port {0}", 8080);
        server.log(java.util.logging.Level.WARNING, "slow start", failure());
        server.logrb(java.util.logging.Level.INFO, new Messages(), "greeting", "ops", 2);
        System.getLogger("kt.jul.console.Server").log(System.Logger.Level.DEBUG, "system detail");
        System.getLogger("kt.jul.console.Server").log(System.Logger.Level.INFO, "system info {0}", "x");
    }

    /** A GET through the JDK's HttpURLConnection, whose PlatformLogger logs the request headers at FINE. */
    private static void get(String path) throws Exception {
        if (server == null) {
            server = new ServerSocket(0);
            Thread responder = new Thread(JulApp::respond, "http-responder");
            responder.setDaemon(true);
            responder.start();
        }
        HttpURLConnection connection =
                (HttpURLConnection) new URL("http://127.0.0.1:" + server.getLocalPort() + path).openConnection();
        try (InputStream body = connection.getInputStream()) {
            System.out.println("status " + connection.getResponseCode() + " "
                    + new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void respond() {
        while (true) {
            try (Socket client = server.accept()) {
                BufferedReader request =
                        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
                for (String header = request.readLine();
                        header != null && !header.isEmpty();
                        header = request.readLine()) {
                    // read up to the blank line that ends the request
                }
                OutputStream out = client.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (Exception e) {
                return;
            }
        }
    }
}
