/*
 * The hand-written wrappers: the libvirt calls whose arguments need judgment (structs, lists,
 * typed parameters, the authentication callback, stream and secret buffers, event and close callbacks)
 * and freeing.
 * Every path releases what it allocated and reads libvirt's error right after the call.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lv_core.h"

_Static_assert(sizeof(void *) == sizeof(jlong), "pointers are copied into jlong arrays as they are");

/* Handle kinds; the numbers match JniNatives.K_*. */
static const int lv_free_slots[] = {
    LV_virConnectClose, LV_virDomainFree, LV_virNetworkFree, LV_virNetworkPortFree,
    LV_virStoragePoolFree, LV_virStorageVolFree, LV_virInterfaceFree, LV_virNodeDeviceFree,
    LV_virSecretFree, LV_virNWFilterFree, LV_virNWFilterBindingFree, LV_virDomainSnapshotFree,
    LV_virDomainCheckpointFree, LV_virStreamFree,
};
#define LV_KINDS ((int) (sizeof lv_free_slots / sizeof lv_free_slots[0]))

typedef int (*lv_free_fn)(void *);

static void lv_free_ptr(int kind, void *p) {
    if (p == NULL || kind < 0 || kind >= LV_KINDS) {
        return;
    }
    lv_free_fn fn = (lv_free_fn) lv_sym(lv_free_slots[kind]);
    if (fn != NULL) {
        fn(p);
    }
}

/* Frees a handle; never throws (it runs on close() and on the Cleaner's thread). */
static void JNICALL lv_free(JNIEnv *env, jclass cls, jint kind, jlong ptr) {
    (void) env;
    (void) cls;
    lv_free_ptr(kind, (void *) (intptr_t) ptr);
}

/* ---- struct results, written into a caller's array ---------------------------------------- */

/* VIR_DOMAIN_MEMORY_STAT_NR of the libvirt this is built for; a newer libvirt returns at most this many. */
#define LV_MEMORY_STAT_NR 13

static int lv_check_out(JNIEnv *env, jarray out, jsize need) {
    if (out == NULL || (*env)->GetArrayLength(env, out) < need) {
        lv_throw_java(env, "java/lang/IllegalArgumentException", "result array too short");
        return -1;
    }
    return 0;
}

static void JNICALL lv_domain_get_info(JNIEnv *env, jclass cls, jlong dom, jlongArray out) {
    (void) cls;
    lv_t_virDomainGetInfo fn = (lv_t_virDomainGetInfo) lv_resolve(env, LV_virDomainGetInfo);
    if (fn == NULL || lv_check_out(env, out, 5) != 0) {
        return;
    }
    virDomainInfo info;
    if (fn((virDomainPtr) (intptr_t) dom, &info) < 0) {
        lv_fail(env, "virDomainGetInfo");
        return;
    }
    jlong v[5] = { info.state, (jlong) info.maxMem, (jlong) info.memory, info.nrVirtCpu,
                   (jlong) info.cpuTime };
    (*env)->SetLongArrayRegion(env, out, 0, 5, v);
}

static void JNICALL lv_domain_get_state(JNIEnv *env, jclass cls, jlong dom, jint flags, jintArray out) {
    (void) cls;
    lv_t_virDomainGetState fn = (lv_t_virDomainGetState) lv_resolve(env, LV_virDomainGetState);
    if (fn == NULL || lv_check_out(env, out, 2) != 0) {
        return;
    }
    int state = 0, reason = 0;
    if (fn((virDomainPtr) (intptr_t) dom, &state, &reason, (unsigned int) flags) < 0) {
        lv_fail(env, "virDomainGetState");
        return;
    }
    jint v[2] = { state, reason };
    (*env)->SetIntArrayRegion(env, out, 0, 2, v);
}

static jstring JNICALL lv_node_get_info(JNIEnv *env, jclass cls, jlong conn, jlongArray out) {
    (void) cls;
    lv_t_virNodeGetInfo fn = (lv_t_virNodeGetInfo) lv_resolve(env, LV_virNodeGetInfo);
    if (fn == NULL || lv_check_out(env, out, 7) != 0) {
        return NULL;
    }
    virNodeInfo info;
    memset(&info, 0, sizeof info);
    if (fn((virConnectPtr) (intptr_t) conn, &info) < 0) {
        lv_fail(env, "virNodeGetInfo");
        return NULL;
    }
    jlong v[7] = { (jlong) info.memory, info.cpus, info.mhz, info.nodes, info.sockets, info.cores,
                   info.threads };
    (*env)->SetLongArrayRegion(env, out, 0, 7, v);
    char model[sizeof info.model + 1];
    memcpy(model, info.model, sizeof info.model);
    model[sizeof info.model] = '\0'; /* libvirt fills the whole array for a 32-character model */
    return lv_cstr(env, model);
}

static void JNICALL lv_pool_get_info(JNIEnv *env, jclass cls, jlong pool, jlongArray out) {
    (void) cls;
    lv_t_virStoragePoolGetInfo fn = (lv_t_virStoragePoolGetInfo) lv_resolve(env, LV_virStoragePoolGetInfo);
    if (fn == NULL || lv_check_out(env, out, 4) != 0) {
        return;
    }
    virStoragePoolInfo info;
    if (fn((virStoragePoolPtr) (intptr_t) pool, &info) < 0) {
        lv_fail(env, "virStoragePoolGetInfo");
        return;
    }
    jlong v[4] = { info.state, (jlong) info.capacity, (jlong) info.allocation, (jlong) info.available };
    (*env)->SetLongArrayRegion(env, out, 0, 4, v);
}

static void JNICALL lv_vol_get_info(JNIEnv *env, jclass cls, jlong vol, jlongArray out) {
    (void) cls;
    lv_t_virStorageVolGetInfo fn = (lv_t_virStorageVolGetInfo) lv_resolve(env, LV_virStorageVolGetInfo);
    if (fn == NULL || lv_check_out(env, out, 3) != 0) {
        return;
    }
    virStorageVolInfo info;
    if (fn((virStorageVolPtr) (intptr_t) vol, &info) < 0) {
        lv_fail(env, "virStorageVolGetInfo");
        return;
    }
    jlong v[3] = { info.type, (jlong) info.capacity, (jlong) info.allocation };
    (*env)->SetLongArrayRegion(env, out, 0, 3, v);
}

static void JNICALL lv_domain_block_stats(JNIEnv *env, jclass cls, jlong dom, jstring disk, jlongArray out) {
    (void) cls;
    lv_t_virDomainBlockStats fn = (lv_t_virDomainBlockStats) lv_resolve(env, LV_virDomainBlockStats);
    if (fn == NULL || lv_check_out(env, out, 5) != 0) {
        return;
    }
    lv_str path;
    lv_str_init(&path);
    if (lv_jstr(env, disk, &path) != 0) {
        return;
    }
    virDomainBlockStatsStruct st;
    int r = fn((virDomainPtr) (intptr_t) dom, path.p, &st, sizeof st);
    lv_str_free(&path);
    if (r < 0) {
        lv_fail(env, "virDomainBlockStats");
        return;
    }
    jlong v[5] = { st.rd_req, st.rd_bytes, st.wr_req, st.wr_bytes, st.errs };
    (*env)->SetLongArrayRegion(env, out, 0, 5, v);
}

static void JNICALL lv_domain_interface_stats(JNIEnv *env, jclass cls, jlong dom, jstring device, jlongArray out) {
    (void) cls;
    lv_t_virDomainInterfaceStats fn = (lv_t_virDomainInterfaceStats) lv_resolve(env, LV_virDomainInterfaceStats);
    if (fn == NULL || lv_check_out(env, out, 8) != 0) {
        return;
    }
    lv_str path;
    lv_str_init(&path);
    if (lv_jstr(env, device, &path) != 0) {
        return;
    }
    virDomainInterfaceStatsStruct st;
    int r = fn((virDomainPtr) (intptr_t) dom, path.p, &st, sizeof st);
    lv_str_free(&path);
    if (r < 0) {
        lv_fail(env, "virDomainInterfaceStats");
        return;
    }
    jlong v[8] = { st.rx_bytes, st.rx_packets, st.rx_errs, st.rx_drop,
                   st.tx_bytes, st.tx_packets, st.tx_errs, st.tx_drop };
    (*env)->SetLongArrayRegion(env, out, 0, 8, v);
}

/* Fills out with tag, value pairs; returns how many statistics there are. */
static jint JNICALL lv_domain_memory_stats(JNIEnv *env, jclass cls, jlong dom, jlongArray out, jint flags) {
    (void) cls;
    lv_t_virDomainMemoryStats fn = (lv_t_virDomainMemoryStats) lv_resolve(env, LV_virDomainMemoryStats);
    virDomainMemoryStatStruct st[LV_MEMORY_STAT_NR];
    if (fn == NULL || lv_check_out(env, out, 2 * LV_MEMORY_STAT_NR) != 0) {
        return 0;
    }
    int n = fn((virDomainPtr) (intptr_t) dom, st, LV_MEMORY_STAT_NR, (unsigned int) flags);
    if (n < 0) {
        lv_fail(env, "virDomainMemoryStats");
        return 0;
    }
    jlong v[2 * LV_MEMORY_STAT_NR];
    for (int i = 0; i < n && i < LV_MEMORY_STAT_NR; i++) {
        v[2 * i] = st[i].tag;
        v[2 * i + 1] = (jlong) st[i].val;
    }
    (*env)->SetLongArrayRegion(env, out, 0, 2 * n, v);
    return n;
}

/* ---- listAll*: one shape, int f(parent, child ***list, unsigned int flags) ---------------- */

typedef int (*lv_list_fn)(void *, void ***, unsigned int);

/* List kinds; the numbers match JniNatives.L_*: the C function, and the kind of its elements. */
static const struct {
    int slot;
    int kind;
} lv_lists[] = {
    {LV_virConnectListAllDomains, 1}, {LV_virConnectListAllNetworks, 2},
    {LV_virConnectListAllStoragePools, 4}, {LV_virConnectListAllInterfaces, 6},
    {LV_virConnectListAllNodeDevices, 7}, {LV_virConnectListAllSecrets, 8},
    {LV_virConnectListAllNWFilters, 9}, {LV_virConnectListAllNWFilterBindings, 10},
    {LV_virNetworkListAllPorts, 3}, {LV_virStoragePoolListAllVolumes, 5},
    {LV_virDomainListAllSnapshots, 11}, {LV_virDomainSnapshotListAllChildren, 11},
    {LV_virDomainListAllCheckpoints, 12}, {LV_virDomainCheckpointListAllChildren, 12},
};

static jlongArray JNICALL lv_list_all(JNIEnv *env, jclass cls, jint which, jlong parent, jint flags) {
    (void) cls;
    if (which < 0 || which >= (jint) (sizeof lv_lists / sizeof lv_lists[0])) {
        lv_throw_java(env, "java/lang/IllegalArgumentException", "unknown list");
        return NULL;
    }
    lv_list_fn fn = (lv_list_fn) lv_resolve(env, lv_lists[which].slot);
    if (fn == NULL) {
        return NULL;
    }
    void **list = NULL;
    int n = fn((void *) (intptr_t) parent, &list, (unsigned int) flags);
    if (n < 0) {
        lv_fail(env, lv_names[lv_lists[which].slot]);
        return NULL;
    }
    jlongArray out = (*env)->NewLongArray(env, n);
    if (out != NULL) {
        (*env)->SetLongArrayRegion(env, out, 0, n, (const jlong *) list);
    } else {
        /* No Java array to own them: free every element here rather than leak it. */
        for (int i = 0; i < n; i++) {
            lv_free_ptr(lv_lists[which].kind, list[i]);
        }
    }
    free(list);
    return out;
}

static jobjectArray lv_string_array(JNIEnv *env, char **names, int n) {
    jclass string = (*env)->FindClass(env, "java/lang/String");
    jobjectArray out = string != NULL ? (*env)->NewObjectArray(env, n, string, NULL) : NULL;
    for (int i = 0; out != NULL && i < n; i++) {
        jstring s = lv_cstr(env, names[i] != NULL ? names[i] : "");
        if (s == NULL) {
            out = NULL;
            break;
        }
        (*env)->SetObjectArrayElement(env, out, i, s);
        (*env)->DeleteLocalRef(env, s);
    }
    return out;
}

static jobjectArray JNICALL lv_node_device_list_caps(JNIEnv *env, jclass cls, jlong dev) {
    (void) cls;
    lv_t_virNodeDeviceNumOfCaps num = (lv_t_virNodeDeviceNumOfCaps) lv_resolve(env, LV_virNodeDeviceNumOfCaps);
    lv_t_virNodeDeviceListCaps list = num != NULL
        ? (lv_t_virNodeDeviceListCaps) lv_resolve(env, LV_virNodeDeviceListCaps) : NULL;
    if (list == NULL) {
        return NULL;
    }
    int max = num((virNodeDevicePtr) (intptr_t) dev);
    if (max < 0) {
        lv_fail(env, "virNodeDeviceNumOfCaps");
        return NULL;
    }
    char **names = calloc((size_t) max + 1, sizeof *names);
    if (names == NULL) {
        lv_throw_java(env, "java/lang/OutOfMemoryError", "no memory for capability names");
        return NULL;
    }
    int n = list((virNodeDevicePtr) (intptr_t) dev, names, max);
    jobjectArray out = NULL;
    if (n < 0) {
        lv_fail(env, "virNodeDeviceListCaps");
    } else {
        out = lv_string_array(env, names, n);
    }
    for (int i = 0; i < max; i++) {
        free(names[i]);
    }
    free(names);
    return out;
}

/* ---- typed parameters ---------------------------------------------------------------------- */

enum { LV_TP_INT = 1, LV_TP_UINT, LV_TP_LLONG, LV_TP_ULLONG, LV_TP_DOUBLE, LV_TP_BOOLEAN, LV_TP_STRING };
/* Which typed-parameter call; the numbers match JniNatives.P_*. */
enum { LV_P_MEMORY = 0, LV_P_SCHED = 1, LV_P_SCHED_FLAGS = 2 };

void lv_params_clear(virTypedParameterPtr p, int n) {
    for (int i = 0; p != NULL && i < n; i++) {
        if (p[i].type == LV_TP_STRING) {
            free(p[i].value.s);
        }
    }
    free(p);
}

/* Builds Object[]{schedType, String[] fields, int[] types, long[] values, String[] strings}. */
jobjectArray lv_params_to_java(JNIEnv *env, const char *sched, virTypedParameterPtr p, int n) {
    jclass object = (*env)->FindClass(env, "java/lang/Object");
    jclass string = (*env)->FindClass(env, "java/lang/String");
    if (object == NULL || string == NULL) {
        return NULL;
    }
    jobjectArray out = (*env)->NewObjectArray(env, 5, object, NULL);
    jobjectArray fields = (*env)->NewObjectArray(env, n, string, NULL);
    jobjectArray strings = (*env)->NewObjectArray(env, n, string, NULL);
    jintArray types = (*env)->NewIntArray(env, n);
    jlongArray values = (*env)->NewLongArray(env, n);
    if (out == NULL || fields == NULL || strings == NULL || types == NULL || values == NULL) {
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        char field[VIR_TYPED_PARAM_FIELD_LENGTH + 1];
        memcpy(field, p[i].field, VIR_TYPED_PARAM_FIELD_LENGTH);
        field[VIR_TYPED_PARAM_FIELD_LENGTH] = '\0';
        jstring f = lv_cstr(env, field);
        if (f == NULL) {
            return NULL;
        }
        (*env)->SetObjectArrayElement(env, fields, i, f);
        (*env)->DeleteLocalRef(env, f);
        jint t = p[i].type;
        jlong v = 0;
        switch (t) {
        case LV_TP_INT: v = p[i].value.i; break;
        case LV_TP_UINT: v = (jint) p[i].value.ui; break;
        case LV_TP_LLONG: v = p[i].value.l; break;
        case LV_TP_ULLONG: v = (jlong) p[i].value.ul; break;
        case LV_TP_DOUBLE: memcpy(&v, &p[i].value.d, sizeof v); break;
        case LV_TP_BOOLEAN: v = p[i].value.b != 0; break;
        case LV_TP_STRING: {
            jstring s = lv_cstr(env, p[i].value.s != NULL ? p[i].value.s : "");
            if (s == NULL) {
                return NULL;
            }
            (*env)->SetObjectArrayElement(env, strings, i, s);
            (*env)->DeleteLocalRef(env, s);
            break;
        }
        default: break; /* a type newer than this glue: Java skips it */
        }
        (*env)->SetIntArrayRegion(env, types, i, 1, &t);
        (*env)->SetLongArrayRegion(env, values, i, 1, &v);
    }
    if (sched != NULL) {
        jstring s = lv_cstr(env, sched);
        if (s == NULL) {
            return NULL;
        }
        (*env)->SetObjectArrayElement(env, out, 0, s);
    }
    (*env)->SetObjectArrayElement(env, out, 1, fields);
    (*env)->SetObjectArrayElement(env, out, 2, types);
    (*env)->SetObjectArrayElement(env, out, 3, values);
    (*env)->SetObjectArrayElement(env, out, 4, strings);
    return out;
}

static jobjectArray JNICALL lv_get_params(JNIEnv *env, jclass cls, jint which, jlong dom, jint flags) {
    (void) cls;
    virDomainPtr d = (virDomainPtr) (intptr_t) dom;
    virTypedParameterPtr params = NULL;
    int n = 0;
    char *sched = NULL;
    jobjectArray out = NULL;
    if (which == LV_P_MEMORY) {
        lv_t_virDomainGetMemoryParameters fn =
            (lv_t_virDomainGetMemoryParameters) lv_resolve(env, LV_virDomainGetMemoryParameters);
        if (fn == NULL) {
            return NULL;
        }
        /* The first call with no array asks how many there are. */
        if (fn(d, NULL, &n, (unsigned int) flags) < 0) {
            lv_fail(env, "virDomainGetMemoryParameters");
            return NULL;
        }
        if (n > 0 && (params = calloc((size_t) n, sizeof *params)) == NULL) {
            lv_throw_java(env, "java/lang/OutOfMemoryError", "no memory for parameters");
            return NULL;
        }
        if (n > 0 && fn(d, params, &n, (unsigned int) flags) < 0) {
            lv_fail(env, "virDomainGetMemoryParameters");
            goto done;
        }
    } else if (which == LV_P_SCHED || which == LV_P_SCHED_FLAGS) {
        lv_t_virDomainGetSchedulerType type =
            (lv_t_virDomainGetSchedulerType) lv_resolve(env, LV_virDomainGetSchedulerType);
        if (type == NULL) {
            return NULL;
        }
        sched = type(d, &n);
        if (sched == NULL) {
            lv_fail(env, "virDomainGetSchedulerType");
            return NULL;
        }
        if (n > 0 && (params = calloc((size_t) n, sizeof *params)) == NULL) {
            lv_throw_java(env, "java/lang/OutOfMemoryError", "no memory for parameters");
            goto done;
        }
        if (n > 0 && which == LV_P_SCHED) {
            lv_t_virDomainGetSchedulerParameters fn =
                (lv_t_virDomainGetSchedulerParameters) lv_resolve(env, LV_virDomainGetSchedulerParameters);
            if (fn == NULL) {
                goto done;
            }
            if (fn(d, params, &n) < 0) {
                lv_fail(env, "virDomainGetSchedulerParameters");
                goto done;
            }
        } else if (n > 0) {
            lv_t_virDomainGetSchedulerParametersFlags fn = (lv_t_virDomainGetSchedulerParametersFlags)
                lv_resolve(env, LV_virDomainGetSchedulerParametersFlags);
            if (fn == NULL) {
                goto done;
            }
            if (fn(d, params, &n, (unsigned int) flags) < 0) {
                lv_fail(env, "virDomainGetSchedulerParametersFlags");
                goto done;
            }
        }
    } else {
        lv_throw_java(env, "java/lang/IllegalArgumentException", "unknown parameter set");
        return NULL;
    }
    out = lv_params_to_java(env, sched, params, n);
done:
    lv_params_clear(params, n);
    free(sched);
    return out;
}

/*
 * Builds a virTypedParameter array from the parallel Java arrays (Params.toNative). On success
 * *out is calloc'd with one spare entry (never NULL, so libvirt judges nparams == 0 itself) and
 * the caller frees it with lv_params_clear(*out, *n); on failure an exception is pending and
 * nothing is left to free.
 */
int lv_params_from_java(JNIEnv *env, jobjectArray fields, jintArray types, jlongArray values, jobjectArray strings,
                        virTypedParameterPtr *out, int *count) {
    if (fields == NULL || types == NULL || values == NULL || strings == NULL) {
        lv_throw_java(env, "java/lang/IllegalArgumentException", "bad typed parameters");
        return -1;
    }
    jsize n = (*env)->GetArrayLength(env, fields);
    if ((*env)->GetArrayLength(env, types) != n || (*env)->GetArrayLength(env, values) != n
        || (*env)->GetArrayLength(env, strings) != n) {
        lv_throw_java(env, "java/lang/IllegalArgumentException", "typed parameter arrays differ in length");
        return -1;
    }
    virTypedParameterPtr params = calloc((size_t) n + 1, sizeof *params);
    if (params == NULL) {
        lv_throw_java(env, "java/lang/OutOfMemoryError", "no memory for parameters");
        return -1;
    }
    int filled = 0;
    for (; filled < n; filled++) {
        virTypedParameterPtr p = &params[filled];
        jint t;
        jlong v;
        (*env)->GetIntArrayRegion(env, types, filled, 1, &t);
        (*env)->GetLongArrayRegion(env, values, filled, 1, &v);
        jstring f = (jstring) (*env)->GetObjectArrayElement(env, fields, filled);
        lv_str fs = LV_STR_INIT;
        if (f == NULL) {
            lv_throw_java(env, "java/lang/NullPointerException", "field");
            goto fail;
        }
        if (lv_jstr(env, f, &fs) != 0) {
            goto fail;
        }
        size_t len = strlen(fs.p);
        if (len >= VIR_TYPED_PARAM_FIELD_LENGTH) {
            lv_str_free(&fs);
            lv_throw(env, LV_ERR_INVALID_ARG, LV_FROM_NONE, "invalid argument: typed parameter field name too long");
            goto fail;
        }
        memcpy(p->field, fs.p, len + 1);
        lv_str_free(&fs);
        (*env)->DeleteLocalRef(env, f);
        p->type = t;
        switch (t) {
        case LV_TP_INT: p->value.i = (int) v; break;
        case LV_TP_UINT: p->value.ui = (unsigned int) v; break;
        case LV_TP_LLONG: p->value.l = v; break;
        case LV_TP_ULLONG: p->value.ul = (unsigned long long) v; break;
        case LV_TP_DOUBLE: memcpy(&p->value.d, &v, sizeof v); break;
        case LV_TP_BOOLEAN: p->value.b = v != 0; break;
        case LV_TP_STRING: {
            jstring s = (jstring) (*env)->GetObjectArrayElement(env, strings, filled);
            lv_str ss = LV_STR_INIT;
            if (s == NULL) {
                lv_throw_java(env, "java/lang/NullPointerException", "string value");
                goto fail;
            }
            if (lv_jstr(env, s, &ss) != 0) {
                goto fail;
            }
            p->value.s = strdup(ss.p);
            lv_str_free(&ss);
            (*env)->DeleteLocalRef(env, s);
            if (p->value.s == NULL) {
                p->type = 0;
                lv_throw_java(env, "java/lang/OutOfMemoryError", "no memory for a string parameter");
                goto fail;
            }
            break;
        }
        default:
            p->type = 0;
            lv_throw_java(env, "java/lang/IllegalArgumentException", "unknown typed parameter type");
            goto fail;
        }
    }
    *out = params;
    *count = n;
    return 0;
fail:
    lv_params_clear(params, n); /* calloc'd: entries never filled have type 0 and own nothing */
    return -1;
}

static void JNICALL lv_set_params(JNIEnv *env, jclass cls, jint which, jlong dom, jobjectArray fields,
                                  jintArray types, jlongArray values, jobjectArray strings, jint flags) {
    (void) cls;
    int fnslot = which == LV_P_MEMORY ? LV_virDomainSetMemoryParameters
        : which == LV_P_SCHED ? LV_virDomainSetSchedulerParameters
        : which == LV_P_SCHED_FLAGS ? LV_virDomainSetSchedulerParametersFlags : -1;
    if (fnslot < 0) {
        lv_throw_java(env, "java/lang/IllegalArgumentException", "bad typed parameters");
        return;
    }
    void *fn = lv_resolve(env, fnslot);
    if (fn == NULL) {
        return;
    }
    virTypedParameterPtr params;
    int n;
    if (lv_params_from_java(env, fields, types, values, strings, &params, &n) != 0) {
        return;
    }
    virDomainPtr d = (virDomainPtr) (intptr_t) dom;
    int rc;
    if (which == LV_P_MEMORY) {
        rc = ((lv_t_virDomainSetMemoryParameters) fn)(d, params, n, (unsigned int) flags);
    } else if (which == LV_P_SCHED) {
        rc = ((lv_t_virDomainSetSchedulerParameters) fn)(d, params, n);
    } else {
        rc = ((lv_t_virDomainSetSchedulerParametersFlags) fn)(d, params, n, (unsigned int) flags);
    }
    if (rc < 0) {
        lv_fail(env, lv_names[fnslot]);
    }
    lv_params_clear(params, n);
}

/* ---- bulk domain statistics: virConnectGetAllDomainStats, virDomainListGetStats ------------ */

#define LV_FROM_DOMAIN 20 /* VIR_FROM_DOMAIN, whose check for domains of several connections this repeats */

/*
 * Turns the records into Object[]{long[] domains, Object[] params}: params[i] as
 * lv_params_to_java builds it, domains[i] referenced for the caller (the list's free drops the
 * records' own references). Every Java object is built before any reference is taken, so a
 * failure hands out nothing. NULL with an exception pending on failure.
 */
static jobjectArray lv_stats_to_java(JNIEnv *env, lv_t_virDomainRef ref, virDomainStatsRecordPtr *records, int n) {
    jclass object = (*env)->FindClass(env, "java/lang/Object");
    if (object == NULL) {
        return NULL;
    }
    jobjectArray out = (*env)->NewObjectArray(env, 2, object, NULL);
    jobjectArray params = out != NULL ? (*env)->NewObjectArray(env, n, object, NULL) : NULL;
    jlongArray domains = params != NULL ? (*env)->NewLongArray(env, n) : NULL;
    (*env)->DeleteLocalRef(env, object);
    if (domains == NULL) {
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        /* lv_params_to_java leaves its locals behind: a frame per record keeps only its result */
        if ((*env)->PushLocalFrame(env, 16) != 0) {
            return NULL;
        }
        jobject p = lv_params_to_java(env, NULL, records[i]->params, records[i]->nparams);
        p = (*env)->PopLocalFrame(env, p);
        if (p == NULL) {
            if (!(*env)->ExceptionCheck(env)) {
                lv_throw_java(env, "java/lang/OutOfMemoryError", "no memory for domain statistics");
            }
            return NULL;
        }
        (*env)->SetObjectArrayElement(env, params, i, p);
        (*env)->DeleteLocalRef(env, p);
    }
    jlong *v = calloc((size_t) n + 1, sizeof *v);
    if (v == NULL) {
        lv_throw_java(env, "java/lang/OutOfMemoryError", "no memory for domain statistics");
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        if (ref(records[i]->dom) < 0) {
            lv_fail(env, "virDomainRef");
            for (int j = 0; j < i; j++) {
                lv_free_ptr(1 /* K_DOMAIN */, records[j]->dom);
            }
            free(v);
            return NULL;
        }
        v[i] = (jlong) (intptr_t) records[i]->dom;
    }
    /* Nothing below can fail: the arrays exist and every index is in range. */
    (*env)->SetLongArrayRegion(env, domains, 0, n, v);
    free(v);
    (*env)->SetObjectArrayElement(env, out, 0, domains);
    (*env)->SetObjectArrayElement(env, out, 1, params);
    return out;
}

/*
 * virConnectGetAllDomainStats(conn, ...) when doms is empty, else virDomainListGetStats on doms
 * (NULL-terminated here), after checking that each belongs to conn: libvirt refuses a list that
 * mixes connections but would answer for a list of another connection's domains alone, from
 * that connection. The records are freed with virDomainStatsRecordListFree on every path.
 */
static jobjectArray JNICALL lv_get_all_domain_stats(JNIEnv *env, jclass cls, jlong conn, jlongArray doms,
                                                    jint stats, jint flags) {
    (void) cls;
    virConnectPtr c = (virConnectPtr) (intptr_t) conn;
    jsize ndoms = doms != NULL ? (*env)->GetArrayLength(env, doms) : 0;
    int slot = ndoms == 0 ? LV_virConnectGetAllDomainStats : LV_virDomainListGetStats;
    void *fn = lv_resolve(env, slot);
    lv_t_virDomainStatsRecordListFree list_free = fn != NULL
        ? (lv_t_virDomainStatsRecordListFree) lv_resolve(env, LV_virDomainStatsRecordListFree) : NULL;
    lv_t_virDomainRef ref = list_free != NULL ? (lv_t_virDomainRef) lv_resolve(env, LV_virDomainRef) : NULL;
    lv_t_virDomainGetConnect get_connect = ref != NULL && ndoms > 0
        ? (lv_t_virDomainGetConnect) lv_resolve(env, LV_virDomainGetConnect) : NULL;
    if (ref == NULL || (ndoms > 0 && get_connect == NULL)) {
        return NULL;
    }
    virDomainPtr *list = NULL;
    if (ndoms > 0) {
        list = calloc((size_t) ndoms + 1, sizeof *list);
        if (list == NULL) {
            lv_throw_java(env, "java/lang/OutOfMemoryError", "no memory for the domain list");
            return NULL;
        }
        (*env)->GetLongArrayRegion(env, doms, 0, ndoms, (jlong *) list);
        for (jsize i = 0; i < ndoms; i++) {
            virConnectPtr owner = get_connect(list[i]);
            if (owner == NULL) {
                lv_fail(env, "virDomainGetConnect");
                free(list);
                return NULL;
            }
            if (owner != c) {
                /* libvirt's own error for a mixed list, applied to this connection too: the C call
                 * takes no connection, so another connection's domains would silently ask that one. */
                lv_throw(env, LV_ERR_INVALID_ARG, LV_FROM_DOMAIN,
                         "invalid argument: domains in 'doms' array must belong to a single connection");
                free(list);
                return NULL;
            }
        }
    }
    virDomainStatsRecordPtr *records = NULL;
    int n = ndoms == 0
        ? ((lv_t_virConnectGetAllDomainStats) fn)(c, (unsigned int) stats, &records, (unsigned int) flags)
        : ((lv_t_virDomainListGetStats) fn)(list, (unsigned int) stats, &records, (unsigned int) flags);
    jobjectArray out = NULL;
    if (n < 0) {
        lv_fail(env, lv_names[slot]);
    } else {
        out = lv_stats_to_java(env, ref, records, n);
    }
    if (records != NULL) {
        list_free(records);
    }
    free(list);
    return out;
}

/* ---- virConnectOpenAuth: libvirt calls back into Java for credentials ---------------------- */

typedef struct {
    jclass natives;
    jobject callback;
    jthrowable error; /* a Java Error thrown by the callback, rethrown after the open */
} lv_auth_data;

static int lv_auth_cb(virConnectCredentialPtr cred, unsigned int ncred, void *cbdata) {
    lv_auth_data *data = cbdata;
    JNIEnv *env;
    /* libvirt calls back on the thread inside virConnectOpenAuth, which is a Java thread. */
    if ((*lv_vm)->GetEnv(lv_vm, (void **) &env, JNI_VERSION_1_8) != JNI_OK || data->error != NULL) {
        return -1;
    }
    int rc = -1;
    jclass string = (*env)->FindClass(env, "java/lang/String");
    jmethodID m = (*env)->GetStaticMethodID(env, data->natives, "authenticate",
        "(Lorg/libvirt4j/ConnectAuthCallback;[I[Ljava/lang/String;[Ljava/lang/String;[Ljava/lang/String;)[Ljava/lang/String;");
    if (string == NULL || m == NULL) {
        goto out;
    }
    jintArray types = (*env)->NewIntArray(env, (jsize) ncred);
    jobjectArray prompts = (*env)->NewObjectArray(env, (jsize) ncred, string, NULL);
    jobjectArray challenges = (*env)->NewObjectArray(env, (jsize) ncred, string, NULL);
    jobjectArray defaults = (*env)->NewObjectArray(env, (jsize) ncred, string, NULL);
    if (types == NULL || prompts == NULL || challenges == NULL || defaults == NULL) {
        goto out;
    }
    for (unsigned int i = 0; i < ncred; i++) {
        jint t = cred[i].type;
        (*env)->SetIntArrayRegion(env, types, (jsize) i, 1, &t);
        const char *texts[3] = { cred[i].prompt, cred[i].challenge, cred[i].defresult };
        jobjectArray arrays[3] = { prompts, challenges, defaults };
        for (int k = 0; k < 3; k++) {
            if (texts[k] != NULL) {
                jstring s = lv_cstr(env, texts[k]);
                if (s == NULL) {
                    goto out;
                }
                (*env)->SetObjectArrayElement(env, arrays[k], (jsize) i, s);
                (*env)->DeleteLocalRef(env, s);
            }
        }
    }
    jobjectArray answers = (jobjectArray) (*env)->CallStaticObjectMethod(env, data->natives, m, data->callback,
                                                                         types, prompts, challenges, defaults);
    if ((*env)->ExceptionCheck(env) || answers == NULL
        || (*env)->GetArrayLength(env, answers) != (jsize) ncred) {
        goto out;
    }
    for (unsigned int i = 0; i < ncred; i++) {
        cred[i].result = NULL;
        cred[i].resultlen = 0;
    }
    for (unsigned int i = 0; i < ncred; i++) {
        jstring a = (jstring) (*env)->GetObjectArrayElement(env, answers, (jsize) i);
        if (a == NULL) {
            continue;
        }
        lv_str s = LV_STR_INIT;
        if (lv_jstr(env, a, &s) != 0) {
            goto undo;
        }
        /* libvirt frees each result with free(). */
        cred[i].result = strdup(s.p);
        cred[i].resultlen = (unsigned int) strlen(s.p);
        lv_str_free(&s);
        (*env)->DeleteLocalRef(env, a);
        if (cred[i].result == NULL) {
            goto undo;
        }
    }
    rc = 0;
    goto out;
undo:
    for (unsigned int i = 0; i < ncred; i++) {
        free(cred[i].result);
        cred[i].result = NULL;
        cred[i].resultlen = 0;
    }
out:
    if ((*env)->ExceptionCheck(env)) {
        /* libvirt must not run with a Java exception pending: keep it for after the open. */
        jthrowable t = (*env)->ExceptionOccurred(env);
        (*env)->ExceptionClear(env);
        data->error = (jthrowable) (*env)->NewGlobalRef(env, t);
        (*env)->DeleteLocalRef(env, t);
        rc = -1;
    }
    return rc;
}

static jlong JNICALL lv_open_auth(JNIEnv *env, jclass cls, jstring uri, jintArray credTypes, jobject callback,
                                  jint flags) {
    lv_t_virConnectOpenAuth fn = (lv_t_virConnectOpenAuth) lv_resolve(env, LV_virConnectOpenAuth);
    if (fn == NULL) {
        return 0;
    }
    if (callback == NULL) {
        /* Open flags other than RO only travel through virConnectOpenAuth, with a NULL auth. */
        lv_str u = LV_STR_INIT;
        if (lv_jstr(env, uri, &u) != 0) {
            return 0;
        }
        virConnectPtr conn = fn(u.p, NULL, (unsigned int) flags);
        if (conn == NULL) {
            lv_fail(env, "virConnectOpenAuth");
        }
        lv_str_free(&u);
        return (jlong) (intptr_t) conn;
    }
    if (credTypes == NULL) {
        lv_throw_java(env, "java/lang/NullPointerException", "credTypes");
        return 0;
    }
    jsize ntypes = (*env)->GetArrayLength(env, credTypes);
    int *types = malloc(((size_t) ntypes + 1) * sizeof *types);
    if (types == NULL) {
        lv_throw_java(env, "java/lang/OutOfMemoryError", "no memory for credential types");
        return 0;
    }
    (*env)->GetIntArrayRegion(env, credTypes, 0, ntypes, (jint *) types);
    lv_str u = LV_STR_INIT;
    jlong result = 0;
    if (lv_jstr(env, uri, &u) != 0) {
        goto done;
    }
    lv_auth_data data = { cls, callback, NULL };
    virConnectAuth auth = { types, (unsigned int) ntypes, lv_auth_cb, &data };
    virConnectPtr conn = fn(u.p, &auth, (unsigned int) flags);
    if (conn == NULL) {
        /* libvirt's error is read at once; a Java Error from the callback takes precedence. */
        if (data.error == NULL) {
            lv_fail(env, "virConnectOpenAuth");
        }
    }
    if (data.error != NULL) {
        if (conn != NULL) {
            lv_free_ptr(0, conn);
            conn = NULL;
        }
        (*env)->ExceptionClear(env);
        (*env)->Throw(env, data.error);
        (*env)->DeleteGlobalRef(env, data.error);
    }
    result = (jlong) (intptr_t) conn;
done:
    lv_str_free(&u);
    free(types);
    return result;
}

/* ---- streams and secret values: byte buffers ----------------------------------------------- */

static int lv_check_range(JNIEnv *env, jbyteArray a, jint off, jint len) {
    if (a == NULL) {
        lv_throw_java(env, "java/lang/NullPointerException", "buffer");
        return -1;
    }
    jsize n = (*env)->GetArrayLength(env, a);
    if (off < 0 || len < 0 || off > n - len) {
        lv_throw_java(env, "java/lang/IndexOutOfBoundsException", "range outside the array");
        return -1;
    }
    return 0;
}

#define LV_STACK_BUF 8192

/*
 * A direct buffer's memory at [off, off+len), checked by the caller (spi.StreamManualContract); the
 * buffer argument keeps it alive during the call. NULL (with a Java exception) when the buffer is
 * not direct. A zero-length range still gets a valid pointer: libvirt refuses a NULL data pointer.
 */
static char *lv_direct_range(JNIEnv *env, jobject buf, jint off, jint len) {
    static char empty;
    char *base = (*env)->GetDirectBufferAddress(env, buf);
    jlong cap = (*env)->GetDirectBufferCapacity(env, buf);
    if (base == NULL && cap != 0) {
        lv_throw_java(env, "java/lang/IllegalArgumentException", "not a direct buffer");
        return NULL;
    }
    if (off < 0 || len < 0 || (jlong) off > cap - len) {
        lv_throw_java(env, "java/lang/IndexOutOfBoundsException", "range outside the buffer");
        return NULL;
    }
    return base == NULL ? &empty : base + off;
}

/* virStreamSend straight from a direct buffer's memory: no copy, no allocation. */
static jint JNICALL lv_stream_send_direct(JNIEnv *env, jclass cls, jlong st, jobject buf, jint off, jint len) {
    (void) cls;
    lv_t_virStreamSend fn = (lv_t_virStreamSend) lv_resolve(env, LV_virStreamSend);
    char *data = fn == NULL ? NULL : lv_direct_range(env, buf, off, len);
    if (data == NULL) {
        return -1;
    }
    int r = fn((virStreamPtr) (intptr_t) st, data, (size_t) len);
    if (r == -1) {
        lv_fail(env, "virStreamSend");
    }
    return r;
}

/* virStreamRecv straight into a direct buffer's memory. */
static jint JNICALL lv_stream_recv_direct(JNIEnv *env, jclass cls, jlong st, jobject buf, jint off, jint len) {
    (void) cls;
    lv_t_virStreamRecv fn = (lv_t_virStreamRecv) lv_resolve(env, LV_virStreamRecv);
    char *data = fn == NULL ? NULL : lv_direct_range(env, buf, off, len);
    if (data == NULL) {
        return -1;
    }
    int r = fn((virStreamPtr) (intptr_t) st, data, (size_t) len);
    if (r == -1) {
        lv_fail(env, "virStreamRecv");
    }
    return r;
}

/* virStreamRecvFlags into data[off, off+len); -2 and -3 (would block, at a hole) pass through. */
static jint JNICALL lv_stream_recv_flags(JNIEnv *env, jclass cls, jlong st, jbyteArray data, jint off, jint len,
                                         jint flags) {
    (void) cls;
    lv_t_virStreamRecvFlags fn = (lv_t_virStreamRecvFlags) lv_resolve(env, LV_virStreamRecvFlags);
    if (fn == NULL || lv_check_range(env, data, off, len) != 0) {
        return -1;
    }
    char stack[LV_STACK_BUF];
    char *buf = len <= LV_STACK_BUF ? stack : malloc((size_t) len);
    if (buf == NULL) {
        lv_throw_java(env, "java/lang/OutOfMemoryError", "no memory for stream data");
        return -1;
    }
    int r = fn((virStreamPtr) (intptr_t) st, buf, (size_t) len, (unsigned int) flags);
    if (r == -1) {
        lv_fail(env, "virStreamRecvFlags");
    } else if (r > 0) {
        (*env)->SetByteArrayRegion(env, data, off, r, (const jbyte *) buf);
    }
    if (buf != stack) {
        free(buf);
    }
    return r;
}

static jlong JNICALL lv_stream_recv_hole(JNIEnv *env, jclass cls, jlong st, jint flags) {
    (void) cls;
    lv_t_virStreamRecvHole fn = (lv_t_virStreamRecvHole) lv_resolve(env, LV_virStreamRecvHole);
    long long length = 0;
    if (fn != NULL && fn((virStreamPtr) (intptr_t) st, &length, (unsigned int) flags) < 0) {
        lv_fail(env, "virStreamRecvHole");
    }
    return (jlong) length;
}

static jbyteArray JNICALL lv_secret_get_value(JNIEnv *env, jclass cls, jlong secret, jint flags) {
    (void) cls;
    lv_t_virSecretGetValue fn = (lv_t_virSecretGetValue) lv_resolve(env, LV_virSecretGetValue);
    if (fn == NULL) {
        return NULL;
    }
    size_t size = 0;
    unsigned char *v = fn((virSecretPtr) (intptr_t) secret, &size, (unsigned int) flags);
    if (v == NULL) {
        lv_fail(env, "virSecretGetValue");
        return NULL;
    }
    jbyteArray out = size <= INT32_MAX ? (*env)->NewByteArray(env, (jsize) size) : NULL;
    if (out != NULL) {
        (*env)->SetByteArrayRegion(env, out, 0, (jsize) size, (const jbyte *) v);
    } else if (!(*env)->ExceptionCheck(env)) {
        lv_throw_java(env, "java/lang/OutOfMemoryError", "secret value too large");
    }
    /* A secret does not linger in freed memory. */
    volatile unsigned char *w = v;
    for (size_t i = 0; i < size; i++) {
        w[i] = 0;
    }
    free(v);
    return out;
}

static void JNICALL lv_secret_set_value(JNIEnv *env, jclass cls, jlong secret, jbyteArray value, jint flags) {
    (void) cls;
    lv_t_virSecretSetValue fn = (lv_t_virSecretSetValue) lv_resolve(env, LV_virSecretSetValue);
    if (fn == NULL) {
        return;
    }
    if (value == NULL) {
        lv_throw_java(env, "java/lang/NullPointerException", "value");
        return;
    }
    jsize n = (*env)->GetArrayLength(env, value);
    unsigned char *buf = malloc((size_t) n + 1);
    if (buf == NULL) {
        lv_throw_java(env, "java/lang/OutOfMemoryError", "no memory for the secret value");
        return;
    }
    (*env)->GetByteArrayRegion(env, value, 0, n, (jbyte *) buf);
    if (fn((virSecretPtr) (intptr_t) secret, buf, (size_t) n, (unsigned int) flags) < 0) {
        lv_fail(env, "virSecretSetValue");
    }
    volatile unsigned char *w = buf;
    for (jsize i = 0; i < n; i++) {
        w[i] = 0;
    }
    free(buf);
}

/* ---- events: libvirt calls back into Java from its event loop ----------------------------- */

/* JniEvents and its upcalls, cached at load: on libvirt's threads FindClass would not find them. */
static jclass lv_events_class;
static jmethodID lv_events_event;
static jclass lv_string_class;
static jmethodID lv_events_closed;
static jmethodID lv_events_freed;
static jmethodID lv_events_stream;

int lv_events_init(JNIEnv *env) {
    jclass local = (*env)->FindClass(env, "org/libvirt4j/jni/JniEvents");
    if (local == NULL) {
        return -1;
    }
    lv_events_class = (jclass) (*env)->NewGlobalRef(env, local);
    (*env)->DeleteLocalRef(env, local);
    if (lv_events_class == NULL) {
        return -1;
    }
    local = (*env)->FindClass(env, "java/lang/String");
    if (local == NULL) {
        return -1;
    }
    lv_string_class = (jclass) (*env)->NewGlobalRef(env, local);
    (*env)->DeleteLocalRef(env, local);
    if (lv_string_class == NULL) {
        return -1;
    }
    /* Each lookup runs only while none has failed: JNI may not be called with an exception pending. */
    struct {
        jmethodID *id;
        const char *name;
        const char *sig;
    } upcalls[] = {
        {&lv_events_event, "event", "(JIJ[J[Ljava/lang/String;Ljava/lang/Object;)V"},
        {&lv_events_closed, "closed", "(JI)V"},
        {&lv_events_freed, "freed", "(J)V"},
        {&lv_events_stream, "streamEvent", "(JI)V"},
    };
    for (size_t i = 0; i < sizeof upcalls / sizeof upcalls[0]; i++) {
        *upcalls[i].id = (*env)->GetStaticMethodID(env, lv_events_class, upcalls[i].name, upcalls[i].sig);
        if (*upcalls[i].id == NULL) {
            return -1;
        }
    }
    return 0;
}

/* One upcall from a libvirt callback into Java: lv_upcall (lv_core.h). */

/*
 * Prepares an upcall on whatever thread libvirt calls back on: normally the event loop's Java
 * thread, but an application may iterate libvirt's loop on a thread the JVM has never seen.
 * Returns -1 when Java cannot be reached; the event is then dropped.
 */
int lv_upcall_begin(lv_upcall *u) {
    u->attached = 0;
    u->pending = NULL;
    jint rc = (*lv_vm)->GetEnv(lv_vm, (void **) &u->env, JNI_VERSION_1_8);
    if (rc == JNI_EDETACHED) {
        if ((*lv_vm)->AttachCurrentThreadAsDaemon(lv_vm, (void **) &u->env, NULL) != JNI_OK) {
            return -1;
        }
        u->attached = 1;
    } else if (rc != JNI_OK) {
        return -1;
    }
    /* Java may not be called with an exception pending: keep one from an enclosing native call. */
    if ((*u->env)->ExceptionCheck(u->env)) {
        u->pending = (*u->env)->ExceptionOccurred(u->env);
        (*u->env)->ExceptionClear(u->env);
    }
    return 0;
}

void lv_upcall_end(lv_upcall *u) {
    JNIEnv *env = u->env;
    /* JniEvents catches what a callback throws; whatever still escapes must not reach libvirt's frames. */
    if ((*env)->ExceptionCheck(env)) {
        (*env)->ExceptionClear(env);
    }
    if (u->pending != NULL) {
        (*env)->Throw(env, u->pending);
        (*env)->DeleteLocalRef(env, u->pending);
    }
    if (u->attached) {
        (*lv_vm)->DetachCurrentThread(lv_vm);
    }
}

/*
 * The one virConnectCloseFunc every close callback registration passes, so that unregistering
 * names the same function. libvirt calls it at most once per registration, holding the
 * connection's close-callback lock, and frees the registration right after it returns.
 */
static void lv_close_cb(virConnectPtr conn, int reason, void *opaque) {
    (void) conn;
    lv_upcall u;
    if (lv_upcall_begin(&u) == 0) {
        (*u.env)->CallStaticVoidMethod(u.env, lv_events_class, lv_events_closed, (jlong) (intptr_t) opaque,
                                       (jint) reason);
        lv_upcall_end(&u);
    }
}

/* libvirt's virFreeCallback: it has dropped the registration, so Java may forget the key. */
void lv_event_free_cb(void *opaque) {
    lv_upcall u;
    if (lv_upcall_begin(&u) == 0) {
        (*u.env)->CallStaticVoidMethod(u.env, lv_events_class, lv_events_freed, (jlong) (intptr_t) opaque);
        lv_upcall_end(&u);
    }
}

/* The one virStreamEventCallback every stream registration passes; opaque is the Java key. */
static void lv_stream_event_cb(virStreamPtr st, int events, void *opaque) {
    (void) st;
    lv_upcall u;
    if (lv_upcall_begin(&u) == 0) {
        (*u.env)->CallStaticVoidMethod(u.env, lv_events_class, lv_events_stream, (jlong) (intptr_t) opaque,
                                       (jint) events);
        lv_upcall_end(&u);
    }
}

/* virStreamEventAddCallback with lv_stream_event_cb; key is the opaque pointer, freed by lv_event_free_cb. */
static void JNICALL lv_stream_event_add(JNIEnv *env, jclass cls, jlong st, jint events, jlong key) {
    (void) cls;
    lv_t_virStreamEventAddCallback fn =
        (lv_t_virStreamEventAddCallback) lv_resolve(env, LV_virStreamEventAddCallback);
    if (fn != NULL && fn((virStreamPtr) (intptr_t) st, (int) events, lv_stream_event_cb, (void *) (intptr_t) key,
                         lv_event_free_cb) < 0) {
        lv_fail(env, "virStreamEventAddCallback");
    }
}

/* The callbacks have their events' own types, so that the casts below hide no mismatch. */
#define LV_CALLBACK_TYPE(fn, type) \
    _Static_assert(__builtin_types_compatible_p(__typeof__(&fn), type), #fn " is not a " #type)
LV_CALLBACK_TYPE(lv_close_cb, virConnectCloseFunc);
LV_CALLBACK_TYPE(lv_stream_event_cb, virStreamEventCallback);

/*
 * One event's upcall, built by the generated callbacks of lv_events.c: libvirt passes each event
 * kind's fields with the kind's own C types; they travel to JniEvents.event as numbers, strings
 * and one extra object, in the order EventKind's signature gives. The locals live in a frame of
 * their own: the event loop's native frame lasts a whole loop iteration.
 */
typedef struct {
    lv_upcall u;
    jint kind;
    jlongArray nums;
    jobjectArray strs;
    jobject extra;
    int failed; /* a conversion failed (an exception is pending): the event is dropped */
} lv_event;

static int lv_event_begin(lv_event *e, jint kind, int nnums, int nstrs) {
    if (lv_upcall_begin(&e->u) != 0) {
        return -1;
    }
    JNIEnv *env = e->u.env;
    e->kind = kind;
    e->extra = NULL;
    e->failed = 0;
    if ((*env)->PushLocalFrame(env, 16) != 0) {
        lv_upcall_end(&e->u);
        return -1;
    }
    e->nums = (*env)->NewLongArray(env, nnums);
    e->strs = e->nums != NULL ? (*env)->NewObjectArray(env, nstrs, lv_string_class, NULL) : NULL;
    e->failed = e->nums == NULL || e->strs == NULL;
    return 0;
}

static void lv_event_num(lv_event *e, int i, jlong v) {
    if (!e->failed) {
        (*e->u.env)->SetLongArrayRegion(e->u.env, e->nums, i, 1, &v);
    }
}

static void lv_event_str(lv_event *e, int i, const char *s) {
    if (e->failed || s == NULL) {
        return;
    }
    JNIEnv *env = e->u.env;
    jstring j = lv_cstr(env, s);
    if (j == NULL) {
        e->failed = 1;
        return;
    }
    (*env)->SetObjectArrayElement(env, e->strs, i, j);
    (*env)->DeleteLocalRef(env, j);
}

static void lv_event_params(lv_event *e, virTypedParameterPtr p, int n) {
    if (!e->failed) {
        e->extra = lv_params_to_java(e->u.env, NULL, p, p != NULL && n > 0 ? n : 0);
        e->failed = e->extra == NULL;
    }
}

/* The subject's identities as String[]{type0, name0, type1, name1, ...}. */
static void lv_event_subject(lv_event *e, const virDomainEventGraphicsSubject *s) {
    if (e->failed) {
        return;
    }
    JNIEnv *env = e->u.env;
    int n = s != NULL && s->identities != NULL && s->nidentity > 0 ? s->nidentity : 0;
    jobjectArray a = (*env)->NewObjectArray(env, 2 * n, lv_string_class, NULL);
    if (a == NULL) {
        e->failed = 1;
        return;
    }
    for (int i = 0; i < n; i++) {
        const char *parts[2] = {s->identities[i].type, s->identities[i].name};
        for (int j = 0; j < 2; j++) {
            if (parts[j] != NULL) {
                jstring js = lv_cstr(env, parts[j]);
                if (js == NULL) {
                    e->failed = 1;
                    return;
                }
                (*env)->SetObjectArrayElement(env, a, 2 * i + j, js);
                (*env)->DeleteLocalRef(env, js);
            }
        }
    }
    e->extra = a;
}

/* Takes a reference on obj for the handle Java wraps around it, then makes the upcall. */
static void lv_event_end(lv_event *e, void *opaque, void *obj, int (*ref)(void *)) {
    JNIEnv *env = e->u.env;
    if (!e->failed && ref(obj) == 0) {
        (*env)->CallStaticVoidMethod(env, lv_events_class, lv_events_event, (jlong) (intptr_t) opaque, e->kind,
                                     (jlong) (intptr_t) obj, e->nums, e->strs, e->extra);
    }
    (*env)->PopLocalFrame(env, NULL);
    lv_upcall_end(&e->u);
}

#include "lv_events.c"

/* virConnectRegisterCloseCallback with lv_close_cb; key is the opaque pointer, freed by lv_event_free_cb. */
static void JNICALL lv_close_callback_register(JNIEnv *env, jclass cls, jlong conn, jlong key) {
    (void) cls;
    lv_t_virConnectRegisterCloseCallback fn =
        (lv_t_virConnectRegisterCloseCallback) lv_resolve(env, LV_virConnectRegisterCloseCallback);
    if (fn != NULL
        && fn((virConnectPtr) (intptr_t) conn, lv_close_cb, (void *) (intptr_t) key, lv_event_free_cb) < 0) {
        lv_fail(env, "virConnectRegisterCloseCallback");
    }
}

/* virConnectUnregisterCloseCallback of lv_close_cb, the only close function this glue registers. */
static void JNICALL lv_close_callback_unregister(JNIEnv *env, jclass cls, jlong conn) {
    (void) cls;
    lv_t_virConnectUnregisterCloseCallback fn =
        (lv_t_virConnectUnregisterCloseCallback) lv_resolve(env, LV_virConnectUnregisterCloseCallback);
    if (fn != NULL && fn((virConnectPtr) (intptr_t) conn, lv_close_cb) < 0) {
        lv_fail(env, "virConnectUnregisterCloseCallback");
    }
}

static jlong JNICALL lv_get_version(JNIEnv *env, jclass cls) {
    (void) cls;
    lv_t_virGetVersion fn = (lv_t_virGetVersion) lv_resolve(env, LV_virGetVersion);
    unsigned long version = 0;
    if (fn != NULL && fn(&version, NULL, NULL) < 0) {
        lv_fail(env, "virGetVersion");
    }
    return (jlong) version;
}

const JNINativeMethod lv_manual_methods[] = {
    {"getVersion", "()J", (void *) lv_get_version},
    {"free", "(IJ)V", (void *) lv_free},
    {"domainGetInfo", "(J[J)V", (void *) lv_domain_get_info},
    {"domainGetState", "(JI[I)V", (void *) lv_domain_get_state},
    {"nodeGetInfo", "(J[J)Ljava/lang/String;", (void *) lv_node_get_info},
    {"storagePoolGetInfo", "(J[J)V", (void *) lv_pool_get_info},
    {"storageVolGetInfo", "(J[J)V", (void *) lv_vol_get_info},
    {"domainBlockStats", "(JLjava/lang/String;[J)V", (void *) lv_domain_block_stats},
    {"domainInterfaceStats", "(JLjava/lang/String;[J)V", (void *) lv_domain_interface_stats},
    {"domainMemoryStats", "(J[JI)I", (void *) lv_domain_memory_stats},
    {"listAll", "(IJI)[J", (void *) lv_list_all},
    {"nodeDeviceListCaps", "(J)[Ljava/lang/String;", (void *) lv_node_device_list_caps},
    {"getParams", "(IJI)[Ljava/lang/Object;", (void *) lv_get_params},
    {"setParams", "(IJ[Ljava/lang/String;[I[J[Ljava/lang/String;I)V", (void *) lv_set_params},
    {"openAuth", "(Ljava/lang/String;[ILorg/libvirt4j/ConnectAuthCallback;I)J", (void *) lv_open_auth},
    {"streamSendDirect", "(JLjava/nio/ByteBuffer;II)I", (void *) lv_stream_send_direct},
    {"streamRecvDirect", "(JLjava/nio/ByteBuffer;II)I", (void *) lv_stream_recv_direct},
    {"streamRecvFlags", "(J[BIII)I", (void *) lv_stream_recv_flags},
    {"streamRecvHole", "(JI)J", (void *) lv_stream_recv_hole},
    {"streamEventAdd", "(JIJ)V", (void *) lv_stream_event_add},
    {"secretGetValue", "(JI)[B", (void *) lv_secret_get_value},
    {"secretSetValue", "(J[BI)V", (void *) lv_secret_set_value},
    {"eventRegister", "(IJJJ)I", (void *) lv_event_register},
    {"closeCallbackRegister", "(JJ)V", (void *) lv_close_callback_register},
    {"closeCallbackUnregister", "(J)V", (void *) lv_close_callback_unregister},
    {"getAllDomainStats", "(J[JII)[Ljava/lang/Object;", (void *) lv_get_all_domain_stats},
};

const int lv_manual_method_count = (int) (sizeof lv_manual_methods / sizeof lv_manual_methods[0]);
