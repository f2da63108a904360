package dev.userevents.perf.nativecall;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallContextCache;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.Type;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.lang.invoke.MethodHandle;

/**
 * The "call only" rows: libc's labs (no syscall, a few instructions) through each path, so a row's ns is the
 * path's own cost; writev's row minus its labs row is the syscall plus what the path does per call either way.
 * Each loop calls labs(-expected) and checks it got expected back.
 */
final class NoSyscall {
    private NoSyscall() {}

    /** JNA direct mapping, registered like the core's Libc. */
    static final class Jna implements CallLoop {
        static {
            Native.register(Jna.class, Platform.C_LIBRARY_NAME);
        }

        static native long labs(long value);

        @Override
        public String name() {
            return "0A jna-direct labs";
        }

        @Override
        public long run(int fd, long iovAddress, int calls, long expected) {
            long bad = 0;
            for (int i = 0; i < calls; i++) {
                if (labs(-expected) != expected) {
                    bad++;
                }
            }
            return bad;
        }
    }

    /** jffi: {@code saveErrno} picks invokeN1 (errno kept per thread, as JNA always does) or invokeL1NoErrno. */
    static final class Jffi implements CallLoop {
        private static final Invoker INVOKER = Invoker.getInstance();
        private static final long LABS = com.kenai.jffi.Library.getDefault().getSymbolAddress("labs");
        private static final CallContext SAVING = context(true);
        private static final CallContext NOT_SAVING = context(false);

        private final boolean saveErrno;

        Jffi(boolean saveErrno) {
            this.saveErrno = saveErrno;
        }

        private static CallContext context(boolean saveErrno) {
            return CallContextCache.getInstance()
                    .getCallContext(Type.SINT64, new Type[] {Type.SINT64}, CallingConvention.DEFAULT, saveErrno);
        }

        @Override
        public String name() {
            return saveErrno ? "0C jffi labs invokeN1 (errno saved)" : "0C jffi labs invokeL1NoErrno";
        }

        @Override
        public long run(int fd, long iovAddress, int calls, long expected) {
            long bad = 0;
            for (int i = 0; i < calls; i++) {
                long result = saveErrno
                        ? INVOKER.invokeN1(SAVING, LABS, -expected)
                        : INVOKER.invokeL1NoErrno(NOT_SAVING, LABS, -expected);
                if (result != expected) {
                    bad++;
                }
            }
            return bad;
        }
    }

    static final class Jni implements CallLoop {
        @Override
        public String name() {
            return "0D jni labs";
        }

        @Override
        public long run(int fd, long iovAddress, int calls, long expected) {
            long bad = 0;
            for (int i = 0; i < calls; i++) {
                if (JniFloor.labs(-expected) != expected) {
                    bad++;
                }
            }
            return bad;
        }
    }

    /** FFM, no errno capture (labs sets none); plain and critical. */
    static final class Ffm implements CallLoop {
        private static final MethodHandle PLAIN = FfmCall.downcall("labs", false, false, "JAVA_LONG", "JAVA_LONG");
        private static final MethodHandle CRITICAL = FfmCall.downcall("labs", true, false, "JAVA_LONG", "JAVA_LONG");

        private final boolean critical;

        Ffm(boolean critical) {
            this.critical = critical;
        }

        @Override
        public String name() {
            return critical ? "0E ffm labs critical" : "0E ffm labs";
        }

        @Override
        public long run(int fd, long iovAddress, int calls, long expected) {
            long bad = 0;
            try {
                for (int i = 0; i < calls; i++) {
                    long result =
                            critical ? (long) CRITICAL.invokeExact(-expected) : (long) PLAIN.invokeExact(-expected);
                    if (result != expected) {
                        bad++;
                    }
                }
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            return bad;
        }
    }
}
