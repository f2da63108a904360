package dev.userevents.kernel;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import dev.userevents.testing.SignalStorm;
import java.io.FileInputStream;
import java.io.InputStream;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EINTR retry in {@link KernelDevice#writev}, on the host: user_events never sleeps interruptibly (the kernel
 * test {@code AsyncKernelTest#signalsWithoutRestartLoseNoEventAndNoRegistration} sees no EINTR), so the retry is
 * driven through a FIFO instead. With the pipe full, a writev sleeps with nothing written; each non-restarting
 * signal then ends it with EINTR, and the device must repeat it until the reader makes room.
 */
class KernelDeviceEintrTest {
    private static final int O_RDONLY_NONBLOCK = 0x800; // O_RDONLY | O_NONBLOCK
    private static final int F_GETPIPE_SZ = 1032;

    static {
        Native.register(KernelDeviceEintrTest.class, Platform.C_LIBRARY_NAME);
    }

    private static native int open(String path, int flags);

    private static native int fcntl(int fd, int command);

    private static native int close(int fd);

    /** The FIFO's buffer size: 64 KiB by default, one page for a user over fs.pipe-user-pages-soft. */
    private static int pipeCapacity(Path fifo) {
        int fd = open(fifo.toString(), O_RDONLY_NONBLOCK);
        assertTrue(fd >= 0, "open " + fifo + ": errno " + Native.getLastError());
        try {
            int size = fcntl(fd, F_GETPIPE_SZ);
            assertTrue(size > 0, "F_GETPIPE_SZ: errno " + Native.getLastError());
            return size;
        } finally {
            close(fd);
        }
    }

    @Test
    void aWritevInterruptedBeforeWritingIsRepeatedUntilItCompletes(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        KernelDevice device = KernelDevice.open(fifo).device; // O_RDWR: a FIFO opens without a peer
        assertNotNull(device);
        Thread writer = null;
        try (InputStream reader = new FileInputStream(fifo.toFile())) {
            int pipeCapacity = pipeCapacity(fifo);
            Memory filler = new Memory(pipeCapacity);
            Memory fillerIov = iov(filler, pipeCapacity);
            assertEquals(pipeCapacity, device.writev(Pointer.nativeValue(fillerIov), 1), "fills the pipe");

            Memory message = new Memory(16);
            for (int i = 0; i < 16; i++) {
                message.setByte(i, (byte) ('a' + i));
            }
            Memory messageIov = iov(message, 16);
            AtomicInteger writerTid = new AtomicInteger();
            AtomicLong written = new AtomicLong(Long.MIN_VALUE);
            writer = new Thread(() -> {
                writerTid.set(SignalStorm.currentTid());
                written.set(device.writev(Pointer.nativeValue(messageIov), 1)); // sleeps: the pipe is full
            });
            writer.start();
            while (writerTid.get() == 0) {
                Thread.onSpinWait();
            }
            long sent;
            try (SignalStorm storm = new SignalStorm(List.of(writerTid.get()), 200_000)) {
                Thread.sleep(500);
                sent = storm.sent();
            }
            assertTrue(writer.isAlive(), "the interrupted writev returned " + written.get() + " instead of repeating");
            assertTrue(sent >= 100, "signals sent: " + sent);

            readFully(reader, pipeCapacity); // room: the repeated writev completes
            writer.join(10_000);
            assertEquals(16, written.get());
            assertEquals("abcdefghijklmnop", new String(readFully(reader, 16), "US-ASCII"));
            Reference.reachabilityFence(filler);
            Reference.reachabilityFence(fillerIov);
            Reference.reachabilityFence(message);
            Reference.reachabilityFence(messageIov);
        } finally {
            unblock(writer, fifo);
            device.close(); // waits for writes in flight
        }
    }

    /** After a failure: drains the FIFO until the writer's writev has returned, so close() need not wait forever. */
    private static void unblock(Thread writer, Path fifo) throws Exception {
        try (InputStream drain = new FileInputStream(fifo.toFile())) {
            while (writer != null && writer.isAlive()) {
                if (drain.available() > 0) {
                    drain.read(new byte[drain.available()]);
                }
                writer.join(10);
            }
        }
    }

    /** A read loop: JDK 17's FileInputStream.readNBytes asks for the position, which a FIFO does not have. */
    private static byte[] readFully(InputStream in, int length) throws Exception {
        byte[] bytes = new byte[length];
        for (int done = 0; done < length; ) {
            int n = in.read(bytes, done, length - done);
            assertTrue(n > 0, "FIFO closed after " + done + " bytes");
            done += n;
        }
        return bytes;
    }

    /** One struct iovec {base, len} pointing at {@code data}, which the caller keeps reachable. */
    private static Memory iov(Memory data, long length) {
        Memory iov = new Memory(16);
        iov.setPointer(0, data);
        iov.setLong(8, length);
        return iov;
    }
}
