package dev.userevents;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Little-endian stores into a heap array, as the EventHeader record needs them: an array view VarHandle is one
 * plain store, where a heap {@code ByteBuffer}'s put also checks the buffer's state and memory session.
 */
final class LittleEndian {
    private static final VarHandle SHORTS =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private LittleEndian() {}

    static void putShort(byte[] array, int at, short value) {
        SHORTS.set(array, at, value);
    }

    static void putInt(byte[] array, int at, int value) {
        INTS.set(array, at, value);
    }

    static void putLong(byte[] array, int at, long value) {
        LONGS.set(array, at, value);
    }
}
