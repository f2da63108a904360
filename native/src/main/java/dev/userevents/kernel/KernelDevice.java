package dev.userevents.kernel;

import static dev.userevents.kernel.UserEventsAbi.*;

import dev.userevents.spi.EventDevice;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * The kernel's {@code user_events_data}: one fd per process per path, shared by every {@code UserEvents} in this
 * class loader and closed when the last of them closes. Closing the fd drops the kernel's references held by its
 * write indexes, which lets unused (non-persistent) events disappear from {@code user_events_status}.
 *
 * <p>Every ioctl runs on one thread of this device, {@code userevents-registrar}. The kernel keeps enablers per
 * {@code user_event_mm}, which it attaches to the registering thread and hands only to threads cloned after that;
 * a thread that existed before (a shutdown hook's signal thread, an unrelated pool) gets another one, and its
 * DIAG_IOCSUNREG then fails with ENOENT. Doing every register and unregister on the same thread keeps them
 * in one list. (Found by the demo: SIGTERM's shutdown hook could not unregister.)
 *
 * <p>The fd is never closed under a writer: each {@link #writev} holds a share of {@link #state} for the call,
 * and the last {@link #close()} waits for those to finish, so a write can never land in a file that reused
 * the fd number.
 */
public final class KernelDevice implements EventDevice {
    private static final Map<Path, KernelDevice> OPEN = new HashMap<>(); // guarded by itself

    /** Bit 0: closing. Bits 1..63: writes in flight, in units of {@link #WRITER}. */
    private final AtomicLong state = new AtomicLong();

    private static final long CLOSING = 1;
    private static final long WRITER = 2;

    private final Path path;
    private final int fd;
    /**
     * Whether a write can never block here (user_events_data copies into trace buffers, /dev/null discards): then
     * JDK 22+ may use a critical downcall, which skips the thread-state transition but holds off GC while it runs.
     */
    private final boolean neverBlocks;

    private int users; // guarded by OPEN
    /** Scratch for the rare ioctls: user_reg / user_unreg then the command string; guarded by {@code this}. */
    private final ByteBuffer scratch = NativeMemory.directBuffer(USER_REG_SIZE + MAX_COMMAND_BYTES + 8);

    private final long scratchAddress = NativeMemory.address(scratch);

    private final ExecutorService registrar = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "userevents-registrar");
        thread.setDaemon(true);
        return thread;
    });

    private KernelDevice(Path path, int fd) {
        this.path = path;
        this.fd = fd;
        this.neverBlocks = path.endsWith("user_events_data") || path.equals(java.nio.file.Paths.get("/dev/null"));
    }

    private volatile Thread registrarThread;

    @Override
    public <T> T inRegistrationContext(java.util.function.Supplier<T> work) {
        return callOnRegistrar(work);
    }

    private int onRegistrar(IntSupplier ioctl) {
        Integer result = callOnRegistrar(ioctl::getAsInt);
        return result;
    }

    /** Runs {@code work} on the registrar thread and waits for it, interrupts or not: its result must not be lost. */
    private <T> T callOnRegistrar(java.util.function.Supplier<T> work) {
        if (Thread.currentThread() == registrarThread) {
            return work.get();
        }
        Future<T> result = registrar.submit(() -> {
            registrarThread = Thread.currentThread();
            return work.get();
        });
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("ioctl failed", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Result of {@link #open(Path)}: a device, or the errno that prevented it. */
    public static final class OpenResult {
        public final KernelDevice device;
        public final int errno;

        OpenResult(KernelDevice device, int errno) {
            this.device = device;
            this.errno = errno;
        }
    }

    /** How this JVM reaches the kernel: the memory and call implementations the multi-release jar picked. */
    public static String nativeAccess() {
        return "memory: " + NativeMemory.describe() + "; calls: " + NativeCalls.describe();
    }

    /**
     * Opens {@code path} (O_RDWR | O_CLOEXEC), or shares the fd already open for it. Each successful open
     * is matched by one {@link #close()}.
     */
    public static OpenResult open(Path path) {
        Path key = path.toAbsolutePath().normalize();
        synchronized (OPEN) {
            KernelDevice device = OPEN.get(key);
            if (device == null) {
                int fd = NativeCalls.open(key.toString(), O_RDWR | O_CLOEXEC);
                if (fd < 0) {
                    return new OpenResult(null, -fd);
                }
                device = new KernelDevice(key, fd);
                OPEN.put(key, device);
            }
            device.users++;
            return new OpenResult(device, 0);
        }
    }

    /** One user is done; the last one closes the fd once no write is in flight. */
    @Override
    public void close() {
        synchronized (OPEN) {
            if (users == 0 || --users > 0) {
                return;
            }
            OPEN.remove(path);
        }
        // Release/acquire pairing: the CLOSING bit set here is seen by any writev that starts later, and a
        // writev already past its check is counted in state, so we wait for it.
        state.getAndAdd(CLOSING);
        while (state.get() != CLOSING) {
            Thread.onSpinWait();
        }
        synchronized (this) {
            NativeCalls.close(fd);
        }
        registrar.shutdown(); // every enabler was unregistered by the users before their close()
    }

    @Override
    public int register(String command, long enableAddress, int enableBit) {
        return onRegistrar(() -> registerHere(command, enableAddress, enableBit));
    }

    private synchronized int registerHere(String command, long enableAddress, int enableBit) {
        byte[] commandBytes = command.getBytes(StandardCharsets.UTF_8);
        if (commandBytes.length + 1 > MAX_COMMAND_BYTES) {
            return -E2BIG;
        }
        int commandOffset = USER_REG_SIZE + 4; // keep the string 8-aligned after the 28-byte struct
        scratch.clear();
        scratch.put(commandOffset, commandBytes);
        scratch.put(commandOffset + commandBytes.length, (byte) 0);
        scratch.putInt(USER_REG_SIZE_OFFSET, USER_REG_SIZE);
        scratch.put(USER_REG_ENABLE_BIT_OFFSET, (byte) enableBit);
        scratch.put(USER_REG_ENABLE_SIZE_OFFSET, (byte) ENABLE_WORD_BYTES);
        scratch.putShort(USER_REG_FLAGS_OFFSET, (short) 0);
        scratch.putLong(USER_REG_ENABLE_ADDR_OFFSET, enableAddress);
        scratch.putLong(USER_REG_NAME_ARGS_OFFSET, scratchAddress + commandOffset);
        scratch.putInt(USER_REG_WRITE_INDEX_OFFSET, -1);
        int result = ioctlRetryingEintr(DIAG_IOCSREG, scratchAddress);
        return result < 0 ? result : scratch.getInt(USER_REG_WRITE_INDEX_OFFSET);
    }

    @Override
    public int registerEach(
            byte[] baseName, byte[][] suffixes, long enableAddress, int[] enableBits, int[] writeIndexes) {
        return callOnRegistrar(() -> registerEachHere(baseName, suffixes, enableAddress, enableBits, writeIndexes));
    }

    /** The struct and the name are written once; per event only the suffix, the bit and write_index change. */
    private synchronized int registerEachHere(
            byte[] baseName, byte[][] suffixes, long enableAddress, int[] enableBits, int[] writeIndexes) {
        int commandOffset = USER_REG_SIZE + 4; // keep the string 8-aligned after the 28-byte struct
        scratch.clear();
        scratch.put(commandOffset, baseName);
        scratch.putInt(USER_REG_SIZE_OFFSET, USER_REG_SIZE);
        scratch.put(USER_REG_ENABLE_SIZE_OFFSET, (byte) ENABLE_WORD_BYTES);
        scratch.putShort(USER_REG_FLAGS_OFFSET, (short) 0);
        scratch.putLong(USER_REG_ENABLE_ADDR_OFFSET, enableAddress);
        scratch.putLong(USER_REG_NAME_ARGS_OFFSET, scratchAddress + commandOffset);
        for (int i = 0; i < suffixes.length; i++) {
            byte[] suffix = suffixes[i];
            int end = commandOffset + baseName.length + suffix.length;
            if (end + 1 - commandOffset > MAX_COMMAND_BYTES) {
                writeIndexes[i] = -E2BIG;
                return i;
            }
            scratch.put(commandOffset + baseName.length, suffix);
            scratch.put(end, (byte) 0);
            scratch.put(USER_REG_ENABLE_BIT_OFFSET, (byte) enableBits[i]);
            scratch.putInt(USER_REG_WRITE_INDEX_OFFSET, -1);
            int result = ioctlRetryingEintr(DIAG_IOCSREG, scratchAddress);
            writeIndexes[i] = result < 0 ? result : scratch.getInt(USER_REG_WRITE_INDEX_OFFSET);
            if (result < 0) {
                return i;
            }
        }
        return suffixes.length;
    }

    @Override
    public int unregister(long enableAddress, int enableBit) {
        return onRegistrar(() -> unregisterHere(enableAddress, enableBit));
    }

    private synchronized int unregisterHere(long enableAddress, int enableBit) {
        scratch.clear();
        scratch.putInt(USER_UNREG_SIZE_OFFSET, USER_UNREG_SIZE);
        scratch.putInt(USER_UNREG_DISABLE_BIT_OFFSET, enableBit & 0xFF); // disable_bit + zeroed reserved bytes
        scratch.putLong(USER_UNREG_DISABLE_ADDR_OFFSET, enableAddress);
        return ioctlRetryingEintr(DIAG_IOCSUNREG, scratchAddress);
    }

    /** Callers hold {@code this}, and close() takes {@code this} before closing the fd. */
    private int ioctlRetryingEintr(long request, long argAddress) {
        if ((state.get() & CLOSING) != 0) {
            return -EBADF;
        }
        while (true) {
            int result = NativeCalls.ioctl(fd, request, argAddress);
            if (result != -EINTR) {
                return result;
            }
        }
    }

    @Override
    public long writev(long iovAddress, int iovCount) {
        if (!holdForWrites()) {
            return -EBADF;
        }
        try {
            return writevRetryingEintr(iovAddress, iovCount);
        } finally {
            releaseWrites();
        }
    }

    @Override
    public boolean holdForWrites() {
        if ((state.getAndAdd(WRITER) & CLOSING) != 0) { // full fence: ordered against close()'s CLOSING bit
            state.getAndAdd(-WRITER);
            return false;
        }
        return true;
    }

    @Override
    public void releaseWrites() {
        state.getAndAdd(-WRITER);
    }

    @Override
    public long writevHeld(long iovAddress, int iovCount) {
        return writevRetryingEintr(iovAddress, iovCount);
    }

    private long writevRetryingEintr(long iovAddress, int iovCount) {
        while (true) {
            long written = neverBlocks
                    ? NativeCalls.writevNeverBlocking(fd, iovAddress, iovCount)
                    : NativeCalls.writev(fd, iovAddress, iovCount);
            if (written != -EINTR) { // EINTR: a signal arrived before anything was written; the write is safe to repeat
                return written;
            }
        }
    }

    @Override
    public String describe() {
        return path.toString();
    }
}
