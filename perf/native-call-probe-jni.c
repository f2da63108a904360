/* The floor row of NativeCallProbe: a hand-written JNI writev (what JNI itself costs, with no libffi). */
#include <errno.h>
#include <jni.h>
#include <stdint.h>
#include <sys/uio.h>

JNIEXPORT jlong JNICALL Java_dev_userevents_perf_nativecall_JniFloor_writev(JNIEnv *env, jclass cls, jint fd,
                                                                             jlong iov, jint count) {
    (void)env; (void)cls;
    ssize_t written = writev(fd, (const struct iovec *)(intptr_t)iov, count);
    return written >= 0 ? written : -errno;
}

/* The same call without a syscall: the JNI transition alone. */
JNIEXPORT jlong JNICALL Java_dev_userevents_perf_nativecall_JniFloor_labs(JNIEnv *env, jclass cls, jlong value) {
    (void)env; (void)cls;
    return value < 0 ? -value : value;
}
