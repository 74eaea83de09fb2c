/*
 * Loading libvirt, resolving its symbols on first use, reporting its errors as
 * org.libvirt4j.LibvirtException, and moving strings across JNI.
 */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lv_core.h"

JavaVM *lv_vm;

static void *lv_handle;
static char lv_load_error[512];
static virErrorPtr (*lv_get_last_error)(void);

/* One cached pointer per libvirt function: NULL = not looked up yet, LV_MISSING = absent. */
static void *lv_slots[LV_COUNT];
static char lv_missing_marker;
#define LV_MISSING ((void *) &lv_missing_marker)

static jclass lv_exception_class;
static jmethodID lv_exception_ctor;
static jclass lv_string_class;
static jmethodID lv_string_ctor;
static jobject lv_utf8;

void *lv_sym(int slot) {
    void *p = __atomic_load_n(&lv_slots[slot], __ATOMIC_ACQUIRE);
    if (__builtin_expect(p != NULL, 1)) {
        return p == LV_MISSING ? NULL : p;
    }
    /* Two threads may both look the symbol up; they store the same answer (a benign race). */
    p = lv_handle != NULL ? dlsym(lv_handle, lv_names[slot]) : NULL;
    __atomic_store_n(&lv_slots[slot], p != NULL ? p : LV_MISSING, __ATOMIC_RELEASE);
    return p;
}

void *lv_resolve(JNIEnv *env, int slot) {
    void *p = lv_sym(slot);
    if (__builtin_expect(p == NULL, 0)) {
        char msg[256];
        snprintf(msg, sizeof msg, "this function is not supported by the connection driver: %s "
                 "(the installed libvirt.so.0 lacks it)", lv_names[slot]);
        lv_throw(env, LV_ERR_NO_SUPPORT, LV_FROM_NONE, msg);
    }
    return p;
}

static void lv_throw_full(JNIEnv *env, int code, int domain, int level, const char *message) {
    if ((*env)->ExceptionCheck(env)) {
        return; /* keep the first failure */
    }
    jstring msg = lv_cstr(env, message != NULL ? message : "");
    if (msg == NULL) {
        return;
    }
    jobject ex = (*env)->NewObject(env, lv_exception_class, lv_exception_ctor, code, domain, level, msg);
    if (ex != NULL) {
        (*env)->Throw(env, (jthrowable) ex);
        (*env)->DeleteLocalRef(env, ex);
    }
    (*env)->DeleteLocalRef(env, msg);
}

void lv_throw(JNIEnv *env, int code, int domain, const char *message) {
    lv_throw_full(env, code, domain, LV_LEVEL_ERROR, message);
}

void lv_throw_java(JNIEnv *env, const char *cls, const char *message) {
    if ((*env)->ExceptionCheck(env)) {
        return;
    }
    jclass c = (*env)->FindClass(env, cls);
    if (c != NULL) {
        (*env)->ThrowNew(env, c, message);
        (*env)->DeleteLocalRef(env, c);
    }
}

int lv_fail_if_set(JNIEnv *env, const char *fn) {
    virErrorPtr e = lv_get_last_error != NULL ? lv_get_last_error() : NULL;
    (void) fn;
    if (e == NULL || e->code == 0) {
        return 0;
    }
    /* Copied out before anything else can run on this thread and reset libvirt's error. */
    int code = e->code, domain = e->domain, level = e->level;
    lv_throw_full(env, code, domain, level, e->message != NULL ? e->message : "");
    return 1;
}

void lv_fail(JNIEnv *env, const char *fn) {
    if (!lv_fail_if_set(env, fn)) {
        char msg[256];
        snprintf(msg, sizeof msg, "internal error: %s failed without reporting an error", fn);
        lv_throw(env, LV_ERR_INTERNAL_ERROR, LV_FROM_NONE, msg);
    }
}

/*
 * Java's modified UTF-8 writes a supplementary character as two 3-byte surrogates; libvirt
 * wants the 4-byte UTF-8 form. A lone surrogate has no UTF-8 form: it becomes '?', as
 * String.getBytes(UTF_8) makes it for the JNA and remote backends. Rewrites in place (the result
 * is never longer).
 */
static void lv_fix_surrogates(char *s, size_t len) {
    unsigned char *in = (unsigned char *) s, *out = (unsigned char *) s;
    unsigned char *end = in + len;
    while (in < end) {
        if (in[0] == 0xED && end - in >= 6 && (in[1] & 0xF0) == 0xA0 && in[3] == 0xED && (in[4] & 0xF0) == 0xB0) {
            unsigned hi = 0xD000u | ((in[1] & 0x3Fu) << 6) | (in[2] & 0x3Fu);
            unsigned lo = 0xD000u | ((in[4] & 0x3Fu) << 6) | (in[5] & 0x3Fu);
            unsigned cp = 0x10000u + ((hi - 0xD800u) << 10) + (lo - 0xDC00u);
            *out++ = (unsigned char) (0xF0 | (cp >> 18));
            *out++ = (unsigned char) (0x80 | ((cp >> 12) & 0x3F));
            *out++ = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
            *out++ = (unsigned char) (0x80 | (cp & 0x3F));
            in += 6;
        } else if (in[0] == 0xED && end - in >= 3 && (in[1] & 0xE0) == 0xA0) {
            *out++ = '?'; /* ED A0..BF xx: a surrogate without its partner */
            in += 3;
        } else {
            *out++ = *in++;
        }
    }
    *out = '\0';
}

int lv_jstr(JNIEnv *env, jstring s, lv_str *out) {
    out->p = NULL;
    out->heap = NULL;
    if (s == NULL) {
        return 0;
    }
    jsize chars = (*env)->GetStringLength(env, s);
    jsize len = (*env)->GetStringUTFLength(env, s);
    char *buf = out->buf;
    if ((size_t) len >= sizeof out->buf) {
        buf = out->heap = malloc((size_t) len + 1);
        if (buf == NULL) {
            lv_throw_java(env, "java/lang/OutOfMemoryError", "no memory for a string argument");
            return -1;
        }
    }
    /* The whole string, so the region is always in range and nothing can be thrown. */
    (*env)->GetStringUTFRegion(env, s, 0, chars, buf);
    buf[len] = '\0';
    /* Modified UTF-8 writes U+0000 as C0 80. libvirt would act on the part before the NUL, so
     * refuse it with the error every backend gives (org.libvirt4j.spi.CStrings.NUL_MESSAGE). */
    for (const char *c = memchr(buf, 0xC0, (size_t) len); c != NULL;
         c = memchr(c + 1, 0xC0, (size_t) (buf + len - (c + 1)))) {
        if (c + 1 < buf + len && (unsigned char) c[1] == 0x80) {
            free(out->heap);
            out->heap = NULL;
            lv_throw(env, 8 /* VIR_ERR_INVALID_ARG */, 0 /* VIR_FROM_NONE */,
                     "invalid argument: a string passed to libvirt contains a NUL character");
            return -1;
        }
    }
    if (memchr(buf, 0xED, (size_t) len) != NULL) {
        lv_fix_surrogates(buf, (size_t) len);
    }
    out->p = buf;
    return 0;
}

void lv_str_free(lv_str *s) {
    free(s->heap);
    s->heap = NULL;
    s->p = NULL;
}

/* Whether s[0..n) is all ASCII; a word at a time, since XML documents are long. */
static int lv_ascii(const char *s, size_t n) {
    uint64_t high = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, sizeof w);
        high |= w;
    }
    for (; i < n; i++) {
        high |= (unsigned char) s[i];
    }
    return (high & UINT64_C(0x8080808080808080)) == 0;
}

jstring lv_cstr(JNIEnv *env, const char *s) {
    size_t n = strlen(s);
    if (lv_ascii(s, n)) {
        return (*env)->NewStringUTF(env, s); /* ASCII: modified UTF-8 and UTF-8 agree */
    }
    /* Anything else is decoded by Java, which replaces malformed bytes instead of misreading them. */
    if (n > INT32_MAX) {
        lv_throw_java(env, "java/lang/OutOfMemoryError", "string from libvirt too long");
        return NULL;
    }
    jbyteArray bytes = (*env)->NewByteArray(env, (jsize) n);
    if (bytes == NULL) {
        return NULL;
    }
    (*env)->SetByteArrayRegion(env, bytes, 0, (jsize) n, (const jbyte *) s);
    jstring r = (jstring) (*env)->NewObject(env, lv_string_class, lv_string_ctor, bytes, lv_utf8);
    (*env)->DeleteLocalRef(env, bytes);
    return r;
}

int lv_juuid(JNIEnv *env, jbyteArray a, unsigned char *out) {
    if (a == NULL) {
        lv_throw_java(env, "java/lang/NullPointerException", "uuid");
        return -1;
    }
    if ((*env)->GetArrayLength(env, a) != LV_UUID_BUFLEN) {
        lv_throw_java(env, "java/lang/IllegalArgumentException", "a raw UUID has 16 bytes");
        return -1;
    }
    (*env)->GetByteArrayRegion(env, a, 0, LV_UUID_BUFLEN, (jbyte *) out);
    return 0;
}

jbyteArray lv_uuid_array(JNIEnv *env, const unsigned char *uuid) {
    jbyteArray a = (*env)->NewByteArray(env, LV_UUID_BUFLEN);
    if (a != NULL) {
        (*env)->SetByteArrayRegion(env, a, 0, LV_UUID_BUFLEN, (const jbyte *) uuid);
    }
    return a;
}

/* Returns why libvirt could not be loaded, or NULL. */
static jstring JNICALL lv_load_error_native(JNIEnv *env, jclass cls) {
    (void) cls;
    return lv_load_error[0] != '\0' ? (*env)->NewStringUTF(env, lv_load_error) : NULL;
}

static jclass lv_global_class(JNIEnv *env, const char *name) {
    jclass local = (*env)->FindClass(env, name);
    if (local == NULL) {
        return NULL;
    }
    jclass global = (jclass) (*env)->NewGlobalRef(env, local);
    (*env)->DeleteLocalRef(env, local);
    return global;
}

static int lv_register(JNIEnv *env, const char *cls, const JNINativeMethod *methods, int count) {
    jclass c = (*env)->FindClass(env, cls);
    if (c == NULL) {
        return -1;
    }
    int rc = (*env)->RegisterNatives(env, c, methods, count);
    (*env)->DeleteLocalRef(env, c);
    return rc == 0 ? 0 : -1;
}

static void lv_silent(void *data, virErrorPtr error) {
    (void) data;
    (void) error;
}

static void lv_open_libvirt(void) {
    lv_handle = dlopen("libvirt.so.0", RTLD_NOW | RTLD_LOCAL);
    if (lv_handle == NULL) {
        const char *why = dlerror();
        snprintf(lv_load_error, sizeof lv_load_error, "%s", why != NULL ? why : "dlopen(libvirt.so.0) failed");
        return;
    }
    lv_get_last_error = (virErrorPtr (*)(void)) dlsym(lv_handle, "virGetLastError");
    if (lv_get_last_error == NULL) {
        snprintf(lv_load_error, sizeof lv_load_error, "libvirt.so.0 has no virGetLastError");
        return;
    }
    /* libvirt's default handler prints every error to stderr; a library must not. Errors
     * still reach the caller: each one is read with virGetLastError right after the call. */
    void (*set_error_func)(void *, virErrorFunc) = (void (*)(void *, virErrorFunc)) dlsym(lv_handle, "virSetErrorFunc");
    if (set_error_func != NULL) {
        set_error_func(NULL, lv_silent);
    }
    /* libvirt asks threaded programs to initialise it once up front. */
    int (*init)(void) = (int (*)(void)) dlsym(lv_handle, "virInitialize");
    if (init != NULL && init() < 0) {
        snprintf(lv_load_error, sizeof lv_load_error, "virInitialize failed");
    }
}

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    JNIEnv *env;
    (void) reserved;
    if ((*vm)->GetEnv(vm, (void **) &env, JNI_VERSION_1_8) != JNI_OK) {
        return JNI_ERR;
    }
    lv_vm = vm;
    lv_exception_class = lv_global_class(env, "org/libvirt4j/LibvirtException");
    lv_string_class = lv_global_class(env, "java/lang/String");
    if (lv_exception_class == NULL || lv_string_class == NULL) {
        return JNI_ERR;
    }
    lv_exception_ctor = (*env)->GetMethodID(env, lv_exception_class, "<init>", "(IIILjava/lang/String;)V");
    lv_string_ctor = (*env)->GetMethodID(env, lv_string_class, "<init>", "([BLjava/nio/charset/Charset;)V");
    jclass charsets = (*env)->FindClass(env, "java/nio/charset/StandardCharsets");
    if (lv_exception_ctor == NULL || lv_string_ctor == NULL || charsets == NULL) {
        return JNI_ERR;
    }
    jfieldID utf8 = (*env)->GetStaticFieldID(env, charsets, "UTF_8", "Ljava/nio/charset/Charset;");
    if (utf8 == NULL) {
        return JNI_ERR;
    }
    jobject cs = (*env)->GetStaticObjectField(env, charsets, utf8);
    lv_utf8 = cs != NULL ? (*env)->NewGlobalRef(env, cs) : NULL;
    if (lv_utf8 == NULL) {
        return JNI_ERR;
    }
    lv_open_libvirt();
    static const JNINativeMethod core[] = {
        {"libvirtLoadError", "()Ljava/lang/String;", (void *) lv_load_error_native},
    };
    if (lv_register(env, "org/libvirt4j/jni/LibvirtNatives", lv_generated_methods,
                    lv_generated_method_count) != 0
        || lv_register(env, "org/libvirt4j/jni/JniNatives", core, 1) != 0
        || lv_register(env, "org/libvirt4j/jni/JniNatives", lv_manual_methods, lv_manual_method_count) != 0
        || lv_register(env, "org/libvirt4j/jni/JniTyped", lv_typed_methods, lv_typed_method_count) != 0
        || lv_register(env, "org/libvirt4j/jni/JniIrregularNatives", lv_irregular_methods,
                       lv_irregular_method_count) != 0
        || lv_register(env, "org/libvirt4j/jni/JniHostNatives", lv_host_methods, lv_host_method_count) != 0
        || lv_register(env, "org/libvirt4j/jni/JniAdmNatives", lv_admin_methods, lv_admin_method_count) != 0
        || lv_events_init(env) != 0
        || lv_qemu_init(env) != 0) {
        return JNI_ERR;
    }
    return JNI_VERSION_1_8;
}
