/*
 * The admin API (libvirt-admin.so.0), loaded with dlopen on first use as libvirt.so.0 is: a
 * missing library or symbol is ERR_NO_SUPPORT naming the function. Its errors are libvirt.so's
 * (read by lv_fail). One native per shape; 'which' picks the C function (JniAdmNatives' constants).
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lv_core.h"

typedef void *lv_adm_ptr;
typedef void (*lv_adm_close_func)(lv_adm_ptr, int, void *);
typedef void (*lv_adm_free_func)(void *);

static pthread_once_t lv_adm_once = PTHREAD_ONCE_INIT;
static void *lv_adm_handle;
static char lv_adm_error[512];
static jclass lv_adm_class;
static jmethodID lv_adm_closed;

static void lv_adm_load(void) {
    lv_adm_handle = dlopen("libvirt-admin.so.0", RTLD_NOW | RTLD_LOCAL);
    if (lv_adm_handle == NULL) {
        const char *why = dlerror();
        snprintf(lv_adm_error, sizeof lv_adm_error, "%s", why != NULL ? why : "dlopen(libvirt-admin.so.0) failed");
    }
}

/* The admin function name, or NULL with ERR_NO_SUPPORT thrown when the library or symbol is missing. */
static void *lv_adm_sym(JNIEnv *env, const char *name) {
    pthread_once(&lv_adm_once, lv_adm_load);
    void *p = lv_adm_handle != NULL ? dlsym(lv_adm_handle, name) : NULL;
    if (p == NULL) {
        char msg[768];
        if (lv_adm_handle == NULL) {
            snprintf(msg, sizeof msg, "this function is not supported by the connection driver: %s "
                     "(libvirt-admin.so.0 cannot be used: %s; install Debian's libvirt0)", name, lv_adm_error);
        } else {
            snprintf(msg, sizeof msg, "this function is not supported by the connection driver: %s "
                     "(the installed libvirt-admin.so.0 lacks it)", name);
        }
        lv_throw(env, LV_ERR_NO_SUPPORT, LV_FROM_NONE, msg);
    }
    return p;
}

/* Resolves name into a local of the given function type, returning ret when absent. */
#define LV_ADM(var, type, name, ret) \
    __typeof__(type) var = (__typeof__(type)) lv_adm_sym(env, name); \
    if (var == NULL) { \
        return ret; \
    }

static jlong JNICALL lv_adm_open(JNIEnv *env, jclass cls, jstring uri, jint flags) {
    (void) cls;
    LV_ADM(fn, lv_adm_ptr (*)(const char *, unsigned int), "virAdmConnectOpen", 0);
    lv_str u = LV_STR_INIT;
    if (lv_jstr(env, uri, &u) != 0) {
        return 0;
    }
    lv_adm_ptr c = fn(u.p, (unsigned int) flags);
    lv_str_free(&u);
    if (c == NULL) {
        lv_fail(env, "virAdmConnectOpen");
    }
    return (jlong) (intptr_t) c;
}

static jlong JNICALL lv_adm_version(JNIEnv *env, jclass cls) {
    (void) cls;
    LV_ADM(fn, int (*)(unsigned long long *), "virAdmGetVersion", 0);
    unsigned long long v = 0;
    if (fn(&v) < 0) {
        lv_fail(env, "virAdmGetVersion");
    }
    return (jlong) v;
}

/* 0 virAdmConnectListServers(conn), 1 virAdmServerListClients(srv): the new objects' pointers. */
static jlongArray JNICALL lv_adm_list(JNIEnv *env, jclass cls, jint which, jlong obj, jint flags) {
    (void) cls;
    const char *name = which == 0 ? "virAdmConnectListServers" : "virAdmServerListClients";
    LV_ADM(fn, int (*)(lv_adm_ptr, lv_adm_ptr **, unsigned int), name, NULL);
    lv_adm_ptr *items = NULL;
    int n = fn((lv_adm_ptr) (intptr_t) obj, &items, (unsigned int) flags);
    if (n < 0) {
        lv_fail(env, name);
        return NULL;
    }
    jlongArray out = (*env)->NewLongArray(env, n);
    if (out != NULL) {
        for (int i = 0; i < n; i++) {
            jlong p = (jlong) (intptr_t) items[i];
            (*env)->SetLongArrayRegion(env, out, i, 1, &p);
        }
    } else {
        /* no Java array to hand them to: free what libvirt gave */
        const char *freeName = which == 0 ? "virAdmServerFree" : "virAdmClientFree";
        int (*freeFn)(lv_adm_ptr) = (int (*)(lv_adm_ptr)) dlsym(lv_adm_handle, freeName);
        for (int i = 0; i < n && freeFn != NULL; i++) {
            freeFn(items[i]);
        }
    }
    free(items);
    return out;
}

static jlong JNICALL lv_adm_lookup_server(JNIEnv *env, jclass cls, jlong conn, jstring name, jint flags) {
    (void) cls;
    LV_ADM(fn, lv_adm_ptr (*)(lv_adm_ptr, const char *, unsigned int), "virAdmConnectLookupServer", 0);
    lv_str s = LV_STR_INIT;
    if (lv_jstr(env, name, &s) != 0) {
        return 0;
    }
    lv_adm_ptr p = fn((lv_adm_ptr) (intptr_t) conn, s.p, (unsigned int) flags);
    lv_str_free(&s);
    if (p == NULL) {
        lv_fail(env, "virAdmConnectLookupServer");
    }
    return (jlong) (intptr_t) p;
}

static jlong JNICALL lv_adm_lookup_client(JNIEnv *env, jclass cls, jlong srv, jlong id, jint flags) {
    (void) cls;
    LV_ADM(fn, lv_adm_ptr (*)(lv_adm_ptr, unsigned long long, unsigned int), "virAdmServerLookupClient", 0);
    lv_adm_ptr p = fn((lv_adm_ptr) (intptr_t) srv, (unsigned long long) id, (unsigned int) flags);
    if (p == NULL) {
        lv_fail(env, "virAdmServerLookupClient");
    }
    return (jlong) (intptr_t) p;
}

/* 0 logging outputs, 1 logging filters (NULL: none), 2 the URI, 3 a server's name. */
static jstring JNICALL lv_adm_get_string(JNIEnv *env, jclass cls, jint which, jlong obj, jint flags) {
    (void) cls;
    lv_adm_ptr o = (lv_adm_ptr) (intptr_t) obj;
    if (which == 0 || which == 1) {
        const char *name = which == 0 ? "virAdmConnectGetLoggingOutputs" : "virAdmConnectGetLoggingFilters";
        LV_ADM(fn, int (*)(lv_adm_ptr, char **, unsigned int), name, NULL);
        char *s = NULL;
        if (fn(o, &s, (unsigned int) flags) < 0) {
            lv_fail(env, name);
            return NULL;
        }
        jstring out = lv_cstr(env, s != NULL ? s : "");
        free(s);
        return out;
    }
    if (which == 2) {
        LV_ADM(fn, char *(*)(lv_adm_ptr), "virAdmConnectGetURI", NULL);
        char *s = fn(o);
        if (s == NULL) {
            lv_fail(env, "virAdmConnectGetURI");
            return NULL;
        }
        jstring out = lv_cstr(env, s);
        free(s);
        return out;
    }
    LV_ADM(fn, const char *(*)(lv_adm_ptr), "virAdmServerGetName", NULL);
    const char *s = fn(o);
    if (s == NULL) {
        lv_fail(env, "virAdmServerGetName");
        return NULL;
    }
    return lv_cstr(env, s);
}

/* 0 virAdmConnectSetLoggingOutputs, 1 virAdmConnectSetLoggingFilters. */
static void JNICALL lv_adm_set_string(JNIEnv *env, jclass cls, jint which, jlong conn, jstring value, jint flags) {
    (void) cls;
    const char *name = which == 0 ? "virAdmConnectSetLoggingOutputs" : "virAdmConnectSetLoggingFilters";
    LV_ADM(fn, int (*)(lv_adm_ptr, const char *, unsigned int), name, );
    lv_str s = LV_STR_INIT;
    if (lv_jstr(env, value, &s) != 0) {
        return;
    }
    int rc = fn((lv_adm_ptr) (intptr_t) conn, s.p, (unsigned int) flags);
    lv_str_free(&s);
    if (rc < 0) {
        lv_fail(env, name);
    }
}

/* 0 client id, 1 client timestamp, 2 client transport, 3 connection alive, 4 daemon's version. */
static jlong JNICALL lv_adm_get_number(JNIEnv *env, jclass cls, jint which, jlong obj) {
    (void) cls;
    lv_adm_ptr o = (lv_adm_ptr) (intptr_t) obj;
    switch (which) {
    case 0: {
        LV_ADM(fn, unsigned long long (*)(lv_adm_ptr), "virAdmClientGetID", 0);
        unsigned long long v = fn(o);
        if (v == (unsigned long long) -1) {
            lv_fail_if_set(env, "virAdmClientGetID");
        }
        return (jlong) v;
    }
    case 1: {
        LV_ADM(fn, long long (*)(lv_adm_ptr), "virAdmClientGetTimestamp", 0);
        long long v = fn(o);
        if (v == -1) {
            lv_fail_if_set(env, "virAdmClientGetTimestamp");
        }
        return (jlong) v;
    }
    case 2: {
        LV_ADM(fn, int (*)(lv_adm_ptr), "virAdmClientGetTransport", 0);
        int v = fn(o);
        if (v < 0) {
            lv_fail(env, "virAdmClientGetTransport");
        }
        return v;
    }
    case 3: {
        LV_ADM(fn, int (*)(lv_adm_ptr), "virAdmConnectIsAlive", 0);
        int v = fn(o);
        if (v < 0) {
            lv_fail(env, "virAdmConnectIsAlive");
        }
        return v;
    }
    default: {
        LV_ADM(fn, int (*)(lv_adm_ptr, unsigned long long *), "virAdmConnectGetLibVersion", 0);
        unsigned long long v = 0;
        if (fn(o, &v) < 0) {
            lv_fail(env, "virAdmConnectGetLibVersion");
        }
        return (jlong) v;
    }
    }
}

/* 0 virAdmConnectSetDaemonTimeout(conn, arg, flags), 1 virAdmServerUpdateTlsFiles, 2 virAdmClientClose. */
static void JNICALL lv_adm_int_call(JNIEnv *env, jclass cls, jint which, jlong obj, jint arg, jint flags) {
    (void) cls;
    lv_adm_ptr o = (lv_adm_ptr) (intptr_t) obj;
    if (which == 0) {
        LV_ADM(fn, int (*)(lv_adm_ptr, unsigned int, unsigned int), "virAdmConnectSetDaemonTimeout", );
        if (fn(o, (unsigned int) arg, (unsigned int) flags) < 0) {
            lv_fail(env, "virAdmConnectSetDaemonTimeout");
        }
        return;
    }
    const char *name = which == 1 ? "virAdmServerUpdateTlsFiles" : "virAdmClientClose";
    LV_ADM(fn, int (*)(lv_adm_ptr, unsigned int), name, );
    if (fn(o, (unsigned int) flags) < 0) {
        lv_fail(env, name);
    }
}

static const char *const lv_adm_param_getters[] = {
    "virAdmServerGetThreadPoolParameters", "virAdmServerGetClientLimits", "virAdmClientGetInfo",
};
static const char *const lv_adm_param_setters[] = {
    "virAdmServerSetThreadPoolParameters", "virAdmServerSetClientLimits",
};

/* 0 thread pool, 1 client limits (of a server), 2 client info: what lv_params_to_java builds. */
static jobjectArray JNICALL lv_adm_get_params(JNIEnv *env, jclass cls, jint which, jlong obj, jint flags) {
    (void) cls;
    if (which < 0 || which > 2) {
        lv_throw_java(env, "java/lang/IllegalArgumentException", "unknown admin parameter call");
        return NULL;
    }
    const char *name = lv_adm_param_getters[which];
    LV_ADM(fn, int (*)(lv_adm_ptr, virTypedParameterPtr *, int *, unsigned int), name, NULL);
    virTypedParameterPtr params = NULL;
    int n = 0;
    if (fn((lv_adm_ptr) (intptr_t) obj, &params, &n, (unsigned int) flags) < 0) {
        lv_fail(env, name);
        return NULL;
    }
    jobjectArray out = lv_params_to_java(env, NULL, params, n);
    void (*freeFn)(virTypedParameterPtr, int) = (void (*)(virTypedParameterPtr, int)) lv_sym(LV_virTypedParamsFree);
    if (freeFn != NULL) {
        freeFn(params, n);
    } else {
        lv_params_clear(params, n);
    }
    return out;
}

/* 0 thread pool, 1 client limits. */
static void JNICALL lv_adm_set_params(JNIEnv *env, jclass cls, jint which, jlong srv, jobjectArray fields,
                                      jintArray types, jlongArray values, jobjectArray strings, jint flags) {
    (void) cls;
    if (which < 0 || which > 1) {
        lv_throw_java(env, "java/lang/IllegalArgumentException", "unknown admin parameter call");
        return;
    }
    const char *name = lv_adm_param_setters[which];
    LV_ADM(fn, int (*)(lv_adm_ptr, virTypedParameterPtr, int, unsigned int), name, );
    virTypedParameterPtr params = NULL;
    int n = 0;
    if (lv_params_from_java(env, fields, types, values, strings, &params, &n) != 0) {
        return;
    }
    if (fn((lv_adm_ptr) (intptr_t) srv, params, n, (unsigned int) flags) < 0) {
        lv_fail(env, name);
    }
    lv_params_clear(params, n);
}

/* 0 virAdmConnectClose, 1 virAdmServerFree, 2 virAdmClientFree: never throws (the Cleaner's thread). */
static void JNICALL lv_adm_free(JNIEnv *env, jclass cls, jint which, jlong obj) {
    (void) env;
    (void) cls;
    static const char *const names[] = {"virAdmConnectClose", "virAdmServerFree", "virAdmClientFree"};
    if (which < 0 || which > 2 || lv_adm_handle == NULL) {
        return;
    }
    int (*fn)(lv_adm_ptr) = (int (*)(lv_adm_ptr)) dlsym(lv_adm_handle, names[which]);
    if (fn != NULL) {
        fn((lv_adm_ptr) (intptr_t) obj);
    }
}

/* The one virAdmConnectCloseFunc every registration passes: tells JniAdmConnect.closed(key, reason). */
static void lv_adm_close_cb(lv_adm_ptr conn, int reason, void *opaque) {
    (void) conn;
    JNIEnv *env;
    int attached = 0;
    jint rc = (*lv_vm)->GetEnv(lv_vm, (void **) &env, JNI_VERSION_1_8);
    if (rc == JNI_EDETACHED) {
        if ((*lv_vm)->AttachCurrentThreadAsDaemon(lv_vm, (void **) &env, NULL) != JNI_OK) {
            return;
        }
        attached = 1;
    } else if (rc != JNI_OK) {
        return;
    }
    jthrowable pending = (*env)->ExceptionOccurred(env);
    if (pending != NULL) {
        (*env)->ExceptionClear(env);
    }
    (*env)->CallStaticVoidMethod(env, lv_adm_class, lv_adm_closed, (jlong) (intptr_t) opaque, (jint) reason);
    if ((*env)->ExceptionCheck(env)) {
        (*env)->ExceptionClear(env); /* nothing may unwind through libvirt's frames */
    }
    if (pending != NULL) {
        (*env)->Throw(env, pending);
        (*env)->DeleteLocalRef(env, pending);
    }
    if (attached) {
        (*lv_vm)->DetachCurrentThread(lv_vm);
    }
}

static void JNICALL lv_adm_close_register(JNIEnv *env, jclass cls, jlong conn, jlong key) {
    (void) cls;
    if (lv_adm_class == NULL) {
        jclass local = (*env)->FindClass(env, "org/libvirt4j/jni/JniAdmConnect");
        if (local == NULL) {
            return;
        }
        jmethodID m = (*env)->GetStaticMethodID(env, local, "closed", "(JI)V");
        jclass global = m != NULL ? (jclass) (*env)->NewGlobalRef(env, local) : NULL;
        (*env)->DeleteLocalRef(env, local);
        if (global == NULL) {
            return;
        }
        lv_adm_closed = m;
        lv_adm_class = global;
    }
    LV_ADM(fn, int (*)(lv_adm_ptr, lv_adm_close_func, void *, lv_adm_free_func),
           "virAdmConnectRegisterCloseCallback", );
    if (fn((lv_adm_ptr) (intptr_t) conn, lv_adm_close_cb, (void *) (intptr_t) key, NULL) < 0) {
        lv_fail(env, "virAdmConnectRegisterCloseCallback");
    }
}

static void JNICALL lv_adm_close_unregister(JNIEnv *env, jclass cls, jlong conn) {
    (void) cls;
    LV_ADM(fn, int (*)(lv_adm_ptr, lv_adm_close_func), "virAdmConnectUnregisterCloseCallback", );
    if (fn((lv_adm_ptr) (intptr_t) conn, lv_adm_close_cb) < 0) {
        lv_fail(env, "virAdmConnectUnregisterCloseCallback");
    }
}

const JNINativeMethod lv_admin_methods[] = {
    {"open", "(Ljava/lang/String;I)J", (void *) lv_adm_open},
    {"version", "()J", (void *) lv_adm_version},
    {"list", "(IJI)[J", (void *) lv_adm_list},
    {"lookupServer", "(JLjava/lang/String;I)J", (void *) lv_adm_lookup_server},
    {"lookupClient", "(JJI)J", (void *) lv_adm_lookup_client},
    {"getString", "(IJI)Ljava/lang/String;", (void *) lv_adm_get_string},
    {"setString", "(IJLjava/lang/String;I)V", (void *) lv_adm_set_string},
    {"getNumber", "(IJ)J", (void *) lv_adm_get_number},
    {"intCall", "(IJII)V", (void *) lv_adm_int_call},
    {"getParams", "(IJI)[Ljava/lang/Object;", (void *) lv_adm_get_params},
    {"setParams", "(IJ[Ljava/lang/String;[I[J[Ljava/lang/String;I)V", (void *) lv_adm_set_params},
    {"free", "(IJ)V", (void *) lv_adm_free},
    {"closeCallbackRegister", "(JJ)V", (void *) lv_adm_close_register},
    {"closeCallbackUnregister", "(J)V", (void *) lv_adm_close_unregister},
};
const int lv_admin_method_count = (int) (sizeof lv_admin_methods / sizeof lv_admin_methods[0]);
