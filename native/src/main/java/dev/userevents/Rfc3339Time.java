package dev.userevents;

import java.nio.charset.StandardCharsets;

/**
 * RFC 3339 in UTC as chrono's {@code to_rfc3339} writes it (the OTel Rust exporter): fraction 0/3/6/9 digits,
 * {@code +00:00}. One per encoding thread: it keeps the date and time of day of the last second it wrote, since
 * they change once a second. Allocates nothing.
 */
final class Rfc3339Time {
    private static final byte[] UTC_OFFSET = "+00:00".getBytes(StandardCharsets.US_ASCII);
    /** "000" to "999", three bytes each. */
    private static final byte[] THREE_DIGITS = new byte[3000];

    static {
        for (int i = 0; i < 1000; i++) {
            digits(THREE_DIGITS, 3 * i, i, 3);
        }
    }

    /** The second {@link #dateTime} shows. */
    private long cachedSecond = Long.MIN_VALUE;
    /** {@code YYYY-MM-DDTHH:MM:SS}. */
    private final byte[] dateTime = new byte[19];

    /**
     * Writes {@code epochNanos} at {@code at} of {@code data} as a little-endian u16 length and its text; returns the
     * end.
     */
    int putCounted(byte[] data, int at, long epochNanos) {
        long seconds = Math.floorDiv(epochNanos, 1_000_000_000L);
        int nanos = (int) (epochNanos - seconds * 1_000_000_000L);
        if (seconds != cachedSecond) {
            formatSecond(seconds);
            cachedSecond = seconds;
        }
        int p = at + 2;
        System.arraycopy(dateTime, 0, data, p, dateTime.length);
        p += dateTime.length;
        if (nanos != 0) {
            data[p++] = '.';
            int millis = nanos / 1_000_000;
            int micros = nanos / 1_000 - millis * 1_000;
            int belowMicro = nanos % 1_000;
            p = threeDigits(data, p, millis);
            if (micros != 0 || belowMicro != 0) {
                p = threeDigits(data, p, micros);
                if (belowMicro != 0) {
                    p = threeDigits(data, p, belowMicro);
                }
            }
        }
        System.arraycopy(UTC_OFFSET, 0, data, p, UTC_OFFSET.length);
        p += UTC_OFFSET.length;
        LittleEndian.putShort(data, at, (short) (p - at - 2));
        return p;
    }

    /** {@code value} (0-999) as three digits, from a table: the fraction changes every record. */
    private static int threeDigits(byte[] into, int position, int value) {
        int from = 3 * value;
        into[position] = THREE_DIGITS[from];
        into[position + 1] = THREE_DIGITS[from + 1];
        into[position + 2] = THREE_DIGITS[from + 2];
        return position + 3;
    }

    /** {@code YYYY-MM-DDTHH:MM:SS} of {@code seconds} since 1970 into {@link #dateTime}. */
    private void formatSecond(long seconds) {
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        byte[] t = dateTime;
        digits(t, 0, (int) year, 4);
        t[4] = '-';
        digits(t, 5, month, 2);
        t[7] = '-';
        digits(t, 8, day, 2);
        t[10] = 'T';
        digits(t, 11, secondOfDay / 3600, 2);
        t[13] = ':';
        digits(t, 14, secondOfDay / 60 % 60, 2);
        t[16] = ':';
        digits(t, 17, secondOfDay % 60, 2);
    }

    /** {@code width} decimal digits of {@code value} at {@code position}; returns the end. */
    private static int digits(byte[] into, int position, int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            into[position + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return position + width;
    }
}
