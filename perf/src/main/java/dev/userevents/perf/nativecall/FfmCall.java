package dev.userevents.perf.nativecall;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Row E (JDK 22+ only): the core's java22 NativeCalls writev, an FFM downcall with errno captured into a per-thread
 * segment, plain or {@code Linker.Option.critical(false)}. The perf module compiles for JDK 17, so the handle is
 * built by reflection once; the call itself is an {@code invokeExact} on a constant handle, as in the core.
 */
final class FfmCall implements CallLoop {
    private static final MethodType CALL_TYPE =
            MethodType.methodType(long.class, Object.class, int.class, long.class, int.class);
    private static final MethodHandle PLAIN = writev(false);
    private static final MethodHandle CRITICAL = writev(true);
    private static final ThreadLocal<Object> CALL_STATES = ThreadLocal.withInitial(FfmCall::allocateState);

    private final boolean critical;

    FfmCall(boolean critical) {
        this.critical = critical;
    }

    static boolean available() {
        return Runtime.version().feature() >= 22;
    }

    @Override
    public String name() {
        return critical ? "E ffm critical (core jdk22 /dev/null path)" : "E ffm downcall";
    }

    @Override
    public long run(int fd, long iovAddress, int calls, long expected) {
        return critical ? runCritical(fd, iovAddress, calls, expected) : runPlain(fd, iovAddress, calls, expected);
    }

    private static long runPlain(int fd, long iovAddress, int calls, long expected) {
        long bad = 0;
        try {
            for (int i = 0; i < calls; i++) {
                if ((long) PLAIN.invokeExact(CALL_STATES.get(), fd, iovAddress, 1) != expected) {
                    bad++;
                }
            }
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return bad;
    }

    private static long runCritical(int fd, long iovAddress, int calls, long expected) {
        long bad = 0;
        try {
            for (int i = 0; i < calls; i++) {
                if ((long) CRITICAL.invokeExact(CALL_STATES.get(), fd, iovAddress, 1) != expected) {
                    bad++;
                }
            }
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return bad;
    }

    private static Class<?> type(String name) throws ClassNotFoundException {
        return Class.forName("java.lang.foreign." + name);
    }

    private static Object allocateState() {
        try {
            Class<?> option = type("Linker$Option");
            Object layout = option.getMethod("captureStateLayout").invoke(null);
            Object arena = type("Arena").getMethod("ofAuto").invoke(null);
            return type("SegmentAllocator")
                    .getMethod("allocate", type("MemoryLayout"))
                    .invoke(arena, layout);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle writev(boolean critical) {
        MethodHandle handle = downcall("writev", critical, true, "JAVA_LONG", "JAVA_INT", "JAVA_LONG", "JAVA_INT");
        return handle == null ? null : handle.asType(CALL_TYPE);
    }

    /**
     * A downcall handle for libc's {@code name}; layouts are ValueLayout field names, the return's first. With
     * {@code captureErrno} the handle takes the call-state segment first, as the core's do.
     */
    static MethodHandle downcall(String name, boolean critical, boolean captureErrno, String... layouts) {
        if (!available()) {
            return null;
        }
        try {
            Class<?> linkerType = type("Linker");
            Class<?> layoutType = type("MemoryLayout");
            Class<?> option = type("Linker$Option");
            Class<?> valueLayout = type("ValueLayout");
            Object linker = linkerType.getMethod("nativeLinker").invoke(null);
            Object lookup = linkerType.getMethod("defaultLookup").invoke(linker);
            Object symbol = ((Optional<?>)
                            type("SymbolLookup").getMethod("find", String.class).invoke(lookup, name))
                    .orElseThrow();
            Object args = Array.newInstance(layoutType, layouts.length - 1);
            for (int i = 1; i < layouts.length; i++) {
                Array.set(args, i - 1, valueLayout.getField(layouts[i]).get(null));
            }
            Object descriptor = type("FunctionDescriptor")
                    .getMethod("of", layoutType, args.getClass())
                    .invoke(null, valueLayout.getField(layouts[0]).get(null), args);
            List<Object> chosen = new ArrayList<>();
            if (captureErrno) {
                chosen.add(option.getMethod("captureCallState", String[].class)
                        .invoke(null, (Object) new String[] {"errno"}));
            }
            if (critical) {
                chosen.add(option.getMethod("critical", boolean.class).invoke(null, false));
            }
            Object options = Array.newInstance(option, chosen.size());
            for (int i = 0; i < chosen.size(); i++) {
                Array.set(options, i, chosen.get(i));
            }
            return (MethodHandle) linkerType
                    .getMethod("downcallHandle", type("MemorySegment"), type("FunctionDescriptor"), options.getClass())
                    .invoke(linker, symbol, descriptor, options);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
