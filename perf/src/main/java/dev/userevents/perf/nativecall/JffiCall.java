package dev.userevents.perf.nativecall;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallContextCache;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.LastError;
import com.kenai.jffi.Library;
import com.kenai.jffi.Type;

/**
 * Row C: jffi (the JNI core under jnr-ffi), a design to measure, not to adopt. Its JNI entry points for up to six
 * integer arguments call the function pointer with a C cast (no libffi on the way), so this row isolates what
 * JNA's libffi closure + ffi_call add over a plain JNI call.
 */
final class JffiCall {
    private static final Invoker INVOKER = Invoker.getInstance();
    private static final long WRITEV = Library.getDefault().getSymbolAddress("writev");
    private static final Type[] PARAMS = {Type.SINT32, Type.POINTER, Type.SINT32};
    /** saveErrno=true: jffi stores errno per thread after every call, as JNA does. */
    private static final CallContext SAVING = context(true);

    private static final CallContext NOT_SAVING = context(false);

    private JffiCall() {}

    private static CallContext context(boolean saveErrno) {
        return CallContextCache.getInstance().getCallContext(Type.SINT64, PARAMS, CallingConvention.DEFAULT, saveErrno);
    }

    /** invokeN3: native-word arguments, errno saved; read only on failure, like the core. */
    static final class N3 implements CallLoop {
        @Override
        public String name() {
            return "C jffi invokeN3 (errno saved)";
        }

        @Override
        public long run(int fd, long iovAddress, int calls, long expected) {
            long bad = 0;
            for (int i = 0; i < calls; i++) {
                long written = INVOKER.invokeN3(SAVING, WRITEV, fd, iovAddress, 1);
                if ((written >= 0 ? written : -LastError.getInstance().get()) != expected) {
                    bad++;
                }
            }
            return bad;
        }
    }

    /** invokeL3NoErrno: the cheapest entry jffi has for three integer arguments (errno not kept). */
    static final class L3NoErrno implements CallLoop {
        @Override
        public String name() {
            return "C jffi invokeL3NoErrno";
        }

        @Override
        public long run(int fd, long iovAddress, int calls, long expected) {
            long bad = 0;
            for (int i = 0; i < calls; i++) {
                if (INVOKER.invokeL3NoErrno(NOT_SAVING, WRITEV, fd, iovAddress, 1) != expected) {
                    bad++;
                }
            }
            return bad;
        }
    }
}
