package dev.userevents.spi;

/**
 * What the core needs from {@code user_events_data}. The kernel package's {@code KernelDevice} is the real one
 * ({@code dev.userevents.EventDevices#open} opens it); tests of pure logic may use an in-process double. Results
 * are returned, not thrown: {@code >= 0} on success, {@code -errno} on failure, so the hot path allocates nothing.
 */
public interface EventDevice extends AutoCloseable {
    /**
     * DIAG_IOCSREG: registers {@code command} with the kernel setting {@code enableBit} of the 32-bit word at
     * {@code enableAddress}. Returns the write_index, or -errno.
     */
    int register(String command, long enableAddress, int enableBit);

    /**
     * A logger's events in one call: DIAG_IOCSREG of {@code baseName + suffixes[i]} (ASCII bytes, no NUL) at bit
     * {@code enableBits[i]} of the word at {@code enableAddress}, in order, stopping at the first refusal. Each
     * write_index goes into {@code writeIndexes[i]}; returns how many were registered, and when that is fewer than
     * all, {@code writeIndexes[returned]} holds the refusal's -errno. The kernel device writes the name once and
     * changes only the suffix and the bit between ioctls.
     */
    default int registerEach(
            byte[] baseName, byte[][] suffixes, long enableAddress, int[] enableBits, int[] writeIndexes) {
        String base = new String(baseName, java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i < suffixes.length; i++) {
            int result = register(
                    base + new String(suffixes[i], java.nio.charset.StandardCharsets.US_ASCII),
                    enableAddress,
                    enableBits[i]);
            writeIndexes[i] = result;
            if (result < 0) {
                return i;
            }
        }
        return suffixes.length;
    }

    /** DIAG_IOCSUNREG of one (address, bit). Returns 0 or -errno. */
    int unregister(long enableAddress, int enableBit);

    /** One event, one {@code writev} of {@code iovCount} iovecs at {@code iovAddress}. Returns bytes written or -errno. */
    long writev(long iovAddress, int iovCount);

    /**
     * Holds the device open for a run of {@link #writevHeld} calls (the async writer takes it once per batch
     * instead of once per event). Returns false when the device is closing; then write nothing.
     */
    default boolean holdForWrites() {
        return true;
    }

    /** Ends a {@link #holdForWrites()}. */
    default void releaseWrites() {}

    /** {@link #writev} inside a {@link #holdForWrites()}: no per-call guard. */
    default long writevHeld(long iovAddress, int iovCount) {
        return writev(iovAddress, iovCount);
    }

    /**
     * Runs a group of registrations or unregistrations where the device wants them (the kernel device: on its
     * registrar thread, in one hop instead of one per ioctl).
     */
    default <T> T inRegistrationContext(java.util.function.Supplier<T> work) {
        return work.get();
    }

    /** Where the events go, for diagnostics. */
    String describe();

    /** This user of the device is done (after unregistering everything it registered). */
    @Override
    void close();
}
