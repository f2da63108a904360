package dev.userevents.testing;

/**
 * Sizes of the kernel suites' soak loops (repeated child JVMs, reconfigurations, million-event loads). CI runs each
 * at the size that proves the property on both JDKs within its time budget; {@code KERNEL_TEST_SOAK_FACTOR=N}
 * ({@code -Duserevents.soakFactor=N} in the VM's JVM) multiplies them for a longer hunt.
 */
public final class Soak {
    private Soak() {}

    public static int scaled(int ciSize) {
        return Math.multiplyExact(ciSize, Math.max(1, Integer.getInteger("userevents.soakFactor", 1)));
    }
}
