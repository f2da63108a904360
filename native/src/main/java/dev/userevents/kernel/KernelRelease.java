package dev.userevents.kernel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The running kernel's release ({@code uname -r}) and whether it has the user_events ABI this library uses. */
public final class KernelRelease {
    /** 6.4 made user_events' current ABI stable; 5.18-6.3 had an earlier one, marked BROKEN, that this library does not speak. */
    public static final int MIN_MAJOR = 6;

    public static final int MIN_MINOR = 4;
    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)");

    private KernelRelease() {}

    /** {@code {major, minor}} of a release such as {@code 6.8.0-45-generic}, or null when it does not start with them. */
    public static int[] majorMinor(String release) {
        Matcher m = release == null ? null : MAJOR_MINOR.matcher(release.trim());
        if (m == null || !m.find()) {
            return null;
        }
        try {
            return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
        } catch (NumberFormatException tooLong) {
            return null;
        }
    }

    /** True when the release is older than 6.4; false when it is 6.4 or later, or unreadable (nothing to blame). */
    public static boolean isTooOld(String release) {
        int[] version = majorMinor(release);
        return version != null && (version[0] < MIN_MAJOR || version[0] == MIN_MAJOR && version[1] < MIN_MINOR);
    }
}
