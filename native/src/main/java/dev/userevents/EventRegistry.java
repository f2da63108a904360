package dev.userevents;

import dev.userevents.format.EventHeaderFormat;
import dev.userevents.kernel.EventNames;
import dev.userevents.kernel.UserEventsAbi;
import dev.userevents.spi.Diagnostics;
import dev.userevents.spi.EventDevice;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registers a logger's six events (one per {@link Level}, all sharing one enable word) when the logger is
 * first asked for, so tracing tools see them before it logs. {@link #close()} unregisters every
 * (address, bit) before the enable words are released.
 *
 * <p>Each logger name gets its own events: when a second logger sanitizes to a name another logger of this
 * process holds, it gets the {@link EventNames#distinctBaseName} instead.
 *
 * <p>A registration the kernel refuses (for example EMFILE at {@code kernel.user_events_max}) gives a logger
 * whose levels are all disabled, with one diagnostic per kind of refusal.
 */
final class EventRegistry {
    private static final Level[] LEVELS = Level.values();
    /** {@code EventNames.command(EventNames.eventName(base, level))} is {@code base} followed by these, by LEVELS. */
    private static final byte[][] COMMAND_SUFFIXES = new byte[LEVELS.length][];

    private static final int[] ENABLE_BITS = new int[LEVELS.length];

    static {
        for (int i = 0; i < LEVELS.length; i++) {
            COMMAND_SUFFIXES[i] = EventNames.command(EventNames.eventName("", LEVELS[i].name()))
                    .getBytes(StandardCharsets.US_ASCII);
            ENABLE_BITS[i] = LEVELS[i].enableBit();
        }
    }

    private final EventDevice device;
    private final String prefix;
    /** The EventHeader provider whose level bits go into every logger's word, or null (none, or it failed). */
    private volatile String provider;
    /** The provider's write_index by provider level (1-5); the kernel gives one event one index per file. */
    private final int[] providerWriteIndexByLevel = new int[EventHeaderFormat.MAX_LEVEL + 1];

    private final EnableWords words = new EnableWords();
    /** By logger name: the lookup of every logger creation after the first. */
    private final ConcurrentHashMap<String, LoggerEvents> byLoggerName = new ConcurrentHashMap<>();
    /** Logger name by base event name, so two loggers never share an event. Guarded by this. */
    private final java.util.HashMap<String, String> loggerByBaseName = new java.util.HashMap<>();

    private final List<LoggerEvents> registered = new ArrayList<>(); // guarded by this
    private int refused; // guarded by this
    private boolean closed; // guarded by this

    /** {@code provider}: a valid EventHeader provider name (see {@link EventHeaderFormat#invalidProviderName}), or null. */
    EventRegistry(EventDevice device, String prefix, String provider) {
        this.device = device;
        this.prefix = prefix; // EventNames.baseName sanitizes it
        this.provider = provider;
    }

    LoggerEvents logger(String loggerName) {
        String key = loggerName == null ? "" : loggerName;
        LoggerEvents existing = byLoggerName.get(key);
        if (existing != null) {
            return existing;
        }
        return loggers(java.util.Collections.singletonList(key)).get(0);
    }

    /**
     * The events of each name, in order, registering the new ones in one hop to the device's registration context
     * (the registrar thread of the kernel device): a start-up sweep or preregistration pays one hop, not one per
     * logger. Callers that arrive while a hop runs are served together by the next one ({@link HopQueue}): threads
     * that create loggers at once pay one hop between them, not one each.
     */
    List<LoggerEvents> loggers(java.util.Collection<String> loggerNames) {
        return hops.serve(loggerNames, this::registerBatch);
    }

    private final HopQueue hops = new HopQueue();

    /**
     * {@link #loggers} for one batch. Names are planned (sanitized, separated) under this lock before the hop, and
     * recorded after it; the hop's work takes no lock of the registry, so it cannot wait on a caller that waits on it.
     */
    private List<LoggerEvents> registerBatch(java.util.Collection<String> loggerNames) {
        LoggerEvents[] out = new LoggerEvents[loggerNames.size()];
        synchronized (this) {
            java.util.Set<String> newKeys = new java.util.LinkedHashSet<>();
            java.util.Map<String, LoggerEvents> disabledNow = new java.util.HashMap<>(); // closed, or a hash collision
            List<String> baseNames = new ArrayList<>();
            int i = 0;
            for (String loggerName : loggerNames) {
                String key = loggerName == null ? "" : loggerName;
                LoggerEvents existing = byLoggerName.get(key);
                if (existing != null) {
                    out[i++] = existing;
                    continue;
                }
                if (newKeys.contains(key) || disabledNow.containsKey(key)) { // named twice: filled in below
                    i++;
                    continue;
                }
                String baseName = plannedBaseName(key);
                if (closed || baseName == null) {
                    out[i] = LoggerEvents.disabled(
                            key, baseName == null ? EventNames.distinctBaseName(prefix, key) : baseName);
                    disabledNow.put(key, out[i++]);
                    continue;
                }
                loggerByBaseName.put(baseName, key); // reserved, so the next name of this batch sees it
                newKeys.add(key);
                baseNames.add(baseName);
                i++;
            }
            if (!newKeys.isEmpty()) {
                List<String> keys = new ArrayList<>(newKeys);
                LoggerEvents[] registeredNow;
                try {
                    registeredNow = device.inRegistrationContext(() -> registerEach(keys, baseNames));
                } catch (RuntimeException e) {
                    baseNames.forEach(loggerByBaseName::remove); // nothing recorded: a later call starts afresh
                    throw e;
                }
                for (int k = 0; k < registeredNow.length; k++) {
                    record(keys.get(k), registeredNow[k]);
                }
            }
            i = 0;
            for (String loggerName : loggerNames) {
                if (out[i] == null) {
                    String key = loggerName == null ? "" : loggerName;
                    LoggerEvents recorded = byLoggerName.get(key);
                    out[i] = recorded != null ? recorded : disabledNow.get(key);
                }
                i++;
            }
        }
        return java.util.Arrays.asList(out);
    }

    /** The base name for a new logger, or null when two 64-bit hashes met (then one diagnostic). Holds this. */
    private String plannedBaseName(String key) {
        String baseName = EventNames.baseName(prefix, key);
        if (loggerByBaseName.containsKey(baseName)) {
            // Another logger already sanitized to this name (a.b and a$b, or two hashes that meet).
            baseName = EventNames.distinctBaseName(prefix, key);
        }
        if (!closed && loggerByBaseName.containsKey(baseName)) { // 64-bit hashes of two names met: not seen in practice
            Diagnostics.reportOnce(
                    "name-collision:" + baseName,
                    "logger " + key + " stays disabled: its event name " + baseName + " is held by logger "
                            + loggerByBaseName.get(baseName));
            return null;
        }
        return baseName;
    }

    /** In the registration context: each logger's events, all six or none. */
    private LoggerEvents[] registerEach(List<String> keys, List<String> baseNames) {
        LoggerEvents[] events = new LoggerEvents[keys.size()];
        for (int k = 0; k < events.length; k++) {
            events[k] = registerAll(keys.get(k), baseNames.get(k));
        }
        return events;
    }

    /** Holds this. */
    private void record(String key, LoggerEvents events) {
        if (events.isRegistered()) {
            registered.add(events);
        } else {
            refused++;
        }
        byLoggerName.put(key, events);
    }

    /** All six or none: a half-registered logger would be confusing in tracefs. Then the provider's five levels. */
    private LoggerEvents registerAll(String loggerName, String baseName) {
        EnableWord word = words.allocate();
        int[] results = new int[LEVELS.length];
        // One device call for the six: names are ASCII (EventNames), the command is base + a constant suffix.
        int registered = device.registerEach(
                baseName.getBytes(StandardCharsets.US_ASCII), COMMAND_SUFFIXES, word.address, ENABLE_BITS, results);
        int registeredBits = 0;
        for (int i = 0; i < registered; i++) {
            registeredBits |= 1 << ENABLE_BITS[i];
        }
        if (registered < LEVELS.length) {
            unregisterBits(word, registeredBits);
            word.clear(); // no bit of this word is registered any more
            reportRefusal(baseName, -results[registered]);
            return LoggerEvents.disabled(loggerName, baseName);
        }
        int[] writeIndexByLevel = new int[Level.TRACE.value + 1];
        for (int i = 0; i < LEVELS.length; i++) {
            writeIndexByLevel[LEVELS[i].value] = results[i];
        }
        int providerBits = registerProvider(word);
        return new LoggerEvents(
                loggerName,
                baseName,
                word,
                writeIndexByLevel,
                providerBits == 0 ? null : providerWriteIndexByLevel,
                registeredBits | providerBits);
    }

    /**
     * Registers {@code <provider>_L1K1..L5K1} at this word's provider bits (the kernel takes one event at many
     * (address, bit) pairs). All five or none; a refusal turns the provider stream off for this instance, with one
     * diagnostic, and leaves the logger's own events as they are.
     */
    private int registerProvider(EnableWord word) {
        String name = provider;
        if (name == null) {
            return 0;
        }
        int bits = 0;
        for (int level = EventHeaderFormat.MIN_LEVEL; level <= EventHeaderFormat.MAX_LEVEL; level++) {
            int bit = Level.PROVIDER_BIT_BASE + level;
            int result = device.register(EventHeaderFormat.command(name, level), word.address, bit);
            if (result < 0) {
                unregisterBits(word, bits);
                provider = null;
                Diagnostics.reportOnce(
                        "provider-register",
                        "EventHeader provider " + name + " is off: registering "
                                + EventHeaderFormat.tracepointName(name, level) + " failed: "
                                + UserEventsAbi.errnoName(-result)
                                + " (another program may hold that name with other fields); per-logger events are unaffected.");
                return 0;
            }
            bits |= 1 << bit;
            providerWriteIndexByLevel[level] = result;
        }
        return bits;
    }

    private void unregisterBits(EnableWord word, int bits) {
        for (int bit = 0; bit < 32; bit++) {
            if ((bits & (1 << bit)) != 0) {
                device.unregister(word.address, bit);
            }
        }
    }

    private void reportRefusal(String baseName, int errno) {
        String why;
        switch (errno) {
            case UserEventsAbi.EMFILE:
                why = "the kernel's event limit is reached (sysctl kernel.user_events_max, default 32768, six events "
                        + "per logger); new loggers stay disabled while it is, loggers already registered are unaffected";
                break;
            case UserEventsAbi.EADDRINUSE:
                why = "an event of that name already exists with another format (another program registered it); "
                        + "set a prefix to use other names";
                break;
            default:
                why = "the kernel refused the registration";
                break;
        }
        Diagnostics.reportOnce(
                "register:" + errno,
                "cannot register " + baseName + "_*: " + UserEventsAbi.errnoName(errno) + ": " + why
                        + " (reported once per error kind).");
    }

    /** Number of loggers with live registrations. */
    synchronized int registeredCount() {
        return registered.size();
    }

    /** Number of loggers the kernel refused (all their levels stay disabled); each is tried once, when created. */
    synchronized int refusedCount() {
        return refused;
    }

    /** Unregisters every (address, bit), then zeroes the words. Idempotent: true only for the first call. */
    synchronized boolean close() {
        if (closed) {
            return false;
        }
        closed = true;
        device.inRegistrationContext(this::unregisterAll);
        return true;
    }

    private Void unregisterAll() {
        for (LoggerEvents events : registered) {
            EnableWord word = events.word();
            for (int bit = 0; bit < 32; bit++) {
                if ((events.registeredBits & (1 << bit)) == 0) {
                    continue;
                }
                int result = device.unregister(word.address, bit);
                if (result < 0) {
                    // The kernel may still write this word: keep its page for the life of the process.
                    EnableWords.pinForever(word.page);
                    Diagnostics.reportOnce(
                            "unregister:" + -result,
                            "DIAG_IOCSUNREG of " + events.baseName()
                                    + " (0x" + Long.toHexString(word.address) + " bit " + bit + ") failed: "
                                    + UserEventsAbi.errnoName(-result)
                                    + "; its enable word is kept allocated (reported once).");
                }
            }
            word.clear(); // loggers still holding the word now read "disabled"
        }
        registered.clear();
        return null;
    }
}
