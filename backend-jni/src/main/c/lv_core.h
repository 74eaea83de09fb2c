/*
 * The JNI backend's core: libvirt loading and symbol resolution, error reporting, and string
 * conversion, shared by the generated wrappers (lv_generated.c) and the hand-written ones
 * (lv_manual.c).
 */
#ifndef LV_CORE_H
#define LV_CORE_H

#include <jni.h>
#include "lv_api.h"

#define LV_UUID_BUFLEN 16
#define LV_UUID_STRING_BUFLEN 37

/* libvirt's numbers used by the glue itself (virErrorNumber, virErrorDomain, virErrorLevel). */
#define LV_ERR_INTERNAL_ERROR 1
#define LV_ERR_NO_MEMORY 2
#define LV_ERR_NO_SUPPORT 3
#define LV_ERR_INVALID_ARG 8
#define LV_FROM_NONE 0
#define LV_LEVEL_ERROR 2

/* A Java string as libvirt wants it: UTF-8, NUL-terminated; short ones live on the stack. */
#define LV_STACK_STR 232
typedef struct {
    char *p;
    char *heap;
    char buf[LV_STACK_STR];
} lv_str;
#define LV_STR_INIT { NULL, NULL, { 0 } }

/* Prepares an lv_str for lv_jstr/lv_str_free without clearing its buffer. */
static inline void lv_str_init(lv_str *s) {
    s->p = NULL;
    s->heap = NULL;
}

/* The JavaVM, for callbacks that arrive from libvirt. */
extern JavaVM *lv_vm;

/* Returns the libvirt function in slot, resolving it on first use; NULL with ERR_NO_SUPPORT thrown if absent. */
void *lv_resolve(JNIEnv *env, int slot);
/* Like lv_resolve but never throws: for frees on the Cleaner thread. */
void *lv_sym(int slot);

/* Throws libvirt's last error of this thread, or an internal error naming fn if none is set. */
void lv_fail(JNIEnv *env, const char *fn);
/* Throws libvirt's last error of this thread if one is set; returns whether it threw. */
int lv_fail_if_set(JNIEnv *env, const char *fn);
/* Throws a LibvirtException with the given numbers. */
void lv_throw(JNIEnv *env, int code, int domain, const char *message);
/* Throws a Java exception of the named class. */
void lv_throw_java(JNIEnv *env, const char *cls, const char *message);

/* Converts a Java string (NULL stays NULL); returns 0, or -1 with an exception pending. */
int lv_jstr(JNIEnv *env, jstring s, lv_str *out);
/* Releases what lv_jstr allocated; safe on an unconverted or failed lv_str. */
void lv_str_free(lv_str *s);
/* Converts libvirt's UTF-8 to a Java string; NULL with an exception pending on failure. */
jstring lv_cstr(JNIEnv *env, const char *s);
/* Copies a 16-byte Java array into out; returns 0, or -1 with an exception pending. */
int lv_juuid(JNIEnv *env, jbyteArray a, unsigned char *out);
/* Returns a new Java byte[16] holding uuid. */
jbyteArray lv_uuid_array(JNIEnv *env, const unsigned char *uuid);

/* Caches what libvirt's event callbacks call in Java (lv_manual.c); returns 0, or -1 with an exception pending. */
int lv_events_init(JNIEnv *env);

/* Typed parameters (lv_manual.c): a virTypedParameter array to Object[]{sched, String[] fields,
 * int[] types, long[] values, String[] strings}, or NULL with an exception pending; the reverse
 * (0, or -1 with an exception pending); and the free of what either side allocated with malloc. */
jobjectArray lv_params_to_java(JNIEnv *env, const char *sched, virTypedParameterPtr p, int n);
int lv_params_from_java(JNIEnv *env, jobjectArray fields, jintArray types, jlongArray values, jobjectArray strings,
                        virTypedParameterPtr *out, int *count);
void lv_params_clear(virTypedParameterPtr p, int n);

/* An upcall from a libvirt callback into Java (lv_manual.c): begin attaches the thread if need
 * be and keeps a pending exception aside (-1: Java cannot be reached, drop the event); end
 * clears what the upcall threw, restores that exception and detaches. */
typedef struct {
    JNIEnv *env;
    int attached;
    jthrowable pending;
} lv_upcall;
int lv_upcall_begin(lv_upcall *u);
void lv_upcall_end(lv_upcall *u);
/* libvirt's virFreeCallback for every event registration: JniEvents forgets the key. */
void lv_event_free_cb(void *opaque);

/* The QEMU and LXC natives (lv_qemu.c): registers them; returns 0, or -1 with an exception pending. */
int lv_qemu_init(JNIEnv *env);

extern const JNINativeMethod lv_generated_methods[];
extern const int lv_generated_method_count;
extern const JNINativeMethod lv_manual_methods[];
extern const int lv_manual_method_count;
extern const JNINativeMethod lv_typed_methods[];
extern const int lv_typed_method_count;
extern const JNINativeMethod lv_irregular_methods[];
extern const int lv_irregular_method_count;
extern const JNINativeMethod lv_admin_methods[];
extern const int lv_admin_method_count;
extern const JNINativeMethod lv_host_methods[];
extern const int lv_host_method_count;

#endif
