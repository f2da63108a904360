package dev.userevents.kernel;

/**
 * The Linux user_events ABI in one place: ioctl numbers, struct layouts, errno values and limits (the libc calls
 * are {@link NativeCalls}, the memory they point at {@link NativeMemory}). Source: include/uapi/linux/user_events.h and kernel/trace/trace_events_user.c
 * (kernel 6.4+); summarized in docs/user-events-abi.md of the shared docs.
 *
 * <p>Every value here assumes a 64-bit Linux (x86-64 or arm64): the ioctl numbers encode the size of a pointer.
 * {@link #isSupportedPlatform()} says whether this process is one.
 */
public final class UserEventsAbi {
    private UserEventsAbi() {}

    // ---- ioctls on user_events_data (magic '*', size = sizeof(void *) = 8) ----
    /** _IOWR('*', 0, struct user_reg *): register an event, returns write_index. */
    public static final long DIAG_IOCSREG = 0xC0082A00L;
    /** _IOW('*', 1, char *): delete an event by name (only when nothing uses it). */
    public static final long DIAG_IOCSDEL = 0x40082A01L;
    /** _IOW('*', 2, struct user_unreg *): stop the kernel writing one (address, bit). */
    public static final long DIAG_IOCSUNREG = 0x40082A02L;

    // ---- struct user_reg (packed, 28 bytes) ----
    public static final int USER_REG_SIZE = 28;
    public static final int USER_REG_SIZE_OFFSET = 0; // u32 size
    public static final int USER_REG_ENABLE_BIT_OFFSET = 4; // u8 enable_bit
    public static final int USER_REG_ENABLE_SIZE_OFFSET = 5; // u8 enable_size (4 or 8)
    public static final int USER_REG_FLAGS_OFFSET = 6; // u16 flags
    public static final int USER_REG_ENABLE_ADDR_OFFSET = 8; // u64 enable_addr
    public static final int USER_REG_NAME_ARGS_OFFSET = 16; // u64 name_args (char *)
    public static final int USER_REG_WRITE_INDEX_OFFSET = 24; // u32 write_index (out)

    // ---- struct user_unreg (packed, 16 bytes) ----
    public static final int USER_UNREG_SIZE = 16;
    public static final int USER_UNREG_SIZE_OFFSET = 0; // u32 size
    public static final int USER_UNREG_DISABLE_BIT_OFFSET = 4; // u8 disable_bit, then u8 + u16 reserved = 0
    public static final int USER_UNREG_DISABLE_ADDR_OFFSET = 8; // u64 disable_addr

    /** Enable words are 32-bit: one word per logger, one bit per level. */
    public static final int ENABLE_WORD_BYTES = 4;

    // ---- limits ----
    /** Longest event name the kernel accepts (MAX_EVENT_NAME_LEN - 1). */
    public static final int MAX_EVENT_NAME_BYTES = 255;
    /** Longest registration command, NUL included. */
    public static final int MAX_COMMAND_BYTES = 512;
    /** A __rel_loc length is 16 bits and counts the NUL. */
    public static final int MAX_REL_LOC_BYTES = 0xFFFF;

    // ---- the event layout of this project: "NAME __rel_loc char[] msg; u32 level" ----
    /** Field list after the name; "; " (semicolon AND space) is required by 6.4-6.9's textual format match. */
    public static final String FIELDS = "__rel_loc char[] msg; u32 level";
    /** The write: [u32 write_index][u32 msg rel_loc][u32 level][msg bytes, NUL-terminated]. */
    public static final int WRITE_INDEX_OFFSET = 0;

    public static final int MSG_REL_LOC_OFFSET = 4;
    public static final int LEVEL_OFFSET = 8;
    public static final int MSG_OFFSET = 12;
    /** rel_loc offsets count from the end of the rel_loc field itself; msg follows the u32 level. */
    public static final int MSG_REL_OFFSET = MSG_OFFSET - (MSG_REL_LOC_OFFSET + 4);

    /** The rel_loc word for a message of {@code lengthWithNul} bytes. */
    public static int msgRelLoc(int lengthWithNul) {
        return (lengthWithNul << 16) | MSG_REL_OFFSET;
    }

    // ---- struct iovec ----
    public static final int IOVEC_SIZE = 16;
    public static final int IOVEC_BASE_OFFSET = 0;
    public static final int IOVEC_LEN_OFFSET = 8;

    // ---- errno values (asm-generic, same on x86-64 and arm64) ----
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int EACCES = 13;
    public static final int EFAULT = 14;
    public static final int EINVAL = 22;
    public static final int EMFILE = 24;
    public static final int ENOTTY = 25;
    public static final int E2BIG = 7;
    public static final int EADDRINUSE = 98;

    public static final int O_RDWR = 2;
    public static final int O_CLOEXEC = 0x80000;

    /** Linux on x86-64 or arm64, decided from system properties (no JNA, so it cannot fail to load). */
    public static boolean isSupportedPlatform() {
        String arch = System.getProperty("os.arch", "");
        return System.getProperty("os.name", "").startsWith("Linux")
                && (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"));
    }

    /** Short name of an errno, for diagnostics. */
    public static String errnoName(int errno) {
        switch (errno) {
            case EPERM:
                return "EPERM";
            case ENOENT:
                return "ENOENT";
            case EINTR:
                return "EINTR";
            case E2BIG:
                return "E2BIG";
            case EBADF:
                return "EBADF";
            case EAGAIN:
                return "EAGAIN";
            case EACCES:
                return "EACCES";
            case EFAULT:
                return "EFAULT";
            case EINVAL:
                return "EINVAL";
            case EMFILE:
                return "EMFILE";
            case ENOTTY:
                return "ENOTTY";
            case EADDRINUSE:
                return "EADDRINUSE";
            default:
                return "errno " + errno;
        }
    }
}
