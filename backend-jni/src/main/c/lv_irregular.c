/*
 * The domain calls of irregular shape (small structs, CPU maps, key codes, IOThread lists), the
 * raw operations behind spi.DomainIrregularContract; registered on JniIrregularNatives. Each
 * releases what it allocates on every path and throws libvirt's error right after the call.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lv_core.h"

#define LV_DOM(d) ((virDomainPtr) (intptr_t) (d))

static int lv_need(JNIEnv *env, jarray a, jsize n) {
    if (a == NULL || (*env)->GetArrayLength(env, a) < n) {
        lv_throw_java(env, "java/lang/IllegalArgumentException", "result array too short");
        return -1;
    }
    return 0;
}

/* A Java byte[] copied to a malloc'd buffer (NULL for an empty array); -1 with an exception pending. */
static int lv_bytes_in(JNIEnv *env, jbyteArray a, unsigned char **out, jsize *len) {
    *out = NULL;
    *len = a == NULL ? 0 : (*env)->GetArrayLength(env, a);
    if (*len == 0) {
        return 0;
    }
    *out = malloc((size_t) *len);
    if (*out == NULL) {
        lv_throw(env, LV_ERR_NO_MEMORY, LV_FROM_NONE, "out of memory");
        return -1;
    }
    (*env)->GetByteArrayRegion(env, a, 0, *len, (jbyte *) *out);
    return 0;
}

/* which: 0 block info, 1 job info, 2 control info, 3 block job info, 4 time (spi StructCall order). */
static void JNICALL lv_struct_call(JNIEnv *env, jclass cls, jint which, jlong dom, jstring disk, jint flags,
                                   jlongArray out) {
    (void) cls;
    static const int slots[] = { LV_virDomainGetBlockInfo, LV_virDomainGetJobInfo, LV_virDomainGetControlInfo,
                                 LV_virDomainGetBlockJobInfo, LV_virDomainGetTime };
    static const int sizes[] = { 3, 12, 3, 5, 2 };
    if (which < 0 || which > 4) {
        lv_throw_java(env, "java/lang/IllegalArgumentException", "unknown struct call");
        return;
    }
    void *fn = lv_resolve(env, slots[which]);
    if (fn == NULL || lv_need(env, out, sizes[which]) != 0) {
        return;
    }
    const char *name = lv_names[slots[which]];
    jlong v[12];
    memset(v, 0, sizeof v);
    int r;
    if (which == 0 || which == 3) {
        lv_str path;
        lv_str_init(&path);
        if (lv_jstr(env, disk, &path) != 0) {
            return;
        }
        if (which == 0) {
            virDomainBlockInfo bi;
            memset(&bi, 0, sizeof bi);
            r = ((lv_t_virDomainGetBlockInfo) fn)(LV_DOM(dom), path.p, &bi, (unsigned int) flags);
            v[0] = (jlong) bi.capacity;
            v[1] = (jlong) bi.allocation;
            v[2] = (jlong) bi.physical;
        } else {
            virDomainBlockJobInfo ji;
            memset(&ji, 0, sizeof ji);
            r = ((lv_t_virDomainGetBlockJobInfo) fn)(LV_DOM(dom), path.p, &ji, (unsigned int) flags);
            if (r > 0) {
                v[0] = 1;
                v[1] = ji.type;
                v[2] = (jlong) ji.bandwidth;
                v[3] = (jlong) ji.cur;
                v[4] = (jlong) ji.end;
            }
        }
        lv_str_free(&path);
    } else if (which == 1) {
        virDomainJobInfo ji;
        memset(&ji, 0, sizeof ji);
        r = ((lv_t_virDomainGetJobInfo) fn)(LV_DOM(dom), &ji);
        jlong j[12] = { ji.type, (jlong) ji.timeElapsed, (jlong) ji.timeRemaining, (jlong) ji.dataTotal,
                        (jlong) ji.dataProcessed, (jlong) ji.dataRemaining, (jlong) ji.memTotal,
                        (jlong) ji.memProcessed, (jlong) ji.memRemaining, (jlong) ji.fileTotal,
                        (jlong) ji.fileProcessed, (jlong) ji.fileRemaining };
        memcpy(v, j, sizeof j);
    } else if (which == 2) {
        virDomainControlInfo ci;
        memset(&ci, 0, sizeof ci);
        r = ((lv_t_virDomainGetControlInfo) fn)(LV_DOM(dom), &ci, (unsigned int) flags);
        v[0] = ci.state;
        v[1] = ci.details;
        v[2] = (jlong) ci.stateTime;
    } else {
        long long secs = 0;
        unsigned int nsecs = 0;
        r = ((lv_t_virDomainGetTime) fn)(LV_DOM(dom), &secs, &nsecs, (unsigned int) flags);
        v[0] = secs;
        v[1] = nsecs;
    }
    if (r < 0) {
        lv_fail(env, name);
        return;
    }
    (*env)->SetLongArrayRegion(env, out, 0, sizes[which], v);
}

static jstring JNICALL lv_scheduler_type(JNIEnv *env, jclass cls, jlong dom) {
    (void) cls;
    lv_t_virDomainGetSchedulerType fn = (lv_t_virDomainGetSchedulerType) lv_resolve(env, LV_virDomainGetSchedulerType);
    if (fn == NULL) {
        return NULL;
    }
    int nparams = 0;
    char *s = fn(LV_DOM(dom), &nparams);
    if (s == NULL) {
        lv_fail(env, "virDomainGetSchedulerType");
        return NULL;
    }
    jstring j = lv_cstr(env, s);
    free(s);
    return j;
}


/* The caller's descriptors as a C int array (NULL for none); -1 with an exception pending. */
static int lv_fd_array(JNIEnv *env, jintArray a, int **out, unsigned int *n) {
    jsize len = (*env)->GetArrayLength(env, a);
    *out = NULL;
    *n = (unsigned int) len;
    if (len == 0) {
        return 0;
    }
    *out = malloc(sizeof(int) * (size_t) len);
    if (*out == NULL) {
        lv_throw(env, LV_ERR_NO_MEMORY, LV_FROM_NONE, "out of memory");
        return -1;
    }
    (*env)->GetIntArrayRegion(env, a, 0, len, (jint *) *out);
    return 0;
}

static void JNICALL lv_create_with_files(JNIEnv *env, jclass cls, jlong dom, jintArray files, jint flags) {
    (void) cls;
    lv_t_virDomainCreateWithFiles fn = (lv_t_virDomainCreateWithFiles) lv_resolve(env, LV_virDomainCreateWithFiles);
    int *fds;
    unsigned int n;
    if (fn == NULL || lv_fd_array(env, files, &fds, &n) < 0) {
        return;
    }
    int r = fn(LV_DOM(dom), n, fds, (unsigned int) flags);
    free(fds);
    if (r < 0) {
        lv_fail(env, "virDomainCreateWithFiles");
    }
}

static jlong JNICALL lv_create_xml_with_files(JNIEnv *env, jclass cls, jlong conn, jstring xml, jintArray files,
                                              jint flags) {
    (void) cls;
    lv_t_virDomainCreateXMLWithFiles fn =
        (lv_t_virDomainCreateXMLWithFiles) lv_resolve(env, LV_virDomainCreateXMLWithFiles);
    int *fds;
    unsigned int n;
    if (fn == NULL || lv_fd_array(env, files, &fds, &n) < 0) {
        return 0;
    }
    lv_str x;
    lv_str_init(&x);
    if (lv_jstr(env, xml, &x) != 0) {
        free(fds);
        return 0;
    }
    virDomainPtr d = fn((virConnectPtr) (intptr_t) conn, x.p, n, fds, (unsigned int) flags);
    lv_str_free(&x);
    free(fds);
    if (d == NULL) {
        lv_fail(env, "virDomainCreateXMLWithFiles");
        return 0;
    }
    return (jlong) (intptr_t) d;
}

static void JNICALL lv_fd_associate(JNIEnv *env, jclass cls, jlong dom, jstring name, jintArray files, jint flags) {
    (void) cls;
    lv_t_virDomainFDAssociate fn = (lv_t_virDomainFDAssociate) lv_resolve(env, LV_virDomainFDAssociate);
    int *fds;
    unsigned int n;
    if (fn == NULL || lv_fd_array(env, files, &fds, &n) < 0) {
        return;
    }
    lv_str nm;
    lv_str_init(&nm);
    if (lv_jstr(env, name, &nm) != 0) {
        free(fds);
        return;
    }
    int r = fn(LV_DOM(dom), nm.p, n, fds, (unsigned int) flags);
    lv_str_free(&nm);
    free(fds);
    if (r < 0) {
        lv_fail(env, "virDomainFDAssociate");
    }
}

static void JNICALL lv_send_key(JNIEnv *env, jclass cls, jlong dom, jint codeset, jint holdtime, jintArray keys,
                                jint flags) {
    (void) cls;
    lv_t_virDomainSendKey fn = (lv_t_virDomainSendKey) lv_resolve(env, LV_virDomainSendKey);
    if (fn == NULL) {
        return;
    }
    jsize n = keys == NULL ? 0 : (*env)->GetArrayLength(env, keys);
    unsigned int *codes = NULL;
    if (n > 0) {
        codes = malloc(sizeof(unsigned int) * (size_t) n);
        if (codes == NULL) {
            lv_throw(env, LV_ERR_NO_MEMORY, LV_FROM_NONE, "out of memory");
            return;
        }
        (*env)->GetIntArrayRegion(env, keys, 0, n, (jint *) codes);
    }
    int r = fn(LV_DOM(dom), (unsigned int) codeset, (unsigned int) holdtime, codes, n, (unsigned int) flags);
    free(codes);
    if (r < 0) {
        lv_fail(env, "virDomainSendKey");
    }
}

/* which: 0 vcpu, 1 vcpu flags, 2 emulator, 3 iothread (spi PinCall order). */
static void JNICALL lv_pin(JNIEnv *env, jclass cls, jint which, jlong dom, jint index, jbyteArray map, jint flags) {
    (void) cls;
    static const int slots[] = { LV_virDomainPinVcpu, LV_virDomainPinVcpuFlags, LV_virDomainPinEmulator,
                                 LV_virDomainPinIOThread };
    if (which < 0 || which > 3) {
        lv_throw_java(env, "java/lang/IllegalArgumentException", "unknown pin call");
        return;
    }
    void *fn = lv_resolve(env, slots[which]);
    if (fn == NULL) {
        return;
    }
    unsigned char *cpumap;
    jsize len;
    if (lv_bytes_in(env, map, &cpumap, &len) != 0) {
        return;
    }
    int r;
    switch (which) {
    case 0:
        r = ((lv_t_virDomainPinVcpu) fn)(LV_DOM(dom), (unsigned int) index, cpumap, len);
        break;
    case 1:
        r = ((lv_t_virDomainPinVcpuFlags) fn)(LV_DOM(dom), (unsigned int) index, cpumap, len, (unsigned int) flags);
        break;
    case 2:
        r = ((lv_t_virDomainPinEmulator) fn)(LV_DOM(dom), cpumap, len, (unsigned int) flags);
        break;
    default:
        r = ((lv_t_virDomainPinIOThread) fn)(LV_DOM(dom), (unsigned int) index, cpumap, len, (unsigned int) flags);
        break;
    }
    free(cpumap);
    if (r < 0) {
        lv_fail(env, lv_names[slots[which]]);
    }
}

static jint JNICALL lv_host_cpus(JNIEnv *env, jclass cls, jlong dom) {
    (void) cls;
    lv_t_virDomainGetConnect gc = (lv_t_virDomainGetConnect) lv_resolve(env, LV_virDomainGetConnect);
    if (gc == NULL) {
        return -1;
    }
    lv_t_virNodeGetInfo ni = (lv_t_virNodeGetInfo) lv_resolve(env, LV_virNodeGetInfo);
    if (ni == NULL) {
        return -1;
    }
    /* the domain's connection, without a new reference */
    virConnectPtr conn = gc(LV_DOM(dom));
    if (conn == NULL) {
        lv_fail(env, "virDomainGetConnect");
        return -1;
    }
    virNodeInfo info;
    memset(&info, 0, sizeof info);
    if (ni(conn, &info) < 0) {
        lv_fail(env, "virNodeGetInfo");
        return -1;
    }
    return (jint) (info.nodes * info.sockets * info.cores * info.threads);
}

static jint JNICALL lv_vcpus(JNIEnv *env, jclass cls, jlong dom, jint maxinfo, jlongArray info, jbyteArray maps) {
    (void) cls;
    lv_t_virDomainGetVcpus fn = (lv_t_virDomainGetVcpus) lv_resolve(env, LV_virDomainGetVcpus);
    if (fn == NULL || maxinfo < 0 || lv_need(env, info, 4 * maxinfo) != 0 || lv_need(env, maps, 0) != 0) {
        return -1;
    }
    jsize len = (*env)->GetArrayLength(env, maps);
    int maplen = maxinfo == 0 ? 0 : len / maxinfo;
    virVcpuInfo *vi = calloc(maxinfo > 0 ? (size_t) maxinfo : 1, sizeof *vi);
    unsigned char *cpumaps = calloc(len > 0 ? (size_t) len : 1, 1);
    if (vi == NULL || cpumaps == NULL) {
        free(vi);
        free(cpumaps);
        lv_throw(env, LV_ERR_NO_MEMORY, LV_FROM_NONE, "out of memory");
        return -1;
    }
    int n = fn(LV_DOM(dom), vi, maxinfo, len > 0 ? cpumaps : NULL, maplen);
    if (n < 0) {
        lv_fail(env, "virDomainGetVcpus");
    } else {
        if (n > maxinfo) {
            n = maxinfo;
        }
        for (int i = 0; i < n; i++) {
            jlong v[4] = { vi[i].number, vi[i].state, (jlong) vi[i].cpuTime, vi[i].cpu };
            (*env)->SetLongArrayRegion(env, info, 4 * i, 4, v);
        }
        (*env)->SetByteArrayRegion(env, maps, 0, len, (const jbyte *) cpumaps);
    }
    free(vi);
    free(cpumaps);
    return n;
}

static jint JNICALL lv_vcpu_pin_info(JNIEnv *env, jclass cls, jlong dom, jint ncpumaps, jbyteArray maps, jint flags) {
    (void) cls;
    lv_t_virDomainGetVcpuPinInfo fn = (lv_t_virDomainGetVcpuPinInfo) lv_resolve(env, LV_virDomainGetVcpuPinInfo);
    if (fn == NULL || lv_need(env, maps, 0) != 0) {
        return -1;
    }
    jsize len = (*env)->GetArrayLength(env, maps);
    int maplen = ncpumaps <= 0 ? 0 : len / ncpumaps;
    unsigned char *cpumaps = calloc(len > 0 ? (size_t) len : 1, 1);
    if (cpumaps == NULL) {
        lv_throw(env, LV_ERR_NO_MEMORY, LV_FROM_NONE, "out of memory");
        return -1;
    }
    int n = fn(LV_DOM(dom), ncpumaps, len > 0 ? cpumaps : NULL, maplen, (unsigned int) flags);
    if (n < 0) {
        lv_fail(env, "virDomainGetVcpuPinInfo");
    } else {
        (*env)->SetByteArrayRegion(env, maps, 0, len, (const jbyte *) cpumaps);
    }
    free(cpumaps);
    return n > ncpumaps ? ncpumaps : n;
}

static void JNICALL lv_emulator_pin_info(JNIEnv *env, jclass cls, jlong dom, jbyteArray map, jint flags) {
    (void) cls;
    lv_t_virDomainGetEmulatorPinInfo fn =
        (lv_t_virDomainGetEmulatorPinInfo) lv_resolve(env, LV_virDomainGetEmulatorPinInfo);
    if (fn == NULL || lv_need(env, map, 0) != 0) {
        return;
    }
    jsize len = (*env)->GetArrayLength(env, map);
    unsigned char *cpumap = calloc(len > 0 ? (size_t) len : 1, 1);
    if (cpumap == NULL) {
        lv_throw(env, LV_ERR_NO_MEMORY, LV_FROM_NONE, "out of memory");
        return;
    }
    int r = fn(LV_DOM(dom), len > 0 ? cpumap : NULL, len, (unsigned int) flags);
    if (r < 0) {
        lv_fail(env, "virDomainGetEmulatorPinInfo");
    } else {
        (*env)->SetByteArrayRegion(env, map, 0, len, (const jbyte *) cpumap);
    }
    free(cpumap);
}

/* Returns { int[] ids, byte[][] cpumaps }. */
static jobjectArray JNICALL lv_iothread_info(JNIEnv *env, jclass cls, jlong dom, jint flags) {
    (void) cls;
    lv_t_virDomainGetIOThreadInfo fn = (lv_t_virDomainGetIOThreadInfo) lv_resolve(env, LV_virDomainGetIOThreadInfo);
    lv_t_virDomainIOThreadInfoFree fr = (lv_t_virDomainIOThreadInfoFree) lv_resolve(env, LV_virDomainIOThreadInfoFree);
    if (fn == NULL || fr == NULL) {
        return NULL;
    }
    virDomainIOThreadInfoPtr *list = NULL;
    int n = fn(LV_DOM(dom), &list, (unsigned int) flags);
    if (n < 0) {
        lv_fail(env, "virDomainGetIOThreadInfo");
        return NULL;
    }
    jobjectArray result = NULL;
    jintArray ids = (*env)->NewIntArray(env, n);
    jclass bytes = (*env)->FindClass(env, "[B");
    jclass object = (*env)->FindClass(env, "java/lang/Object");
    jobjectArray maps = bytes != NULL ? (*env)->NewObjectArray(env, n, bytes, NULL) : NULL;
    if (ids != NULL && maps != NULL && object != NULL) {
        int ok = 1;
        for (int i = 0; i < n && ok; i++) {
            jint id = (jint) list[i]->iothread_id;
            (*env)->SetIntArrayRegion(env, ids, i, 1, &id);
            int len = list[i]->cpumaplen > 0 && list[i]->cpumap != NULL ? list[i]->cpumaplen : 0;
            jbyteArray m = (*env)->NewByteArray(env, len);
            if (m == NULL) {
                ok = 0;
                break;
            }
            (*env)->SetByteArrayRegion(env, m, 0, len, (const jbyte *) list[i]->cpumap);
            (*env)->SetObjectArrayElement(env, maps, i, m);
            (*env)->DeleteLocalRef(env, m);
        }
        if (ok) {
            result = (*env)->NewObjectArray(env, 2, object, NULL);
            if (result != NULL) {
                (*env)->SetObjectArrayElement(env, result, 0, ids);
                (*env)->SetObjectArrayElement(env, result, 1, maps);
            }
        }
    }
    for (int i = 0; i < n; i++) {
        fr(list[i]);
    }
    free(list);
    return result;
}

/* ---- arrays of strings and structs ---------------------------------------------------------- */

/* A Java String[] of n C strings (a NULL element stays null); NULL with an exception pending. */
static jobjectArray lv_ir_strings(JNIEnv *env, char *const *s, int n) {
    jclass string = (*env)->FindClass(env, "java/lang/String");
    jobjectArray out = string != NULL ? (*env)->NewObjectArray(env, n > 0 ? n : 0, string, NULL) : NULL;
    for (int i = 0; out != NULL && i < n; i++) {
        if (s[i] == NULL) {
            continue;
        }
        jstring j = lv_cstr(env, s[i]);
        if (j == NULL) {
            return NULL;
        }
        (*env)->SetObjectArrayElement(env, out, i, j);
        (*env)->DeleteLocalRef(env, j);
    }
    if (string != NULL) {
        (*env)->DeleteLocalRef(env, string);
    }
    return out;
}

static void lv_ir_free_strings(char **s, int n, int free_array) {
    if (s == NULL) {
        return;
    }
    for (int i = 0; i < n; i++) {
        free(s[i]);
    }
    if (free_array) {
        free(s);
    }
}

/* The C copy of a Java String[]; *out is NULL for an empty array. Free with lv_ir_free_strings(*out, n, 1). */
static int lv_ir_strings_in(JNIEnv *env, jobjectArray a, char ***out, int *n) {
    *out = NULL;
    *n = a == NULL ? 0 : (*env)->GetArrayLength(env, a);
    if (*n == 0) {
        return 0;
    }
    char **v = calloc((size_t) *n, sizeof *v);
    if (v == NULL) {
        lv_throw(env, LV_ERR_NO_MEMORY, LV_FROM_NONE, "out of memory");
        return -1;
    }
    for (int i = 0; i < *n; i++) {
        jstring j = (jstring) (*env)->GetObjectArrayElement(env, a, i);
        lv_str c;
        lv_str_init(&c);
        if (lv_jstr(env, j, &c) != 0) {
            lv_str_free(&c);
            lv_ir_free_strings(v, i, 1);
            return -1;
        }
        v[i] = strdup(c.p != NULL ? c.p : "");
        lv_str_free(&c);
        (*env)->DeleteLocalRef(env, j);
        if (v[i] == NULL) {
            lv_ir_free_strings(v, i, 1);
            lv_throw(env, LV_ERR_NO_MEMORY, LV_FROM_NONE, "out of memory");
            return -1;
        }
    }
    *out = v;
    return 0;
}

static jobjectArray lv_ir_objects(JNIEnv *env, int n) {
    jclass object = (*env)->FindClass(env, "java/lang/Object");
    jobjectArray out = object != NULL ? (*env)->NewObjectArray(env, n, object, NULL) : NULL;
    if (object != NULL) {
        (*env)->DeleteLocalRef(env, object);
    }
    return out;
}

static void lv_ir_set(JNIEnv *env, jobjectArray a, int i, jobject v) {
    (*env)->SetObjectArrayElement(env, a, i, v);
    if (v != NULL) {
        (*env)->DeleteLocalRef(env, v);
    }
}

static jint JNICALL lv_disk_error_count(JNIEnv *env, jclass cls, jlong dom) {
    (void) cls;
    lv_t_virDomainGetDiskErrors fn = (lv_t_virDomainGetDiskErrors) lv_resolve(env, LV_virDomainGetDiskErrors);
    if (fn == NULL) {
        return -1;
    }
    int n = fn(LV_DOM(dom), NULL, 0, 0);
    if (n < 0) {
        lv_fail(env, "virDomainGetDiskErrors");
    }
    return n;
}

/* Returns { String[] disks, int[] errors }. */
static jobjectArray JNICALL lv_disk_errors(JNIEnv *env, jclass cls, jlong dom, jint max, jint flags) {
    (void) cls;
    lv_t_virDomainGetDiskErrors fn = (lv_t_virDomainGetDiskErrors) lv_resolve(env, LV_virDomainGetDiskErrors);
    if (fn == NULL) {
        return NULL;
    }
    virDomainDiskError *e = calloc(max > 0 ? (size_t) max : 1, sizeof *e);
    if (e == NULL) {
        lv_throw(env, LV_ERR_NO_MEMORY, LV_FROM_NONE, "out of memory");
        return NULL;
    }
    int n = fn(LV_DOM(dom), max > 0 ? e : NULL, (unsigned int) max, (unsigned int) flags);
    jobjectArray out = NULL;
    if (n < 0) {
        lv_fail(env, "virDomainGetDiskErrors");
        free(e);
        return NULL;
    }
    if (n > max) {
        n = max;
    }
    char **disks = calloc(n > 0 ? (size_t) n : 1, sizeof *disks);
    jintArray codes = (*env)->NewIntArray(env, n);
    if (disks != NULL && codes != NULL) {
        for (int i = 0; i < n; i++) {
            disks[i] = e[i].disk;
            jint c = e[i].error;
            (*env)->SetIntArrayRegion(env, codes, i, 1, &c);
        }
        jobjectArray names = lv_ir_strings(env, disks, n);
        out = names != NULL ? lv_ir_objects(env, 2) : NULL;
        if (out != NULL) {
            lv_ir_set(env, out, 0, names);
            lv_ir_set(env, out, 1, codes);
        }
    } else if (disks == NULL) {
        lv_throw(env, LV_ERR_NO_MEMORY, LV_FROM_NONE, "out of memory");
    }
    for (int i = 0; i < n; i++) {
        free(e[i].disk);
    }
    free(disks);
    free(e);
    return out;
}

/* Returns one { mountpoint, name, fstype, String[] devAlias } per filesystem. */
static jobjectArray JNICALL lv_fs_info(JNIEnv *env, jclass cls, jlong dom, jint flags) {
    (void) cls;
    lv_t_virDomainGetFSInfo fn = (lv_t_virDomainGetFSInfo) lv_resolve(env, LV_virDomainGetFSInfo);
    lv_t_virDomainFSInfoFree fr = (lv_t_virDomainFSInfoFree) lv_resolve(env, LV_virDomainFSInfoFree);
    if (fn == NULL || fr == NULL) {
        return NULL;
    }
    virDomainFSInfoPtr *info = NULL;
    int n = fn(LV_DOM(dom), &info, (unsigned int) flags);
    if (n < 0) {
        lv_fail(env, "virDomainGetFSInfo");
        return NULL;
    }
    jobjectArray out = lv_ir_objects(env, n);
    for (int i = 0; out != NULL && i < n; i++) {
        jobjectArray f = lv_ir_objects(env, 4);
        char *strs[3] = { info[i]->mountpoint, info[i]->name, info[i]->fstype };
        jobjectArray s = f != NULL ? lv_ir_strings(env, strs, 3) : NULL;
        jobjectArray aliases = s != NULL ? lv_ir_strings(env, info[i]->devAlias, (int) info[i]->ndevAlias) : NULL;
        if (aliases == NULL) {
            out = NULL;
            break;
        }
        for (int k = 0; k < 3; k++) {
            lv_ir_set(env, f, k, (*env)->GetObjectArrayElement(env, s, k));
        }
        (*env)->DeleteLocalRef(env, s);
        lv_ir_set(env, f, 3, aliases);
        lv_ir_set(env, out, i, f);
    }
    for (int i = 0; i < n; i++) {
        fr(info[i]);
    }
    free(info);
    return out;
}

static jint JNICALL lv_fs_freeze_thaw(JNIEnv *env, jclass cls, jboolean freeze, jlong dom, jobjectArray mounts,
                                      jint flags) {
    (void) cls;
    int slot = freeze ? LV_virDomainFSFreeze : LV_virDomainFSThaw;
    lv_t_virDomainFSFreeze fn = (lv_t_virDomainFSFreeze) lv_resolve(env, slot);
    if (fn == NULL) {
        return -1;
    }
    char **m;
    int n;
    if (lv_ir_strings_in(env, mounts, &m, &n) != 0) {
        return -1;
    }
    int r = fn(LV_DOM(dom), (const char **) m, (unsigned int) n, (unsigned int) flags);
    lv_ir_free_strings(m, n, 1);
    if (r < 0) {
        lv_fail(env, lv_names[slot]);
    }
    return r;
}

/* Returns one { name, hwaddr, int[] types, String[] addrs, int[] prefixes } per interface. */
static jobjectArray JNICALL lv_interface_addresses(JNIEnv *env, jclass cls, jlong dom, jint source, jint flags) {
    (void) cls;
    lv_t_virDomainInterfaceAddresses fn =
        (lv_t_virDomainInterfaceAddresses) lv_resolve(env, LV_virDomainInterfaceAddresses);
    lv_t_virDomainInterfaceFree fr = (lv_t_virDomainInterfaceFree) lv_resolve(env, LV_virDomainInterfaceFree);
    if (fn == NULL || fr == NULL) {
        return NULL;
    }
    virDomainInterfacePtr *ifaces = NULL;
    int n = fn(LV_DOM(dom), &ifaces, (unsigned int) source, (unsigned int) flags);
    if (n < 0) {
        lv_fail(env, "virDomainInterfaceAddresses");
        return NULL;
    }
    jobjectArray out = lv_ir_objects(env, n);
    for (int i = 0; out != NULL && i < n; i++) {
        virDomainInterfacePtr f = ifaces[i];
        int na = (int) f->naddrs;
        jobjectArray o = lv_ir_objects(env, 5);
        char *strs[2] = { f->name, f->hwaddr };
        jobjectArray s = o != NULL ? lv_ir_strings(env, strs, 2) : NULL;
        jintArray types = s != NULL ? (*env)->NewIntArray(env, na) : NULL;
        jintArray prefixes = types != NULL ? (*env)->NewIntArray(env, na) : NULL;
        char **addrs = calloc(na > 0 ? (size_t) na : 1, sizeof *addrs);
        jobjectArray a = NULL;
        if (prefixes != NULL && addrs != NULL) {
            for (int k = 0; k < na; k++) {
                jint t = f->addrs[k].type;
                jint p = (jint) f->addrs[k].prefix;
                (*env)->SetIntArrayRegion(env, types, k, 1, &t);
                (*env)->SetIntArrayRegion(env, prefixes, k, 1, &p);
                addrs[k] = f->addrs[k].addr;
            }
            a = lv_ir_strings(env, addrs, na);
        }
        free(addrs);
        if (a == NULL) {
            if (!(*env)->ExceptionCheck(env)) {
                lv_throw(env, LV_ERR_NO_MEMORY, LV_FROM_NONE, "out of memory");
            }
            out = NULL;
            break;
        }
        lv_ir_set(env, o, 0, (*env)->GetObjectArrayElement(env, s, 0));
        lv_ir_set(env, o, 1, (*env)->GetObjectArrayElement(env, s, 1));
        (*env)->DeleteLocalRef(env, s);
        lv_ir_set(env, o, 2, types);
        lv_ir_set(env, o, 3, a);
        lv_ir_set(env, o, 4, prefixes);
        lv_ir_set(env, out, i, o);
    }
    for (int i = 0; i < n; i++) {
        fr(ifaces[i]);
    }
    free(ifaces);
    return out;
}

/* Returns { String[] labels, int[] enforcing }: one label, or the whole list. */
static jobjectArray lv_ir_labels(JNIEnv *env, virSecurityLabelPtr labels, int n) {
    char **s = calloc(n > 0 ? (size_t) n : 1, sizeof *s);
    jintArray enforcing = (*env)->NewIntArray(env, n);
    jobjectArray out = NULL;
    if (s == NULL || enforcing == NULL) {
        free(s);
        if (!(*env)->ExceptionCheck(env)) {
            lv_throw(env, LV_ERR_NO_MEMORY, LV_FROM_NONE, "out of memory");
        }
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        labels[i].label[sizeof labels[i].label - 1] = '\0';
        s[i] = labels[i].label;
        jint e = labels[i].enforcing;
        (*env)->SetIntArrayRegion(env, enforcing, i, 1, &e);
    }
    jobjectArray names = lv_ir_strings(env, s, n);
    free(s);
    out = names != NULL ? lv_ir_objects(env, 2) : NULL;
    if (out != NULL) {
        lv_ir_set(env, out, 0, names);
        lv_ir_set(env, out, 1, enforcing);
    }
    return out;
}

static jobjectArray JNICALL lv_security_label(JNIEnv *env, jclass cls, jlong dom) {
    (void) cls;
    lv_t_virDomainGetSecurityLabel fn = (lv_t_virDomainGetSecurityLabel) lv_resolve(env, LV_virDomainGetSecurityLabel);
    if (fn == NULL) {
        return NULL;
    }
    virSecurityLabel label;
    memset(&label, 0, sizeof label);
    if (fn(LV_DOM(dom), &label) < 0) {
        lv_fail(env, "virDomainGetSecurityLabel");
        return NULL;
    }
    return lv_ir_labels(env, &label, 1);
}

static jobjectArray JNICALL lv_security_label_list(JNIEnv *env, jclass cls, jlong dom) {
    (void) cls;
    lv_t_virDomainGetSecurityLabelList fn =
        (lv_t_virDomainGetSecurityLabelList) lv_resolve(env, LV_virDomainGetSecurityLabelList);
    if (fn == NULL) {
        return NULL;
    }
    virSecurityLabelPtr labels = NULL;
    int n = fn(LV_DOM(dom), &labels);
    if (n < 0) {
        lv_fail(env, "virDomainGetSecurityLabelList");
        return NULL;
    }
    jobjectArray out = lv_ir_labels(env, labels, n);
    free(labels);
    return out;
}

/* which: 0 messages (dom, &msgs, flags), 1 authorized keys (dom, user, &keys, flags). */
static jobjectArray JNICALL lv_owned_strings(JNIEnv *env, jclass cls, jint which, jlong dom, jstring user, jint flags) {
    (void) cls;
    int slot = which == 0 ? LV_virDomainGetMessages : LV_virDomainAuthorizedSSHKeysGet;
    void *fn = lv_resolve(env, slot);
    if (fn == NULL) {
        return NULL;
    }
    char **list = NULL;
    int n;
    if (which == 0) {
        n = ((lv_t_virDomainGetMessages) fn)(LV_DOM(dom), &list, (unsigned int) flags);
    } else {
        lv_str u;
        lv_str_init(&u);
        if (lv_jstr(env, user, &u) != 0) {
            return NULL;
        }
        n = ((lv_t_virDomainAuthorizedSSHKeysGet) fn)(LV_DOM(dom), u.p, &list, (unsigned int) flags);
        lv_str_free(&u);
    }
    if (n < 0) {
        lv_fail(env, lv_names[slot]);
        return NULL;
    }
    jobjectArray out = lv_ir_strings(env, list, n);
    lv_ir_free_strings(list, n, 1);
    return out;
}

static void JNICALL lv_ssh_keys_set(JNIEnv *env, jclass cls, jlong dom, jstring user, jobjectArray keys, jint flags) {
    (void) cls;
    lv_t_virDomainAuthorizedSSHKeysSet fn =
        (lv_t_virDomainAuthorizedSSHKeysSet) lv_resolve(env, LV_virDomainAuthorizedSSHKeysSet);
    if (fn == NULL) {
        return;
    }
    char **k;
    int n;
    if (lv_ir_strings_in(env, keys, &k, &n) != 0) {
        return;
    }
    lv_str u;
    lv_str_init(&u);
    if (lv_jstr(env, user, &u) != 0) {
        lv_ir_free_strings(k, n, 1);
        return;
    }
    int r = fn(LV_DOM(dom), u.p, (const char **) k, (unsigned int) n, (unsigned int) flags);
    lv_str_free(&u);
    lv_ir_free_strings(k, n, 1);
    if (r < 0) {
        lv_fail(env, "virDomainAuthorizedSSHKeysSet");
    }
}

/* disk NULL: virDomainMemoryPeek(dom, offset, size, buf, flags); else virDomainBlockPeek. */
static void JNICALL lv_peek(JNIEnv *env, jclass cls, jlong dom, jstring disk, jlong offset, jbyteArray buf, jint flags) {
    (void) cls;
    int slot = disk != NULL ? LV_virDomainBlockPeek : LV_virDomainMemoryPeek;
    void *fn = lv_resolve(env, slot);
    if (fn == NULL || lv_need(env, buf, 0) != 0) {
        return;
    }
    jsize size = (*env)->GetArrayLength(env, buf);
    unsigned char *b = calloc(size > 0 ? (size_t) size : 1, 1);
    if (b == NULL) {
        lv_throw(env, LV_ERR_NO_MEMORY, LV_FROM_NONE, "out of memory");
        return;
    }
    int r;
    if (disk != NULL) {
        lv_str d;
        lv_str_init(&d);
        if (lv_jstr(env, disk, &d) != 0) {
            free(b);
            return;
        }
        r = ((lv_t_virDomainBlockPeek) fn)(LV_DOM(dom), d.p, (unsigned long long) offset, (size_t) size,
                                           size > 0 ? b : NULL, (unsigned int) flags);
        lv_str_free(&d);
    } else {
        r = ((lv_t_virDomainMemoryPeek) fn)(LV_DOM(dom), (unsigned long long) offset, (size_t) size,
                                            size > 0 ? b : NULL, (unsigned int) flags);
    }
    if (r < 0) {
        lv_fail(env, lv_names[slot]);
    } else {
        (*env)->SetByteArrayRegion(env, buf, 0, size, (const jbyte *) b);
    }
    free(b);
}

/* which: 0 virDomainSnapshotListNames(dom, ...flags), 1 virDomainSnapshotListChildrenNames(snap, ...flags),
 * 2 virConnectListDefinedDomains(conn, names, max). */
static jobjectArray JNICALL lv_list_names(JNIEnv *env, jclass cls, jint which, jlong obj, jint max, jint flags) {
    (void) cls;
    static const int slots[] = { LV_virDomainSnapshotListNames, LV_virDomainSnapshotListChildrenNames,
                                 LV_virConnectListDefinedDomains };
    if (which < 0 || which > 2 || max < 0) {
        lv_throw_java(env, "java/lang/IllegalArgumentException", "unknown list call");
        return NULL;
    }
    void *fn = lv_resolve(env, slots[which]);
    if (fn == NULL) {
        return NULL;
    }
    char **names = calloc(max > 0 ? (size_t) max : 1, sizeof *names);
    if (names == NULL) {
        lv_throw(env, LV_ERR_NO_MEMORY, LV_FROM_NONE, "out of memory");
        return NULL;
    }
    int n;
    if (which == 0) {
        n = ((lv_t_virDomainSnapshotListNames) fn)(LV_DOM(obj), names, max, (unsigned int) flags);
    } else if (which == 1) {
        n = ((lv_t_virDomainSnapshotListChildrenNames) fn)((virDomainSnapshotPtr) (intptr_t) obj, names, max,
                                                            (unsigned int) flags);
    } else {
        n = ((lv_t_virConnectListDefinedDomains) fn)((virConnectPtr) (intptr_t) obj, names, max);
    }
    jobjectArray out = NULL;
    if (n < 0) {
        lv_fail(env, lv_names[slots[which]]);
    } else {
        out = lv_ir_strings(env, names, n > max ? max : n);
    }
    lv_ir_free_strings(names, n > max ? max : (n < 0 ? 0 : n), 1);
    return out;
}

static jintArray JNICALL lv_list_domains(JNIEnv *env, jclass cls, jlong conn, jint max) {
    (void) cls;
    lv_t_virConnectListDomains fn = (lv_t_virConnectListDomains) lv_resolve(env, LV_virConnectListDomains);
    if (fn == NULL) {
        return NULL;
    }
    int *ids = calloc(max > 0 ? (size_t) max : 1, sizeof *ids);
    if (ids == NULL) {
        lv_throw(env, LV_ERR_NO_MEMORY, LV_FROM_NONE, "out of memory");
        return NULL;
    }
    int n = fn((virConnectPtr) (intptr_t) conn, ids, max);
    jintArray out = NULL;
    if (n < 0) {
        lv_fail(env, "virConnectListDomains");
    } else {
        if (n > max) {
            n = max;
        }
        out = (*env)->NewIntArray(env, n);
        if (out != NULL) {
            (*env)->SetIntArrayRegion(env, out, 0, n, (const jint *) ids);
        }
    }
    free(ids);
    return out;
}

/* virDomainGetGuestVcpus: the parameters as lv_params_to_java (lv_manual.c) builds them. */
static jobjectArray JNICALL lv_guest_vcpus(JNIEnv *env, jclass cls, jlong dom, jint flags) {
    (void) cls;
    lv_t_virDomainGetGuestVcpus fn = (lv_t_virDomainGetGuestVcpus) lv_resolve(env, LV_virDomainGetGuestVcpus);
    if (fn == NULL) {
        return NULL;
    }
    virTypedParameterPtr params = NULL;
    unsigned int n = 0;
    if (fn(LV_DOM(dom), &params, &n, (unsigned int) flags) < 0) {
        lv_fail(env, "virDomainGetGuestVcpus");
        return NULL;
    }
    jobjectArray out = lv_params_to_java(env, NULL, params, (int) n);
    lv_params_clear(params, (int) n);
    return out;
}

/* virDomainGetGuestInfo: the parameters as lv_params_to_java (lv_manual.c) builds them. */
static jobjectArray JNICALL lv_guest_info(JNIEnv *env, jclass cls, jlong dom, jint types, jint flags) {
    (void) cls;
    lv_t_virDomainGetGuestInfo fn = (lv_t_virDomainGetGuestInfo) lv_resolve(env, LV_virDomainGetGuestInfo);
    if (fn == NULL) {
        return NULL;
    }
    virTypedParameterPtr params = NULL;
    int n = 0;
    if (fn(LV_DOM(dom), (unsigned int) types, &params, &n, (unsigned int) flags) < 0) {
        lv_fail(env, "virDomainGetGuestInfo");
        return NULL;
    }
    jobjectArray out = lv_params_to_java(env, NULL, params, n);
    lv_params_clear(params, n);
    return out;
}

static jint JNICALL lv_cpu_stats_count(JNIEnv *env, jclass cls, jlong dom, jint start, jint ncpus) {
    (void) cls;
    lv_t_virDomainGetCPUStats fn = (lv_t_virDomainGetCPUStats) lv_resolve(env, LV_virDomainGetCPUStats);
    if (fn == NULL) {
        return -1;
    }
    int n = fn(LV_DOM(dom), NULL, 0, start, (unsigned int) ncpus, 0);
    if (n < 0) {
        lv_fail(env, "virDomainGetCPUStats");
    }
    return n;
}

/* One lv_params_to_java array per CPU (one for the total, start -1). */
static jobjectArray JNICALL lv_cpu_stats(JNIEnv *env, jclass cls, jlong dom, jint nparams, jint start, jint ncpus,
                                         jint flags) {
    (void) cls;
    lv_t_virDomainGetCPUStats fn = (lv_t_virDomainGetCPUStats) lv_resolve(env, LV_virDomainGetCPUStats);
    if (fn == NULL) {
        return NULL;
    }
    int lists = start == -1 ? 1 : ncpus;
    long long total = (long long) nparams * lists;
    if (nparams < 0 || ncpus < 0 || total > (1 << 20)) {
        lv_throw_java(env, "java/lang/IllegalArgumentException", "nparams * ncpus too large");
        return NULL;
    }
    virTypedParameterPtr params = calloc(total > 0 ? (size_t) total : 1, sizeof *params);
    if (params == NULL) {
        lv_throw(env, LV_ERR_NO_MEMORY, LV_FROM_NONE, "out of memory");
        return NULL;
    }
    int n = fn(LV_DOM(dom), total > 0 ? params : NULL, (unsigned int) nparams, start, (unsigned int) ncpus,
               (unsigned int) flags);
    jobjectArray out = NULL;
    if (n < 0) {
        lv_fail(env, "virDomainGetCPUStats");
    } else {
        if (n > nparams) {
            n = nparams;
        }
        out = lv_ir_objects(env, lists);
        for (int i = 0; out != NULL && i < lists; i++) {
            jobjectArray one = lv_params_to_java(env, NULL, &params[(long long) i * nparams], n);
            if (one == NULL) {
                out = NULL;
                break;
            }
            lv_ir_set(env, out, i, one);
        }
    }
    lv_params_clear(params, (int) total);
    return out;
}

/* Typed parameters from the parallel arrays of Params.java; NULL with an exception pending. */
static virTypedParameterPtr lv_ir_params_in(JNIEnv *env, jobjectArray fields, jintArray types, jlongArray values,
                                            jobjectArray strings, int *count) {
    jsize n = fields == NULL ? 0 : (*env)->GetArrayLength(env, fields);
    if (types == NULL || values == NULL || strings == NULL || (*env)->GetArrayLength(env, types) != n
        || (*env)->GetArrayLength(env, values) != n || (*env)->GetArrayLength(env, strings) != n) {
        lv_throw_java(env, "java/lang/IllegalArgumentException", "typed parameter arrays differ in length");
        return NULL;
    }
    virTypedParameterPtr p = calloc((size_t) n + 1, sizeof *p);
    if (p == NULL) {
        lv_throw(env, LV_ERR_NO_MEMORY, LV_FROM_NONE, "out of memory");
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        jint t;
        jlong v;
        (*env)->GetIntArrayRegion(env, types, i, 1, &t);
        (*env)->GetLongArrayRegion(env, values, i, 1, &v);
        jstring f = (jstring) (*env)->GetObjectArrayElement(env, fields, i);
        lv_str fs;
        lv_str_init(&fs);
        if (f == NULL || lv_jstr(env, f, &fs) != 0 || strlen(fs.p) >= VIR_TYPED_PARAM_FIELD_LENGTH) {
            if (f != NULL && !(*env)->ExceptionCheck(env)) {
                lv_throw(env, LV_ERR_INVALID_ARG, LV_FROM_NONE,
                         "invalid argument: typed parameter field name too long");
            } else if (f == NULL) {
                lv_throw_java(env, "java/lang/NullPointerException", "field");
            }
            lv_str_free(&fs);
            lv_params_clear(p, i);
            return NULL;
        }
        memcpy(p[i].field, fs.p, strlen(fs.p) + 1);
        lv_str_free(&fs);
        (*env)->DeleteLocalRef(env, f);
        p[i].type = t;
        switch (t) {
        case 1: p[i].value.i = (int) v; break;
        case 2: p[i].value.ui = (unsigned int) v; break;
        case 3: p[i].value.l = v; break;
        case 4: p[i].value.ul = (unsigned long long) v; break;
        case 5: memcpy(&p[i].value.d, &v, sizeof v); break;
        case 6: p[i].value.b = v != 0; break;
        case 7: {
            jstring sj = (jstring) (*env)->GetObjectArrayElement(env, strings, i);
            lv_str ss;
            lv_str_init(&ss);
            if (sj == NULL || lv_jstr(env, sj, &ss) != 0 || (p[i].value.s = strdup(ss.p)) == NULL) {
                if (!(*env)->ExceptionCheck(env)) {
                    lv_throw(env, LV_ERR_NO_MEMORY, LV_FROM_NONE, "out of memory");
                }
                p[i].type = 0;
                lv_str_free(&ss);
                lv_params_clear(p, i + 1);
                return NULL;
            }
            lv_str_free(&ss);
            (*env)->DeleteLocalRef(env, sj);
            break;
        }
        default:
            lv_throw_java(env, "java/lang/IllegalArgumentException", "unknown typed parameter type");
            lv_params_clear(p, i);
            return NULL;
        }
    }
    *count = n;
    return p;
}

static void JNICALL lv_block_copy(JNIEnv *env, jclass cls, jlong dom, jstring disk, jstring destxml,
                                  jobjectArray fields, jintArray types, jlongArray values, jobjectArray strings,
                                  jint flags) {
    (void) cls;
    lv_t_virDomainBlockCopy fn = (lv_t_virDomainBlockCopy) lv_resolve(env, LV_virDomainBlockCopy);
    if (fn == NULL) {
        return;
    }
    int n = 0;
    virTypedParameterPtr params = lv_ir_params_in(env, fields, types, values, strings, &n);
    if (params == NULL) {
        return;
    }
    lv_str d, x;
    lv_str_init(&d);
    lv_str_init(&x);
    if (lv_jstr(env, disk, &d) == 0 && lv_jstr(env, destxml, &x) == 0) {
        if (fn(LV_DOM(dom), d.p, x.p, params, n, (unsigned int) flags) < 0) {
            lv_fail(env, "virDomainBlockCopy");
        }
    }
    lv_str_free(&d);
    lv_str_free(&x);
    lv_params_clear(params, n);
}

/* virDomainMigrate (which == 0) or virDomainMigrate2 (which == 1): libvirt drives the steps
 * between the two connections itself. */
static jlong JNICALL lv_migrate(JNIEnv *env, jclass cls, jint which, jlong dom, jlong dconn, jstring dxml, jlong flags,
                                jstring dname, jstring uri, jlong bandwidth) {
    (void) cls;
    const char *name = which == 0 ? "virDomainMigrate" : "virDomainMigrate2";
    void *fn = lv_resolve(env, which == 0 ? LV_virDomainMigrate : LV_virDomainMigrate2);
    if (fn == NULL) {
        return 0;
    }
    lv_str x, n, u;
    lv_str_init(&x);
    lv_str_init(&n);
    lv_str_init(&u);
    virDomainPtr r = NULL;
    if (lv_jstr(env, dxml, &x) == 0 && lv_jstr(env, dname, &n) == 0 && lv_jstr(env, uri, &u) == 0) {
        if (which == 0) {
            r = ((lv_t_virDomainMigrate) fn)(LV_DOM(dom), (virConnectPtr) (intptr_t) dconn, (unsigned long) flags,
                                             n.p, u.p, (unsigned long) bandwidth);
        } else {
            r = ((lv_t_virDomainMigrate2) fn)(LV_DOM(dom), (virConnectPtr) (intptr_t) dconn, x.p,
                                              (unsigned long) flags, n.p, u.p, (unsigned long) bandwidth);
        }
        if (r == NULL) {
            lv_fail(env, name);
        }
    }
    lv_str_free(&x);
    lv_str_free(&n);
    lv_str_free(&u);
    return (jlong) (intptr_t) r;
}

static jlong JNICALL lv_migrate3(JNIEnv *env, jclass cls, jlong dom, jlong dconn, jobjectArray fields, jintArray types,
                                 jlongArray values, jobjectArray strings, jint flags) {
    (void) cls;
    lv_t_virDomainMigrate3 fn = (lv_t_virDomainMigrate3) lv_resolve(env, LV_virDomainMigrate3);
    if (fn == NULL) {
        return 0;
    }
    int n = 0;
    virTypedParameterPtr params = lv_ir_params_in(env, fields, types, values, strings, &n);
    if (params == NULL) {
        return 0;
    }
    virDomainPtr r = fn(LV_DOM(dom), (virConnectPtr) (intptr_t) dconn, params, (unsigned int) n, (unsigned int) flags);
    if (r == NULL) {
        lv_fail(env, "virDomainMigrate3");
    }
    lv_params_clear(params, n);
    return (jlong) (intptr_t) r;
}

/* virDomainMigrateToURI (which == 0: dconnuri is duri) or virDomainMigrateToURI2 (which == 1). */
static void JNICALL lv_migrate_to_uri(JNIEnv *env, jclass cls, jint which, jlong dom, jstring dconnuri, jstring miguri,
                                      jstring dxml, jlong flags, jstring dname, jlong bandwidth) {
    (void) cls;
    const char *name = which == 0 ? "virDomainMigrateToURI" : "virDomainMigrateToURI2";
    void *fn = lv_resolve(env, which == 0 ? LV_virDomainMigrateToURI : LV_virDomainMigrateToURI2);
    if (fn == NULL) {
        return;
    }
    lv_str c, m, x, n;
    lv_str_init(&c);
    lv_str_init(&m);
    lv_str_init(&x);
    lv_str_init(&n);
    if (lv_jstr(env, dconnuri, &c) == 0 && lv_jstr(env, miguri, &m) == 0 && lv_jstr(env, dxml, &x) == 0
            && lv_jstr(env, dname, &n) == 0) {
        int r;
        if (which == 0) {
            r = ((lv_t_virDomainMigrateToURI) fn)(LV_DOM(dom), c.p, (unsigned long) flags, n.p,
                                                  (unsigned long) bandwidth);
        } else {
            r = ((lv_t_virDomainMigrateToURI2) fn)(LV_DOM(dom), c.p, m.p, x.p, (unsigned long) flags, n.p,
                                                   (unsigned long) bandwidth);
        }
        if (r < 0) {
            lv_fail(env, name);
        }
    }
    lv_str_free(&c);
    lv_str_free(&m);
    lv_str_free(&x);
    lv_str_free(&n);
}

const JNINativeMethod lv_irregular_methods[] = {
    {"structCall", "(IJLjava/lang/String;I[J)V", (void *) lv_struct_call},
    {"schedulerType", "(J)Ljava/lang/String;", (void *) lv_scheduler_type},
    {"sendKey", "(JII[II)V", (void *) lv_send_key},
    {"createWithFiles", "(J[II)V", (void *) lv_create_with_files},
    {"createXMLWithFiles", "(JLjava/lang/String;[II)J", (void *) lv_create_xml_with_files},
    {"fdAssociate", "(JLjava/lang/String;[II)V", (void *) lv_fd_associate},
    {"pin", "(IJI[BI)V", (void *) lv_pin},
    {"hostCpus", "(J)I", (void *) lv_host_cpus},
    {"vcpus", "(JI[J[B)I", (void *) lv_vcpus},
    {"vcpuPinInfo", "(JI[BI)I", (void *) lv_vcpu_pin_info},
    {"emulatorPinInfo", "(J[BI)V", (void *) lv_emulator_pin_info},
    {"iothreadInfo", "(JI)[Ljava/lang/Object;", (void *) lv_iothread_info},
    {"diskErrorCount", "(J)I", (void *) lv_disk_error_count},
    {"diskErrors", "(JII)[Ljava/lang/Object;", (void *) lv_disk_errors},
    {"fsInfo", "(JI)[Ljava/lang/Object;", (void *) lv_fs_info},
    {"fsFreezeThaw", "(ZJ[Ljava/lang/String;I)I", (void *) lv_fs_freeze_thaw},
    {"interfaceAddresses", "(JII)[Ljava/lang/Object;", (void *) lv_interface_addresses},
    {"securityLabel", "(J)[Ljava/lang/Object;", (void *) lv_security_label},
    {"securityLabelList", "(J)[Ljava/lang/Object;", (void *) lv_security_label_list},
    {"ownedStrings", "(IJLjava/lang/String;I)[Ljava/lang/String;", (void *) lv_owned_strings},
    {"sshKeysSet", "(JLjava/lang/String;[Ljava/lang/String;I)V", (void *) lv_ssh_keys_set},
    {"peek", "(JLjava/lang/String;J[BI)V", (void *) lv_peek},
    {"listNames", "(IJII)[Ljava/lang/String;", (void *) lv_list_names},
    {"listDomains", "(JI)[I", (void *) lv_list_domains},
    {"guestVcpus", "(JI)[Ljava/lang/Object;", (void *) lv_guest_vcpus},
    {"guestInfo", "(JII)[Ljava/lang/Object;", (void *) lv_guest_info},
    {"cpuStatsCount", "(JII)I", (void *) lv_cpu_stats_count},
    {"cpuStats", "(JIIII)[Ljava/lang/Object;", (void *) lv_cpu_stats},
    {"blockCopy", "(JLjava/lang/String;Ljava/lang/String;[Ljava/lang/String;[I[J[Ljava/lang/String;I)V",
     (void *) lv_block_copy},
    {"migrate", "(IJJLjava/lang/String;JLjava/lang/String;Ljava/lang/String;J)J", (void *) lv_migrate},
    {"migrate3", "(JJ[Ljava/lang/String;[I[J[Ljava/lang/String;I)J", (void *) lv_migrate3},
    {"migrateToURI", "(IJLjava/lang/String;Ljava/lang/String;Ljava/lang/String;JLjava/lang/String;J)V",
     (void *) lv_migrate_to_uri},
};
const int lv_irregular_method_count = sizeof lv_irregular_methods / sizeof lv_irregular_methods[0];
