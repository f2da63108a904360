package dev.userevents.testing;

import com.sun.jna.Pointer;
import dev.userevents.kernel.UserEventsAbi;
import dev.userevents.spi.EventDevice;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-process double of user_events_data for tests of pure logic: it records registrations, flips enable bits
 * the way the kernel does (a write into the registered word), and decodes written records. It makes no claim
 * about kernel behaviour; the kernel tests do that.
 */
public final class InMemoryDevice implements EventDevice {
    /** One decoded write. */
    public static final class Record {
        public final int writeIndex;
        public final int level;
        public final String message;
        public final int relLoc;

        Record(int writeIndex, int level, String message, int relLoc) {
            this.writeIndex = writeIndex;
            this.level = level;
            this.message = message;
            this.relLoc = relLoc;
        }
    }

    private final Map<String, Integer> indexByCommand = new LinkedHashMap<>();
    private final Map<String, String> liveByAddressBit = new LinkedHashMap<>();
    private final List<Record> records = new ArrayList<>();
    /** Writes to EventHeader tracepoints: the bytes after the write_index, and the tracepoint's name. */
    private final List<Map.Entry<String, byte[]>> eventHeaderWrites = new ArrayList<>();

    private int registrationsBeforeFailure = Integer.MAX_VALUE;
    private int failureErrno;
    private int closeCount;

    /** Registrations after the next {@code count} fail with {@code errno}. */
    public synchronized void failRegistrationsAfter(int count, int errno) {
        this.registrationsBeforeFailure = count;
        this.failureErrno = errno;
    }

    @Override
    public synchronized int register(String command, long enableAddress, int enableBit) {
        if (registrationsBeforeFailure-- <= 0) {
            return -failureErrno;
        }
        String key = enableAddress + "/" + enableBit;
        if (liveByAddressBit.containsKey(key)) {
            return -UserEventsAbi.EADDRINUSE;
        }
        liveByAddressBit.put(key, command);
        return indexByCommand.computeIfAbsent(command, c -> indexByCommand.size());
    }

    @Override
    public synchronized int unregister(long enableAddress, int enableBit) {
        return liveByAddressBit.remove(enableAddress + "/" + enableBit) == null ? -UserEventsAbi.EINVAL : 0;
    }

    /** {@link #setEnabled(long, int, boolean)} for one logger's level. */
    public void setEnabled(dev.userevents.LoggerEvents logger, dev.userevents.Level level, boolean enabled) {
        setEnabled(logger.enableWordAddress(), level.enableBit(), enabled);
    }

    /** What a tracer attaching or detaching does: set or clear the bit in the registered word. */
    public synchronized void setEnabled(long enableAddress, int enableBit, boolean enabled) {
        if (!liveByAddressBit.containsKey(enableAddress + "/" + enableBit)) {
            throw new IllegalStateException("not registered: " + enableAddress + "/" + enableBit);
        }
        Pointer word = new Pointer(enableAddress);
        int old = word.getInt(0);
        word.setInt(0, enabled ? old | (1 << enableBit) : old & ~(1 << enableBit));
    }

    @Override
    public synchronized long writev(long iovAddress, int iovCount) {
        long total = 0;
        byte[] all = new byte[0];
        for (int i = 0; i < iovCount; i++) {
            Pointer iov = new Pointer(iovAddress + (long) i * UserEventsAbi.IOVEC_SIZE);
            long base = iov.getLong(UserEventsAbi.IOVEC_BASE_OFFSET);
            int length = (int) iov.getLong(UserEventsAbi.IOVEC_LEN_OFFSET);
            byte[] bytes = new Pointer(base).getByteArray(0, length);
            byte[] joined = new byte[all.length + length];
            System.arraycopy(all, 0, joined, 0, all.length);
            System.arraycopy(bytes, 0, joined, all.length, length);
            all = joined;
            total += length;
        }
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(all).order(java.nio.ByteOrder.nativeOrder());
        String command = commandOf(buffer.getInt(UserEventsAbi.WRITE_INDEX_OFFSET));
        if (command != null && command.endsWith(dev.userevents.format.EventHeaderFormat.COMMAND_FIELDS)) {
            eventHeaderWrites.add(Map.entry(
                    command.substring(0, command.indexOf(' ')), java.util.Arrays.copyOfRange(all, 4, all.length)));
            return total;
        }
        int relLoc = buffer.getInt(UserEventsAbi.MSG_REL_LOC_OFFSET);
        int length = relLoc >>> 16;
        int start = UserEventsAbi.MSG_REL_LOC_OFFSET + 4 + (relLoc & 0xFFFF);
        if (length < 1 || start + length != all.length || all[start + length - 1] != 0) {
            return -UserEventsAbi.EFAULT; // what the kernel's validator does while a probe is attached
        }
        String message = new String(all, start, length - 1, StandardCharsets.UTF_8);
        records.add(new Record(
                buffer.getInt(UserEventsAbi.WRITE_INDEX_OFFSET),
                buffer.getInt(UserEventsAbi.LEVEL_OFFSET),
                message,
                relLoc));
        return total;
    }

    private String commandOf(int writeIndex) {
        for (Map.Entry<String, Integer> entry : indexByCommand.entrySet()) {
            if (entry.getValue() == writeIndex) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** Each EventHeader write: tracepoint name to the record after its write_index. */
    public synchronized List<Map.Entry<String, byte[]>> eventHeaderWrites() {
        return new ArrayList<>(eventHeaderWrites);
    }

    public synchronized List<Record> records() {
        return new ArrayList<>(records);
    }

    /** Registered (address/bit) pairs not yet unregistered. */
    public synchronized int liveRegistrations() {
        return liveByAddressBit.size();
    }

    public synchronized List<String> liveCommands() {
        return new ArrayList<>(liveByAddressBit.values());
    }

    public synchronized int closeCount() {
        return closeCount;
    }

    @Override
    public String describe() {
        return "in-memory device";
    }

    @Override
    public synchronized void close() {
        closeCount++;
    }
}
