/*
 * The JNI backend's hand-written host, list and lookup calls of issue 10 (JniManual.java): the
 * legacy name lists, CPU models and baselines, the CPU map, cell memory and pages, node
 * statistics, the security model, volume info flags and DHCP leases. Every array libvirt
 * allocates is freed here, whatever happens on the Java side.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lv_core.h"

/* The legacy list calls; the numbers match JniManualNatives.N_*. */
static const int lv_name_lists[] = {
    LV_virConnectListNetworks, LV_virConnectListDefinedNetworks, LV_virConnectListInterfaces,
    LV_virConnectListDefinedInterfaces, LV_virConnectListStoragePools, LV_virConnectListDefinedStoragePools,
    LV_virConnectListNWFilters, LV_virConnectListSecrets, LV_virStoragePoolListVolumes, LV_virNodeListDevices,
};
#define LV_NODE_LIST_DEVICES 9

typedef int (*lv_names_fn)(void *, char **const, int);

/* A new String[] of names[0..n); NULL with an exception pending on failure. */
static jobjectArray lv_host_strings(JNIEnv *env, char **names, int n) {
    jclass string = (*env)->FindClass(env, "java/lang/String");
    jobjectArray out = string != NULL ? (*env)->NewObjectArray(env, n, string, NULL) : NULL;
    for (int i = 0; out != NULL && i < n; i++) {
        if (names[i] == NULL) {
            continue;
        }
        jstring s = lv_cstr(env, names[i]);
        if (s == NULL) {
            return NULL;
        }
        (*env)->SetObjectArrayElement(env, out, i, s);
        (*env)->DeleteLocalRef(env, s);
    }
    return out;
}

static jobjectArray JNICALL lv_host_list_names(JNIEnv *env, jclass cls, jint which, jlong obj, jstring cap, jint max,
                                               jint flags) {
    (void) cls;
    if (which < 0 || which >= (jint) (sizeof lv_name_lists / sizeof lv_name_lists[0]) || max < 0) {
        lv_throw_java(env, "java/lang/IllegalArgumentException", "unknown list or negative size");
        return NULL;
    }
    void *fn = lv_resolve(env, lv_name_lists[which]);
    if (fn == NULL) {
        return NULL;
    }
    char **names = calloc((size_t) max + 1, sizeof *names);
    if (names == NULL) {
        lv_throw_java(env, "java/lang/OutOfMemoryError", "no memory for names");
        return NULL;
    }
    int n;
    if (which == LV_NODE_LIST_DEVICES) {
        lv_str c = LV_STR_INIT;
        if (lv_jstr(env, cap, &c) != 0) {
            free(names);
            return NULL;
        }
        n = ((lv_t_virNodeListDevices) fn)((virConnectPtr) (intptr_t) obj, c.p, max > 0 ? names : NULL, max,
                                             (unsigned int) flags);
        lv_str_free(&c);
    } else {
        n = ((lv_names_fn) fn)((void *) (intptr_t) obj, max > 0 ? names : NULL, max);
    }
    jobjectArray out = NULL;
    if (n < 0) {
        lv_fail(env, lv_names[lv_name_lists[which]]);
    } else {
        out = lv_host_strings(env, names, n > max ? max : n);
    }
    for (int i = 0; i < max; i++) {
        free(names[i]);
    }
    free(names);
    return out;
}

static jobjectArray JNICALL lv_host_cpu_model_names(JNIEnv *env, jclass cls, jlong conn, jstring arch, jint flags) {
    (void) cls;
    lv_t_virConnectGetCPUModelNames fn = (lv_t_virConnectGetCPUModelNames) lv_resolve(env, LV_virConnectGetCPUModelNames);
    lv_str a = LV_STR_INIT;
    if (fn == NULL || lv_jstr(env, arch, &a) != 0) {
        return NULL;
    }
    char **models = NULL;
    int n = fn((virConnectPtr) (intptr_t) conn, a.p, &models, (unsigned int) flags);
    lv_str_free(&a);
    if (n < 0) {
        lv_fail(env, "virConnectGetCPUModelNames");
        return NULL;
    }
    jobjectArray out = lv_host_strings(env, models, models != NULL ? n : 0);
    if (models != NULL) {
        for (int i = 0; i < n; i++) {
            free(models[i]);
        }
        free(models);
    }
    return out;
}

static jstring JNICALL lv_host_baseline(JNIEnv *env, jclass cls, jlong conn, jobjectArray strs, jobjectArray xml,
                                        jint flags, jboolean hypervisor) {
    (void) cls;
    void *fn = lv_resolve(env, hypervisor ? LV_virConnectBaselineHypervisorCPU : LV_virConnectBaselineCPU);
    if (fn == NULL) {
        return NULL;
    }
    jsize n = (*env)->GetArrayLength(env, xml);
    lv_str named[4];
    for (int i = 0; i < 4; i++) {
        lv_str_init(&named[i]);
    }
    lv_str *cpus = calloc((size_t) n + 1, sizeof *cpus);
    const char **ptrs = calloc((size_t) n + 1, sizeof *ptrs);
    jstring out = NULL;
    int ok = cpus != NULL && ptrs != NULL;
    if (!ok) {
        lv_throw_java(env, "java/lang/OutOfMemoryError", "no memory for CPU descriptions");
    }
    jsize done = 0;
    while (ok && done < n) {
        lv_str_init(&cpus[done]);
        jstring s = (jstring) (*env)->GetObjectArrayElement(env, xml, done);
        ok = lv_jstr(env, s, &cpus[done]) == 0;
        (*env)->DeleteLocalRef(env, s);
        ptrs[done] = cpus[done].p;
        done++;
    }
    for (int i = 0; ok && hypervisor && i < 4; i++) {
        jstring s = (jstring) (*env)->GetObjectArrayElement(env, strs, i);
        ok = lv_jstr(env, s, &named[i]) == 0;
        (*env)->DeleteLocalRef(env, s);
    }
    if (ok) {
        /* no CPUs: NULL, as libvirt's remote server passes an empty list */
        const char **list = n > 0 ? ptrs : NULL;
        char *r = hypervisor
            ? ((lv_t_virConnectBaselineHypervisorCPU) fn)((virConnectPtr) (intptr_t) conn, named[0].p, named[1].p,
                                                         named[2].p, named[3].p, list, (unsigned int) n,
                                                         (unsigned int) flags)
            : ((lv_t_virConnectBaselineCPU) fn)((virConnectPtr) (intptr_t) conn, list, (unsigned int) n,
                                               (unsigned int) flags);
        if (r == NULL) {
            lv_fail(env, hypervisor ? "virConnectBaselineHypervisorCPU" : "virConnectBaselineCPU");
        } else {
            out = lv_cstr(env, r);
            free(r);
        }
    }
    for (jsize i = 0; cpus != NULL && i < done; i++) {
        lv_str_free(&cpus[i]);
    }
    for (int i = 0; i < 4; i++) {
        lv_str_free(&named[i]);
    }
    free(cpus);
    free(ptrs);
    return out;
}

/* out[0] = online, out[1] = number of CPUs; returns the bitmap. */
static jbyteArray JNICALL lv_host_cpu_map(JNIEnv *env, jclass cls, jlong conn, jint flags, jintArray out) {
    (void) cls;
    lv_t_virNodeGetCPUMap fn = (lv_t_virNodeGetCPUMap) lv_resolve(env, LV_virNodeGetCPUMap);
    if (fn == NULL || (*env)->GetArrayLength(env, out) < 2) {
        return NULL;
    }
    unsigned char *map = NULL;
    unsigned int online = 0;
    int cpus = fn((virConnectPtr) (intptr_t) conn, &map, &online, (unsigned int) flags);
    if (cpus < 0) {
        lv_fail(env, "virNodeGetCPUMap");
        return NULL;
    }
    jsize len = map != NULL ? (jsize) ((cpus + 7) / 8) : 0;
    jbyteArray bits = (*env)->NewByteArray(env, len);
    if (bits != NULL && len > 0) {
        (*env)->SetByteArrayRegion(env, bits, 0, len, (const jbyte *) map);
    }
    free(map);
    jint vals[2] = {(jint) online, (jint) cpus};
    if (bits != NULL) {
        (*env)->SetIntArrayRegion(env, out, 0, 2, vals);
    }
    return bits;
}

static jlongArray JNICALL lv_host_cells_free_memory(JNIEnv *env, jclass cls, jlong conn, jint start, jint max) {
    (void) cls;
    lv_t_virNodeGetCellsFreeMemory fn = (lv_t_virNodeGetCellsFreeMemory) lv_resolve(env, LV_virNodeGetCellsFreeMemory);
    if (fn == NULL) {
        return NULL;
    }
    if (max <= 0) {
        lv_throw_java(env, "java/lang/IllegalArgumentException", "maxCells");
        return NULL;
    }
    unsigned long long *free_mems = calloc((size_t) max, sizeof *free_mems);
    if (free_mems == NULL) {
        lv_throw_java(env, "java/lang/OutOfMemoryError", "no memory for cells");
        return NULL;
    }
    int n = fn((virConnectPtr) (intptr_t) conn, free_mems, start, max);
    jlongArray out = NULL;
    if (n < 0) {
        lv_fail(env, "virNodeGetCellsFreeMemory");
    } else {
        out = (*env)->NewLongArray(env, n);
        if (out != NULL) {
            (*env)->SetLongArrayRegion(env, out, 0, n, (const jlong *) free_mems);
        }
    }
    free(free_mems);
    return out;
}

static jlongArray JNICALL lv_host_free_pages(JNIEnv *env, jclass cls, jlong conn, jintArray pages, jint start,
                                             jint cell_count, jint flags) {
    (void) cls;
    lv_t_virNodeGetFreePages fn = (lv_t_virNodeGetFreePages) lv_resolve(env, LV_virNodeGetFreePages);
    if (fn == NULL) {
        return NULL;
    }
    jsize npages = (*env)->GetArrayLength(env, pages);
    size_t total = (size_t) npages * (size_t) (unsigned int) cell_count;
    unsigned int *sizes = calloc((size_t) npages + 1, sizeof *sizes);
    unsigned long long *counts = calloc(total + 1, sizeof *counts);
    jlongArray out = NULL;
    if (sizes == NULL || counts == NULL) {
        lv_throw_java(env, "java/lang/OutOfMemoryError", "no memory for pages");
    } else {
        (*env)->GetIntArrayRegion(env, pages, 0, npages, (jint *) sizes);
        int r = fn((virConnectPtr) (intptr_t) conn, (unsigned int) npages, sizes, start, (unsigned int) cell_count,
                   counts, (unsigned int) flags);
        if (r < 0) {
            lv_fail(env, "virNodeGetFreePages");
        } else {
            out = (*env)->NewLongArray(env, (jsize) total);
            if (out != NULL) {
                (*env)->SetLongArrayRegion(env, out, 0, (jsize) total, (const jlong *) counts);
            }
        }
    }
    free(sizes);
    free(counts);
    return out;
}

static jint JNICALL lv_host_alloc_pages(JNIEnv *env, jclass cls, jlong conn, jintArray sizes, jlongArray counts,
                                        jint start, jint cell_count, jint flags) {
    (void) cls;
    lv_t_virNodeAllocPages fn = (lv_t_virNodeAllocPages) lv_resolve(env, LV_virNodeAllocPages);
    if (fn == NULL) {
        return -1;
    }
    jsize n = (*env)->GetArrayLength(env, sizes);
    if ((*env)->GetArrayLength(env, counts) != n) {
        lv_throw_java(env, "java/lang/IllegalArgumentException", "sizes and counts differ in length");
        return -1;
    }
    unsigned int *s = calloc((size_t) n + 1, sizeof *s);
    unsigned long long *c = calloc((size_t) n + 1, sizeof *c);
    int r = -1;
    if (s == NULL || c == NULL) {
        lv_throw_java(env, "java/lang/OutOfMemoryError", "no memory for pages");
    } else {
        (*env)->GetIntArrayRegion(env, sizes, 0, n, (jint *) s);
        (*env)->GetLongArrayRegion(env, counts, 0, n, (jlong *) c);
        r = fn((virConnectPtr) (intptr_t) conn, (unsigned int) n, s, c, start, (unsigned int) cell_count,
               (unsigned int) flags);
        if (r < 0) {
            lv_fail(env, "virNodeAllocPages");
        }
    }
    free(s);
    free(c);
    return r;
}

/* which 0: virNodeGetCPUStats, 1: virNodeGetMemoryStats (the same layout); returns {String[], long[]}. */
static jobjectArray JNICALL lv_host_node_stats(JNIEnv *env, jclass cls, jint which, jlong conn, jint num, jint flags) {
    (void) cls;
    const char *name = which == 0 ? "virNodeGetCPUStats" : "virNodeGetMemoryStats";
    typedef int (*stats_fn)(virConnectPtr, int, virNodeCPUStats *, int *, unsigned int);
    stats_fn fn = (stats_fn) lv_resolve(env, which == 0 ? LV_virNodeGetCPUStats : LV_virNodeGetMemoryStats);
    if (fn == NULL) {
        return NULL;
    }
    int n = 0;
    if (fn((virConnectPtr) (intptr_t) conn, num, NULL, &n, (unsigned int) flags) < 0) {
        lv_fail(env, name);
        return NULL;
    }
    virNodeCPUStats *params = calloc((size_t) (n > 0 ? n : 0) + 1, sizeof *params);
    if (params == NULL) {
        lv_throw_java(env, "java/lang/OutOfMemoryError", "no memory for statistics");
        return NULL;
    }
    int got = n;
    if (n > 0 && fn((virConnectPtr) (intptr_t) conn, num, params, &got, (unsigned int) flags) < 0) {
        lv_fail(env, name);
        free(params);
        return NULL;
    }
    if (got > n || got < 0) {
        got = n > 0 ? n : 0;
    }
    jobjectArray out = NULL;
    jclass object = (*env)->FindClass(env, "java/lang/Object");
    jclass string = (*env)->FindClass(env, "java/lang/String");
    jobjectArray fields = string != NULL ? (*env)->NewObjectArray(env, got, string, NULL) : NULL;
    jlongArray values = fields != NULL ? (*env)->NewLongArray(env, got) : NULL;
    int ok = values != NULL && object != NULL;
    for (int i = 0; ok && i < got; i++) {
        params[i].field[sizeof params[i].field - 1] = '\0';
        jstring f = lv_cstr(env, params[i].field);
        ok = f != NULL;
        if (ok) {
            (*env)->SetObjectArrayElement(env, fields, i, f);
            (*env)->DeleteLocalRef(env, f);
            jlong v = (jlong) params[i].value;
            (*env)->SetLongArrayRegion(env, values, i, 1, &v);
        }
    }
    if (ok) {
        out = (*env)->NewObjectArray(env, 2, object, NULL);
        if (out != NULL) {
            (*env)->SetObjectArrayElement(env, out, 0, fields);
            (*env)->SetObjectArrayElement(env, out, 1, values);
        }
    }
    free(params);
    return out;
}

static jobjectArray JNICALL lv_host_security_model(JNIEnv *env, jclass cls, jlong conn) {
    (void) cls;
    lv_t_virNodeGetSecurityModel fn = (lv_t_virNodeGetSecurityModel) lv_resolve(env, LV_virNodeGetSecurityModel);
    if (fn == NULL) {
        return NULL;
    }
    virSecurityModel model;
    memset(&model, 0, sizeof model);
    if (fn((virConnectPtr) (intptr_t) conn, &model) < 0) {
        lv_fail(env, "virNodeGetSecurityModel");
        return NULL;
    }
    model.model[sizeof model.model - 1] = '\0';
    model.doi[sizeof model.doi - 1] = '\0';
    char *both[2] = {model.model, model.doi};
    return lv_host_strings(env, both, 2);
}

static jlongArray JNICALL lv_host_vol_info_flags(JNIEnv *env, jclass cls, jlong vol, jint flags) {
    (void) cls;
    lv_t_virStorageVolGetInfoFlags fn = (lv_t_virStorageVolGetInfoFlags) lv_resolve(env, LV_virStorageVolGetInfoFlags);
    if (fn == NULL) {
        return NULL;
    }
    virStorageVolInfo info;
    memset(&info, 0, sizeof info);
    if (fn((virStorageVolPtr) (intptr_t) vol, &info, (unsigned int) flags) < 0) {
        lv_fail(env, "virStorageVolGetInfoFlags");
        return NULL;
    }
    jlong v[3] = {info.type, (jlong) info.capacity, (jlong) info.allocation};
    jlongArray out = (*env)->NewLongArray(env, 3);
    if (out != NULL) {
        (*env)->SetLongArrayRegion(env, out, 0, 3, v);
    }
    return out;
}

/* Returns {String[6 * n] (iface, mac, iaid, ipaddr, hostname, clientid), long[3 * n] (expiry, type, prefix)}. */
static jobjectArray JNICALL lv_host_dhcp_leases(JNIEnv *env, jclass cls, jlong net, jstring mac, jint flags) {
    (void) cls;
    lv_t_virNetworkGetDHCPLeases fn = (lv_t_virNetworkGetDHCPLeases) lv_resolve(env, LV_virNetworkGetDHCPLeases);
    lv_t_virNetworkDHCPLeaseFree lease_free = fn != NULL
        ? (lv_t_virNetworkDHCPLeaseFree) lv_resolve(env, LV_virNetworkDHCPLeaseFree) : NULL;
    lv_str m = LV_STR_INIT;
    if (lease_free == NULL || lv_jstr(env, mac, &m) != 0) {
        return NULL;
    }
    virNetworkDHCPLeasePtr *leases = NULL;
    int n = fn((virNetworkPtr) (intptr_t) net, m.p, &leases, (unsigned int) flags);
    lv_str_free(&m);
    if (n < 0) {
        lv_fail(env, "virNetworkGetDHCPLeases");
        return NULL;
    }
    if (leases == NULL) {
        n = 0;
    }
    char **strs = calloc((size_t) n * 6 + 1, sizeof *strs);
    jlong *nums = calloc((size_t) n * 3 + 1, sizeof *nums);
    jobjectArray out = NULL;
    if (strs == NULL || nums == NULL) {
        lv_throw_java(env, "java/lang/OutOfMemoryError", "no memory for leases");
    } else {
        for (int i = 0; i < n; i++) {
            virNetworkDHCPLeasePtr l = leases[i];
            strs[6 * i] = l->iface;
            strs[6 * i + 1] = l->mac;
            strs[6 * i + 2] = l->iaid;
            strs[6 * i + 3] = l->ipaddr;
            strs[6 * i + 4] = l->hostname;
            strs[6 * i + 5] = l->clientid;
            nums[3 * i] = (jlong) l->expirytime;
            nums[3 * i + 1] = l->type;
            nums[3 * i + 2] = l->prefix;
        }
        jobjectArray s = lv_host_strings(env, strs, n * 6);
        jlongArray v = s != NULL ? (*env)->NewLongArray(env, n * 3) : NULL;
        jclass object = v != NULL ? (*env)->FindClass(env, "java/lang/Object") : NULL;
        if (object != NULL) {
            (*env)->SetLongArrayRegion(env, v, 0, n * 3, nums);
            out = (*env)->NewObjectArray(env, 2, object, NULL);
            if (out != NULL) {
                (*env)->SetObjectArrayElement(env, out, 0, s);
                (*env)->SetObjectArrayElement(env, out, 1, v);
            }
        }
    }
    free(strs);
    free(nums);
    for (int i = 0; i < n; i++) {
        lease_free(leases[i]);
    }
    free(leases);
    return out;
}

const JNINativeMethod lv_host_methods[] = {
    {"listNames", "(IJLjava/lang/String;II)[Ljava/lang/String;", (void *) lv_host_list_names},
    {"cpuModelNames", "(JLjava/lang/String;I)[Ljava/lang/String;", (void *) lv_host_cpu_model_names},
    {"baseline", "(J[Ljava/lang/String;[Ljava/lang/String;IZ)Ljava/lang/String;", (void *) lv_host_baseline},
    {"cpuMap", "(JI[I)[B", (void *) lv_host_cpu_map},
    {"cellsFreeMemory", "(JII)[J", (void *) lv_host_cells_free_memory},
    {"freePages", "(J[IIII)[J", (void *) lv_host_free_pages},
    {"allocPages", "(J[I[JIII)I", (void *) lv_host_alloc_pages},
    {"nodeStats", "(IJII)[Ljava/lang/Object;", (void *) lv_host_node_stats},
    {"securityModel", "(J)[Ljava/lang/String;", (void *) lv_host_security_model},
    {"volInfoFlags", "(JI)[J", (void *) lv_host_vol_info_flags},
    {"dhcpLeases", "(JLjava/lang/String;I)[Ljava/lang/Object;", (void *) lv_host_dhcp_leases},
};
const int lv_host_method_count = (int) (sizeof lv_host_methods / sizeof lv_host_methods[0]);
