/*
 * The generated typed-parameter functions (spi.generated.TypedFn) through two entry points, one
 * per direction, laid out from the function's signature: "PAI"/"PSAI" (an array the caller
 * allocates, sized by a first call with NULL), "PaI"/"PiaI" (an array libvirt allocates, freed
 * with virTypedParamsFree) to read; "PTI"/"PSTI"/"PITI" to set. No per-function code.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lv_core.h"

typedef int (*lv_get_pai)(void *, virTypedParameterPtr, int *, unsigned int);
typedef int (*lv_get_psai)(void *, const char *, virTypedParameterPtr, int *, unsigned int);
typedef int (*lv_get_pa)(void *, virTypedParameterPtr *, int *, unsigned int);
typedef int (*lv_get_pia)(void *, int *, virTypedParameterPtr *, int *, unsigned int);
typedef int (*lv_set_pti)(void *, virTypedParameterPtr, int, unsigned int);
typedef int (*lv_set_psti)(void *, const char *, virTypedParameterPtr, int, unsigned int);
typedef int (*lv_set_piti)(void *, unsigned int, virTypedParameterPtr, int, unsigned int);
typedef void (*lv_params_free)(virTypedParameterPtr, int);

/* The slot of a libvirt function by name, or -1. */
static jint JNICALL lv_typed_slot(JNIEnv *env, jclass cls, jstring name) {
    (void) cls;
    lv_str n = LV_STR_INIT;
    if (name == NULL || lv_jstr(env, name, &n) != 0) {
        return -1;
    }
    jint out = -1;
    for (int i = 0; i < LV_COUNT; i++) {
        if (strcmp(lv_names[i], n.p) == 0) {
            out = i;
            break;
        }
    }
    lv_str_free(&n);
    return out;
}

static int lv_sig(JNIEnv *env, jstring sig, char *out, size_t size) {
    lv_str s = LV_STR_INIT;
    if (sig == NULL) {
        lv_throw_java(env, "java/lang/NullPointerException", "signature");
        return -1;
    }
    if (lv_jstr(env, sig, &s) != 0) {
        return -1;
    }
    snprintf(out, size, "%s", s.p);
    lv_str_free(&s);
    return 0;
}

static jobjectArray JNICALL lv_typed_get(JNIEnv *env, jclass cls, jint slot, jstring jsig, jlong self, jstring jstr,
                                         jint flags) {
    (void) cls;
    char sig[8];
    if (slot < 0 || slot >= LV_COUNT || lv_sig(env, jsig, sig, sizeof sig) != 0) {
        if (!(*env)->ExceptionCheck(env)) {
            lv_throw_java(env, "java/lang/IllegalArgumentException", "unknown typed-parameter function");
        }
        return NULL;
    }
    void *fn = lv_resolve(env, slot);
    if (fn == NULL) {
        return NULL;
    }
    lv_str s = LV_STR_INIT;
    if (jstr != NULL && lv_jstr(env, jstr, &s) != 0) {
        return NULL;
    }
    void *obj = (void *) (intptr_t) self;
    unsigned int f = (unsigned int) flags;
    virTypedParameterPtr params = NULL;
    int n = 0;
    int cap = 0;
    int type = 0;
    int allocated = 0;
    int rc;
    jobjectArray out = NULL;
    if (strcmp(sig, "PAI") == 0 || strcmp(sig, "PSAI") == 0) {
        int str = sig[1] == 'S';
        /* The first call with no array asks how many there are. */
        rc = str ? ((lv_get_psai) fn)(obj, s.p, NULL, &n, f) : ((lv_get_pai) fn)(obj, NULL, &n, f);
        if (rc >= 0 && n > 0) {
            cap = n;
            params = calloc((size_t) cap, sizeof *params);
            if (params == NULL) {
                lv_throw_java(env, "java/lang/OutOfMemoryError", "no memory for parameters");
                goto done;
            }
            rc = str ? ((lv_get_psai) fn)(obj, s.p, params, &n, f) : ((lv_get_pai) fn)(obj, params, &n, f);
        }
        if (n > cap) {
            n = cap;
        }
    } else if (strcmp(sig, "PaI") == 0) {
        allocated = 1;
        rc = ((lv_get_pa) fn)(obj, &params, &n, f);
    } else if (strcmp(sig, "PiaI") == 0) {
        allocated = 1;
        rc = ((lv_get_pia) fn)(obj, &type, &params, &n, f);
    } else {
        lv_throw_java(env, "java/lang/IllegalArgumentException", "unknown typed-parameter signature");
        goto done;
    }
    if (rc < 0) {
        lv_fail(env, lv_names[slot]);
        goto done;
    }
    if (n < 0) {
        n = 0;
    }
    char number[16];
    snprintf(number, sizeof number, "%d", type);
    out = lv_params_to_java(env, strchr(sig, 'i') != NULL ? number : NULL, params, n);
done:
    lv_str_free(&s);
    if (allocated) {
        if (params != NULL) {
            lv_params_free free_params = (lv_params_free) lv_sym(LV_virTypedParamsFree);
            if (free_params != NULL) {
                free_params(params, n);
            }
        }
    } else {
        lv_params_clear(params, cap);
    }
    return out;
}

static void JNICALL lv_typed_set(JNIEnv *env, jclass cls, jint slot, jstring jsig, jlong self, jstring jstr,
                                 jint iarg, jobjectArray fields, jintArray types, jlongArray values,
                                 jobjectArray strings, jint flags) {
    (void) cls;
    char sig[8];
    if (slot < 0 || slot >= LV_COUNT || lv_sig(env, jsig, sig, sizeof sig) != 0) {
        if (!(*env)->ExceptionCheck(env)) {
            lv_throw_java(env, "java/lang/IllegalArgumentException", "unknown typed-parameter function");
        }
        return;
    }
    void *fn = lv_resolve(env, slot);
    if (fn == NULL) {
        return;
    }
    lv_str s = LV_STR_INIT;
    if (jstr != NULL && lv_jstr(env, jstr, &s) != 0) {
        return;
    }
    virTypedParameterPtr params;
    int n;
    if (lv_params_from_java(env, fields, types, values, strings, &params, &n) != 0) {
        lv_str_free(&s);
        return;
    }
    void *obj = (void *) (intptr_t) self;
    unsigned int f = (unsigned int) flags;
    int rc = 0;
    int known = 1;
    if (strcmp(sig, "PTI") == 0) {
        rc = ((lv_set_pti) fn)(obj, params, n, f);
    } else if (strcmp(sig, "PSTI") == 0) {
        rc = ((lv_set_psti) fn)(obj, s.p, params, n, f);
    } else if (strcmp(sig, "PITI") == 0) {
        rc = ((lv_set_piti) fn)(obj, (unsigned int) iarg, params, n, f);
    } else {
        known = 0;
        lv_throw_java(env, "java/lang/IllegalArgumentException", "unknown typed-parameter signature");
    }
    if (known && rc < 0) {
        lv_fail(env, lv_names[slot]);
    }
    lv_params_clear(params, n);
    lv_str_free(&s);
}

const JNINativeMethod lv_typed_methods[] = {
    {"slot", "(Ljava/lang/String;)I", (void *) lv_typed_slot},
    {"get", "(ILjava/lang/String;JLjava/lang/String;I)[Ljava/lang/Object;", (void *) lv_typed_get},
    {"set", "(ILjava/lang/String;JLjava/lang/String;I[Ljava/lang/String;[I[J[Ljava/lang/String;I)V",
     (void *) lv_typed_set},
};
const int lv_typed_method_count = (int) (sizeof lv_typed_methods / sizeof lv_typed_methods[0]);
