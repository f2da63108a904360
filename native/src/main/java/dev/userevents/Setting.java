package dev.userevents;

import dev.userevents.spi.Diagnostics;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Every setting of the core a front end can set by name, in one table: its name (a Log4j2 attribute, a Logback
 * property, the key after {@code userevents.} in system properties and properties files), default, parser and
 * documentation. Front ends only forward text to {@link UserEventsConfig.Builder#set(String, String)}; the README's
 * settings table lists exactly these rows (a test checks it). Programmatic-only knobs ({@code shutdownHook},
 * {@code dropReportIntervalMillis}) stay on the builder: front ends decide them.
 */
public enum Setting {
    PREFIX(
            "prefix",
            "",
            "empty",
            "prepended to every event name (sanitized, at most 64 characters)",
            (builder, text) -> builder.prefix(text)),
    MODE(
            "mode",
            UserEventsConfig.Builder.DEFAULT_MODE.name(),
            null,
            "`ASYNC`: ring + writer thread; `SYNC`: `writev` on the caller's thread",
            (builder, text) -> builder.mode(SettingText.oneOf(Mode.class, text))),
    BUFFER_SIZE(
            "bufferSize",
            String.valueOf(UserEventsConfig.Builder.DEFAULT_BUFFER_SIZE),
            null,
            "ring slots in `ASYNC` mode (rounded up to a power of two, at most 2^20)",
            (builder, text) -> builder.bufferSize(SettingText.integer(text))),
    QUEUE_FULL_POLICY(
            "queueFullPolicy",
            UserEventsConfig.Builder.DEFAULT_QUEUE_FULL_POLICY.name(),
            null,
            "when the ring is full: `BLOCK` (wait), `DROP` (count and report), `SYNC` (write on the caller)",
            (builder, text) -> builder.queueFullPolicy(SettingText.oneOf(QueueFullPolicy.class, text))),
    MAX_MESSAGE_BYTES(
            "maxMessageBytes",
            String.valueOf(UserEventsConfig.Builder.DEFAULT_MAX_MESSAGE_BYTES),
            null,
            "UTF-8 bytes of a message (" + EventEncoder.MIN_MAX_MESSAGE_BYTES + " to "
                    + EventEncoder.MAX_MAX_MESSAGE_BYTES + "); longer ones end in `...[truncated]`",
            (builder, text) -> builder.maxMessageBytes(SettingText.integer(text))),
    SHUTDOWN_TIMEOUT_MILLIS(
            "shutdownTimeoutMillis",
            String.valueOf(UserEventsConfig.Builder.DEFAULT_SHUTDOWN_TIMEOUT_MILLIS),
            null,
            "how long closing (the last appender's stop, the JVM's exit) may take to deliver queued events",
            (builder, text) -> builder.shutdownTimeoutMillis(SettingText.longInteger(text))),
    DATA_FILE(
            "dataFile",
            "",
            "located",
            "path of `user_events_data` (a container's bind mount); by default "
                    + "`USEREVENTS_DATA_FILE`, else found under the mounted tracefs",
            (builder, text) -> builder.dataFile(text.isEmpty() ? null : SettingText.path(text))),
    THREAD(
            "thread",
            "false",
            null,
            "`true`: each message starts with `[thread-name#id] ` of the thread that " + "logged it",
            (builder, text) -> builder.callerThread(SettingText.bool(text))),
    PREREGISTER(
            "preregister",
            "",
            "empty",
            "comma-separated packages: at start-up, register a logger for every " + "class of them on the class path",
            (builder, text) -> builder.preregisterPackages(text)),
    EVENT_HEADER_PROVIDER(
            "eventHeaderProvider",
            "eventheader.provider",
            "",
            "none",
            "also write every traced event as EventHeader to `NAME_L1K1`..`NAME_L5K1`, OpenTelemetry's log layout",
            (builder, text) -> builder.eventHeaderProvider(text));

    /** Where system properties and properties files put the core's settings: {@code userevents.<key>}. */
    public static final String PROPERTY_PREFIX = "userevents.";

    private final String settingName;
    private final String key;
    private final String defaultText;
    private final String shownDefault;
    private final String documentation;
    /** Applies trimmed text (a non-blank value, or {@link #defaultText}); throws on text that does not parse. */
    private final BiConsumer<UserEventsConfig.Builder, String> binder;

    Setting(
            String settingName,
            String defaultText,
            String shownDefault,
            String documentation,
            BiConsumer<UserEventsConfig.Builder, String> binder) {
        this(settingName, settingName, defaultText, shownDefault, documentation, binder);
    }

    Setting(
            String settingName,
            String key,
            String defaultText,
            String shownDefault,
            String documentation,
            BiConsumer<UserEventsConfig.Builder, String> binder) {
        this.settingName = settingName;
        this.key = key;
        this.defaultText = defaultText;
        this.shownDefault = shownDefault != null ? shownDefault : defaultText;
        this.documentation = documentation;
        this.binder = binder;
    }

    /** The name front ends accept: a Log4j2 attribute, a Logback property. */
    public String settingName() {
        return settingName;
    }

    /** The system property (and properties-file key): {@code userevents.} and the name, but for historic spellings. */
    public String property() {
        return PROPERTY_PREFIX + key;
    }

    /** The default as the README shows it ({@code empty}, {@code located}, {@code ASYNC}, {@code 1024}...). */
    public String shownDefault() {
        return shownDefault;
    }

    /** What the setting does, as the README's settings table says it. */
    public String documentation() {
        return documentation;
    }

    /** The setting called {@code name}, or null. */
    public static Setting named(String name) {
        for (Setting setting : values()) {
            if (setting.settingName.equals(name)) {
                return setting;
            }
        }
        return null;
    }

    /** Every setting's name, in the table's order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Setting::settingName).collect(Collectors.toList());
    }

    /** Binds {@code value} (null: left as is); a bad one is told to {@code problems} under {@code label}, never thrown. */
    void bind(UserEventsConfig.Builder builder, String label, String value, Consumer<String> problems) {
        if (value == null) {
            return;
        }
        String text = value.trim();
        try {
            binder.accept(builder, text.isEmpty() ? defaultText : text);
        } catch (RuntimeException e) { // the parsers throw IllegalArgumentException; nothing reaches the caller
            problems.accept(SettingText.problem(label, value, e.getMessage(), "the default (" + shownDefault + ")"));
            binder.accept(builder, defaultText);
        }
    }

    /** The core's way to report a bad value: once per setting and value, in the library's diagnostics. */
    static void reportOnce(String problem) {
        Diagnostics.reportOnce("setting:" + problem, problem);
    }
}
