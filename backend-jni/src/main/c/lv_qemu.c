/*
 * The QEMU and LXC client libraries (libvirt-qemu.so.0, libvirt-lxc.so.0): opened on first use
 * beside libvirt.so.0, whose error state they share; a missing library or symbol is
 * ERR_NO_SUPPORT naming the function. Natives of org.libvirt4j.jni.JniQemuNatives.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lv_core.h"

typedef struct {
    const char *file;
    void *handle;
    int tried;
    char error[256];
} lv_lib;

static lv_lib lv_qemu_lib = { "libvirt-qemu.so.0", NULL, 0, { 0 } };
static lv_lib lv_lxc_lib = { "libvirt-lxc.so.0", NULL, 0, { 0 } };
static pthread_mutex_t lv_lib_lock = PTHREAD_MUTEX_INITIALIZER;

/* The function name of lib, or NULL with ERR_NO_SUPPORT thrown. Looked up on every call: these
 * calls are rare and slow (a monitor round trip), so no cache is worth its races. */
static void *lv_qsym(JNIEnv *env, lv_lib *lib, const char *name) {
    pthread_mutex_lock(&lv_lib_lock);
    if (!lib->tried) {
        lib->tried = 1;
        lib->handle = dlopen(lib->file, RTLD_NOW | RTLD_LOCAL);
        if (lib->handle == NULL) {
            const char *why = dlerror();
            snprintf(lib->error, sizeof lib->error, "%s", why != NULL ? why : "dlopen failed");
        }
    }
    void *h = lib->handle;
    pthread_mutex_unlock(&lv_lib_lock);
    char msg[512];
    if (h == NULL) {
        snprintf(msg, sizeof msg, "this function is not supported by the connection driver: %s (%s cannot be loaded: %s)",
                 name, lib->file, lib->error);
        lv_throw(env, LV_ERR_NO_SUPPORT, LV_FROM_NONE, msg);
        return NULL;
    }
    void *p = dlsym(h, name);
    if (p == NULL) {
        snprintf(msg, sizeof msg, "this function is not supported by the connection driver: %s (the installed %s lacks it)",
                 name, lib->file);
        lv_throw(env, LV_ERR_NO_SUPPORT, LV_FROM_NONE, msg);
    }
    return p;
}

/* A Java int[] of the fds libvirt allocated (freed here), or NULL with an exception pending; on
 * failure the fds are closed, as nobody else can. */
static jintArray lv_take_fds(JNIEnv *env, int *fds, unsigned int n) {
    jintArray a = (*env)->NewIntArray(env, (jsize) n);
    if (a == NULL) {
        for (unsigned int i = 0; i < n; i++) {
            close(fds[i]);
        }
    } else if (n > 0) {
        (*env)->SetIntArrayRegion(env, a, 0, (jsize) n, (const jint *) fds);
    }
    free(fds);
    return a;
}

/* Copies a Java int[] to a malloc'd C array (NULL for an empty one); returns -1 with an exception pending. */
static int lv_jints(JNIEnv *env, jintArray a, int **out, unsigned int *n) {
    jsize len = (*env)->GetArrayLength(env, a);
    *out = NULL;
    *n = (unsigned int) len;
    if (len == 0) {
        return 0;
    }
    *out = malloc(sizeof(int) * (size_t) len);
    if (*out == NULL) {
        lv_throw_java(env, "java/lang/OutOfMemoryError", "no memory for a descriptor list");
        return -1;
    }
    (*env)->GetIntArrayRegion(env, a, 0, len, (jint *) *out);
    return 0;
}

typedef int (*lv_t_mon)(virDomainPtr, const char *, char **, unsigned int);
typedef int (*lv_t_mon_files)(virDomainPtr, const char *, unsigned int, int *, unsigned int *, int **, char **,
                              unsigned int);
typedef char *(*lv_t_agent)(virDomainPtr, const char *, int, unsigned int);
typedef virDomainPtr (*lv_t_attach)(virConnectPtr, unsigned int, unsigned int);
typedef void (*lv_t_qemu_cb)(virConnectPtr, virDomainPtr, const char *, long long, unsigned int, const char *, void *);
typedef int (*lv_t_qemu_reg)(virConnectPtr, virDomainPtr, const char *, lv_t_qemu_cb, void *, virFreeCallback,
                             unsigned int);
typedef int (*lv_t_qemu_dereg)(virConnectPtr, int);
typedef int (*lv_t_lxc_open)(virDomainPtr, int **, unsigned int);
typedef int (*lv_t_lxc_enter)(virDomainPtr, unsigned int, int *, unsigned int *, int **, unsigned int);
typedef int (*lv_t_lxc_label)(virSecurityModelPtr, virSecurityLabelPtr, virSecurityLabelPtr, unsigned int);
typedef int (*lv_t_lxc_cgroup)(virDomainPtr, unsigned int);

static jstring JNICALL lv_qemu_monitor_command(JNIEnv *env, jclass cls, jlong dom, jstring cmd, jint flags) {
    (void) cls;
    const char *fn = "virDomainQemuMonitorCommand";
    lv_t_mon f = (lv_t_mon) lv_qsym(env, &lv_qemu_lib, fn);
    lv_str c;
    if (f == NULL || lv_jstr(env, cmd, &c) < 0) {
        return NULL;
    }
    char *result = NULL;
    int rc = f((virDomainPtr) (intptr_t) dom, c.p, &result, (unsigned int) flags);
    lv_str_free(&c);
    if (rc < 0) {
        lv_fail(env, fn);
        return NULL;
    }
    jstring r = result != NULL ? lv_cstr(env, result) : NULL;
    free(result);
    return r;
}

/* {String result, int[] outfiles} */
static jobjectArray JNICALL lv_qemu_monitor_command_files(JNIEnv *env, jclass cls, jlong dom, jstring cmd,
                                                          jintArray infiles, jint flags) {
    (void) cls;
    const char *fn = "virDomainQemuMonitorCommandWithFiles";
    lv_t_mon_files f = (lv_t_mon_files) lv_qsym(env, &lv_qemu_lib, fn);
    if (f == NULL) {
        return NULL;
    }
    int *in;
    unsigned int nin;
    if (lv_jints(env, infiles, &in, &nin) < 0) {
        return NULL;
    }
    lv_str c;
    if (lv_jstr(env, cmd, &c) < 0) {
        free(in);
        return NULL;
    }
    char *result = NULL;
    unsigned int nout = 0;
    int *out = NULL;
    int rc = f((virDomainPtr) (intptr_t) dom, c.p, nin, in, &nout, &out, &result, (unsigned int) flags);
    lv_str_free(&c);
    free(in);
    if (rc < 0) {
        lv_fail(env, fn);
        return NULL;
    }
    jintArray fds = lv_take_fds(env, out, nout);
    jstring r = fds != NULL && result != NULL ? lv_cstr(env, result) : NULL;
    free(result);
    if ((*env)->ExceptionCheck(env)) {
        return NULL;
    }
    jobjectArray pair = (*env)->NewObjectArray(env, 2, (*env)->FindClass(env, "java/lang/Object"), NULL);
    if (pair != NULL) {
        (*env)->SetObjectArrayElement(env, pair, 0, r);
        (*env)->SetObjectArrayElement(env, pair, 1, fds);
    }
    return pair;
}

static jstring JNICALL lv_qemu_agent_command(JNIEnv *env, jclass cls, jlong dom, jstring cmd, jint timeout, jint flags) {
    (void) cls;
    const char *fn = "virDomainQemuAgentCommand";
    lv_t_agent f = (lv_t_agent) lv_qsym(env, &lv_qemu_lib, fn);
    lv_str c;
    if (f == NULL || lv_jstr(env, cmd, &c) < 0) {
        return NULL;
    }
    char *result = f((virDomainPtr) (intptr_t) dom, c.p, (int) timeout, (unsigned int) flags);
    lv_str_free(&c);
    if (result == NULL) {
        lv_fail(env, fn);
        return NULL;
    }
    jstring r = lv_cstr(env, result);
    free(result);
    return r;
}

static jlong JNICALL lv_qemu_attach(JNIEnv *env, jclass cls, jlong conn, jint pid, jint flags) {
    (void) cls;
    const char *fn = "virDomainQemuAttach";
    lv_t_attach f = (lv_t_attach) lv_qsym(env, &lv_qemu_lib, fn);
    if (f == NULL) {
        return 0;
    }
    virDomainPtr d = f((virConnectPtr) (intptr_t) conn, (unsigned int) pid, (unsigned int) flags);
    if (d == NULL) {
        lv_fail(env, fn);
    }
    return (jlong) (intptr_t) d;
}

/* The one virConnectDomainQemuMonitorEventCallback every registration passes. */
static jclass lv_qemu_class;
static jmethodID lv_qemu_event;

static void lv_qemu_event_cb(virConnectPtr conn, virDomainPtr dom, const char *event, long long seconds,
                             unsigned int micros, const char *details, void *opaque) {
    (void) conn;
    lv_upcall u;
    if (lv_upcall_begin(&u) != 0) {
        return;
    }
    JNIEnv *env = u.env;
    if ((*env)->PushLocalFrame(env, 8) == 0) {
        jstring e = event != NULL ? lv_cstr(env, event) : NULL;
        jstring d = details != NULL && !(*env)->ExceptionCheck(env) ? lv_cstr(env, details) : NULL;
        /* the handle Java makes owns a reference of its own */
        lv_t_virDomainRef ref = (lv_t_virDomainRef) lv_sym(LV_virDomainRef);
        if (!(*env)->ExceptionCheck(env) && ref != NULL && ref(dom) == 0) {
            (*env)->CallStaticVoidMethod(env, lv_qemu_class, lv_qemu_event, (jlong) (intptr_t) opaque,
                                         (jlong) (intptr_t) dom, e, (jlong) seconds, (jint) micros, d);
        }
        (*env)->PopLocalFrame(env, NULL);
    }
    lv_upcall_end(&u);
}

static jint JNICALL lv_qemu_event_register(JNIEnv *env, jclass cls, jlong conn, jlong dom, jstring event, jlong key,
                                           jint flags) {
    (void) cls;
    const char *fn = "virConnectDomainQemuMonitorEventRegister";
    lv_t_qemu_reg f = (lv_t_qemu_reg) lv_qsym(env, &lv_qemu_lib, fn);
    lv_str e;
    if (f == NULL || lv_jstr(env, event, &e) < 0) {
        return -1;
    }
    int id = f((virConnectPtr) (intptr_t) conn, (virDomainPtr) (intptr_t) dom, e.p, lv_qemu_event_cb,
               (void *) (intptr_t) key, lv_event_free_cb, (unsigned int) flags);
    lv_str_free(&e);
    if (id < 0) {
        lv_fail(env, fn);
    }
    return id;
}

static void JNICALL lv_qemu_event_deregister(JNIEnv *env, jclass cls, jlong conn, jint id) {
    (void) cls;
    const char *fn = "virConnectDomainQemuMonitorEventDeregister";
    lv_t_qemu_dereg f = (lv_t_qemu_dereg) lv_qsym(env, &lv_qemu_lib, fn);
    if (f != NULL && f((virConnectPtr) (intptr_t) conn, (int) id) < 0) {
        lv_fail(env, fn);
    }
}

static jintArray JNICALL lv_lxc_open_namespace(JNIEnv *env, jclass cls, jlong dom, jint flags) {
    (void) cls;
    const char *fn = "virDomainLxcOpenNamespace";
    lv_t_lxc_open f = (lv_t_lxc_open) lv_qsym(env, &lv_lxc_lib, fn);
    if (f == NULL) {
        return NULL;
    }
    int *fds = NULL;
    int n = f((virDomainPtr) (intptr_t) dom, &fds, (unsigned int) flags);
    if (n < 0) {
        lv_fail(env, fn);
        return NULL;
    }
    return lv_take_fds(env, fds, (unsigned int) n);
}

static jintArray JNICALL lv_lxc_enter_namespace(JNIEnv *env, jclass cls, jlong dom, jintArray fdlist, jint flags) {
    (void) cls;
    const char *fn = "virDomainLxcEnterNamespace";
    lv_t_lxc_enter f = (lv_t_lxc_enter) lv_qsym(env, &lv_lxc_lib, fn);
    if (f == NULL) {
        return NULL;
    }
    int *in;
    unsigned int nin;
    if (lv_jints(env, fdlist, &in, &nin) < 0) {
        return NULL;
    }
    unsigned int nold = 0;
    int *old = NULL;
    int rc = f((virDomainPtr) (intptr_t) dom, nin, in, &nold, &old, (unsigned int) flags);
    free(in);
    if (rc < 0) {
        lv_fail(env, fn);
        return NULL;
    }
    return lv_take_fds(env, old, nold);
}

static void JNICALL lv_lxc_enter_cgroup(JNIEnv *env, jclass cls, jlong dom, jint flags) {
    (void) cls;
    const char *fn = "virDomainLxcEnterCGroup";
    lv_t_lxc_cgroup f = (lv_t_lxc_cgroup) lv_qsym(env, &lv_lxc_lib, fn);
    if (f != NULL && f((virDomainPtr) (intptr_t) dom, (unsigned int) flags) < 0) {
        lv_fail(env, fn);
    }
}

/* Copies a Java string into a C char[size], cut to keep its NUL; returns -1 with an exception pending. */
static int lv_copy_bounded(JNIEnv *env, jstring s, char *dst, size_t size) {
    lv_str v;
    if (lv_jstr(env, s, &v) < 0) {
        return -1;
    }
    if (v.p != NULL) {
        snprintf(dst, size, "%s", v.p);
    }
    lv_str_free(&v);
    return 0;
}

/* {String label, Boolean enforcing}: the previous label. */
static jobjectArray JNICALL lv_lxc_enter_security_label(JNIEnv *env, jclass cls, jstring model, jstring doi,
                                                        jstring label, jboolean enforcing, jint flags) {
    (void) cls;
    const char *fn = "virDomainLxcEnterSecurityLabel";
    lv_t_lxc_label f = (lv_t_lxc_label) lv_qsym(env, &lv_lxc_lib, fn);
    if (f == NULL) {
        return NULL;
    }
    virSecurityModel m;
    virSecurityLabel l, old;
    memset(&m, 0, sizeof m);
    memset(&l, 0, sizeof l);
    memset(&old, 0, sizeof old);
    if (lv_copy_bounded(env, model, m.model, sizeof m.model) < 0 || lv_copy_bounded(env, doi, m.doi, sizeof m.doi) < 0
        || lv_copy_bounded(env, label, l.label, sizeof l.label) < 0) {
        return NULL;
    }
    l.enforcing = enforcing ? 1 : 0;
    if (f(&m, &l, &old, (unsigned int) flags) < 0) {
        lv_fail(env, fn);
        return NULL;
    }
    old.label[sizeof old.label - 1] = '\0';
    jstring s = lv_cstr(env, old.label);
    if (s == NULL) {
        return NULL;
    }
    jclass bc = (*env)->FindClass(env, "java/lang/Boolean");
    jmethodID valueOf = bc != NULL ? (*env)->GetStaticMethodID(env, bc, "valueOf", "(Z)Ljava/lang/Boolean;") : NULL;
    jobject b = valueOf != NULL ? (*env)->CallStaticObjectMethod(env, bc, valueOf, (jboolean) (old.enforcing == 1)) : NULL;
    if (b == NULL) {
        return NULL;
    }
    jobjectArray pair = (*env)->NewObjectArray(env, 2, (*env)->FindClass(env, "java/lang/Object"), NULL);
    if (pair != NULL) {
        (*env)->SetObjectArrayElement(env, pair, 0, s);
        (*env)->SetObjectArrayElement(env, pair, 1, b);
    }
    return pair;
}

static void JNICALL lv_close_fd(JNIEnv *env, jclass cls, jint fd) {
    (void) env;
    (void) cls;
    close((int) fd);
}

const JNINativeMethod lv_qemu_methods[] = {
    {"qemuMonitorCommand", "(JLjava/lang/String;I)Ljava/lang/String;", (void *) lv_qemu_monitor_command},
    {"qemuMonitorCommandWithFiles", "(JLjava/lang/String;[II)[Ljava/lang/Object;", (void *) lv_qemu_monitor_command_files},
    {"qemuAgentCommand", "(JLjava/lang/String;II)Ljava/lang/String;", (void *) lv_qemu_agent_command},
    {"qemuAttach", "(JII)J", (void *) lv_qemu_attach},
    {"qemuEventRegister", "(JJLjava/lang/String;JI)I", (void *) lv_qemu_event_register},
    {"qemuEventDeregister", "(JI)V", (void *) lv_qemu_event_deregister},
    {"lxcOpenNamespace", "(JI)[I", (void *) lv_lxc_open_namespace},
    {"lxcEnterNamespace", "(J[II)[I", (void *) lv_lxc_enter_namespace},
    {"lxcEnterCGroup", "(JI)V", (void *) lv_lxc_enter_cgroup},
    {"lxcEnterSecurityLabel", "(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;ZI)[Ljava/lang/Object;",
     (void *) lv_lxc_enter_security_label},
    {"closeFd", "(I)V", (void *) lv_close_fd},
};
const int lv_qemu_method_count = sizeof lv_qemu_methods / sizeof lv_qemu_methods[0];

int lv_qemu_init(JNIEnv *env) {
    jclass local = (*env)->FindClass(env, "org/libvirt4j/jni/JniQemuNatives");
    if (local == NULL) {
        return -1;
    }
    lv_qemu_class = (jclass) (*env)->NewGlobalRef(env, local);
    (*env)->DeleteLocalRef(env, local);
    if (lv_qemu_class == NULL) {
        return -1;
    }
    lv_qemu_event = (*env)->GetStaticMethodID(env, lv_qemu_class, "monitorEvent",
                                              "(JJLjava/lang/String;JILjava/lang/String;)V");
    if (lv_qemu_event == NULL) {
        return -1;
    }
    return (*env)->RegisterNatives(env, lv_qemu_class, lv_qemu_methods, lv_qemu_method_count) == 0 ? 0 : -1;
}
