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

const JNINativeMethod lv_irregular_methods[] = {
    {"structCall", "(IJLjava/lang/String;I[J)V", (void *) lv_struct_call},
    {"schedulerType", "(J)Ljava/lang/String;", (void *) lv_scheduler_type},
    {"sendKey", "(JII[II)V", (void *) lv_send_key},
    {"pin", "(IJI[BI)V", (void *) lv_pin},
    {"hostCpus", "(J)I", (void *) lv_host_cpus},
    {"vcpus", "(JI[J[B)I", (void *) lv_vcpus},
    {"vcpuPinInfo", "(JI[BI)I", (void *) lv_vcpu_pin_info},
    {"emulatorPinInfo", "(J[BI)V", (void *) lv_emulator_pin_info},
    {"iothreadInfo", "(JI)[Ljava/lang/Object;", (void *) lv_iothread_info},
};
const int lv_irregular_method_count = sizeof lv_irregular_methods / sizeof lv_irregular_methods[0];
