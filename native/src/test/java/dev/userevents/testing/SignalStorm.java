package dev.userevents.testing;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Interrupts chosen threads of this JVM with SIGURG, handled <em>without</em> {@code SA_RESTART}, so that any
 * interruptible sleep in those threads' system calls ends with EINTR instead of being restarted. (The JVM's own
 * handlers use SA_RESTART, which would hide EINTR.)
 *
 * <p>The handler is libc's {@code getpid}: async-signal-safe and without effect, so nothing runs in signal context
 * but a system call. SIGURG is used because the JVM neither handles it nor dies of it: its default action is to
 * ignore, so a signal still in flight after the old action is restored is harmless.
 */
public final class SignalStorm implements AutoCloseable {
    public static final int SIGURG = 23; // the same number on x86_64 and aarch64
    private static final int EINTR = 4;

    // glibc's struct sigaction on 64-bit Linux: handler, 128-byte mask, int flags (+4 padding), restorer
    private static final int SA_HANDLER_OFFSET = 0;
    private static final int SA_MASK_OFFSET = 8;
    private static final int SA_MASK_SIZE = 128;
    private static final int SA_FLAGS_OFFSET = SA_MASK_OFFSET + SA_MASK_SIZE;
    private static final int SIGACTION_SIZE = 152;

    static {
        Native.register(SignalStorm.class, Platform.C_LIBRARY_NAME);
    }

    private static native int sigaction(int signal, Pointer action, Pointer oldAction);

    private static native int tgkill(int tgid, int tid, int signal);

    private static native int gettid();

    private static native int getpid();

    private static native int pipe(int[] fds);

    private static native long read(int fd, Pointer buffer, long count);

    private static native long write(int fd, Pointer buffer, long count);

    private static native int close(int fd);

    private final Memory oldAction = new Memory(SIGACTION_SIZE);
    private final List<Integer> targets;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong sent = new AtomicLong();
    private final Thread sender;

    /** Installs the non-restarting handler and starts sending to every thread in {@code tids}, each round a pause apart. */
    public SignalStorm(List<Integer> tids, long pauseNanos) {
        if (!Platform.isLinux() || !Platform.is64Bit()) {
            throw new IllegalStateException("struct sigaction layout is written for 64-bit Linux");
        }
        install();
        this.targets = List.copyOf(tids);
        int pid = getpid();
        this.sender = targets.isEmpty()
                ? null
                : new Thread(
                        () -> {
                            while (running.get()) {
                                for (int tid : targets) {
                                    if (tgkill(pid, tid, SIGURG) == 0) {
                                        sent.incrementAndGet();
                                    }
                                }
                                LockSupport.parkNanos(pauseNanos);
                            }
                        },
                        "signal-storm");
        if (sender != null) {
            sender.start();
        }
    }

    private void install() {
        Memory action = new Memory(SIGACTION_SIZE);
        action.clear();
        Pointer getpid = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("getpid");
        action.setPointer(SA_HANDLER_OFFSET, getpid);
        action.setInt(SA_FLAGS_OFFSET, 0); // no SA_RESTART, no SA_SIGINFO; empty mask
        if (sigaction(SIGURG, action, oldAction) != 0) {
            throw new IllegalStateException("sigaction: errno " + Native.getLastError());
        }
    }

    /** Signals sent so far (tgkill succeeded); several may merge into one delivery, as standard signals do. */
    public long sent() {
        return sent.get();
    }

    /** The calling thread's kernel thread id, for {@link #SignalStorm(List, long)}. */
    public static int currentTid() {
        return gettid();
    }

    /** Kernel thread ids of this process's threads whose name starts with {@code prefix} (names are cut at 15 bytes). */
    public static List<Integer> threadsNamed(String prefix) throws IOException {
        String comm = prefix.length() > 15 ? prefix.substring(0, 15) : prefix;
        List<Integer> tids = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    if (Files.readString(task.resolve("comm"), StandardCharsets.UTF_8)
                            .strip()
                            .startsWith(comm)) {
                        tids.add(Integer.parseInt(task.getFileName().toString()));
                    }
                } catch (IOException threadExited) {
                    // gone between listing and reading
                }
            }
        }
        return tids;
    }

    /**
     * The control: a thread blocked in {@code read} on an empty pipe is signalled until the read returns. Returns the
     * errno it ended with, which is EINTR only if the handler really does not restart system calls.
     */
    public static int interruptBlockedRead() throws InterruptedException {
        int[] fds = new int[2];
        if (pipe(fds) != 0) {
            throw new IllegalStateException("pipe: errno " + Native.getLastError());
        }
        int[] readerTid = {0};
        int[] readErrno = {-1};
        CountDownLatch started = new CountDownLatch(1);
        Thread reader = new Thread(
                () -> {
                    readerTid[0] = gettid();
                    started.countDown();
                    Memory buffer = new Memory(1);
                    long result = read(fds[0], buffer, 1);
                    readErrno[0] = result < 0 ? Native.getLastError() : 0;
                },
                "signal-storm-control");
        try (SignalStorm unused = new SignalStorm(List.of(), 0)) {
            reader.start();
            started.await();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int pid = getpid();
            while (reader.isAlive() && System.nanoTime() < deadline) {
                tgkill(pid, readerTid[0], SIGURG); // repeated: the first may land before read() blocks
                reader.join(10);
            }
            if (reader.isAlive()) { // release it: the handler restarted the read every time
                Memory one = new Memory(1);
                one.setByte(0, (byte) 'x');
                write(fds[1], one, 1);
                reader.join();
            }
        } finally {
            close(fds[0]);
            close(fds[1]);
        }
        return readErrno[0];
    }

    public static boolean isEintr(int errno) {
        return errno == EINTR;
    }

    /** Stops sending, lets the last signals land, and restores the previous action. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        if (sender != null) {
            sender.join();
        }
        Thread.sleep(100);
        sigaction(SIGURG, oldAction, null);
    }
}
