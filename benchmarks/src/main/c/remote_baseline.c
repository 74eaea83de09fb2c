/*
 * The C baseline for RemoteBenchmark: virDomainGetInfo round trips through libvirt's own C
 * client to a daemon, from N threads sharing one connection, in a plain loop.
 * Prints "<calls per second> <client CPU microseconds per call>" for the whole run (the CPU
 * of this process, all threads).
 * usage: remote_baseline URI THREADS SECONDS [getInfo|getXMLDesc]
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The few libvirt declarations used, so that building needs libvirt.so.0 only. */
typedef struct _virConnect *virConnectPtr;
typedef struct _virDomain *virDomainPtr;
typedef struct {
    unsigned char state;
    unsigned long maxMem;
    unsigned long memory;
    unsigned short nrVirtCpu;
    unsigned long long cpuTime;
} virDomainInfo;
virConnectPtr virConnectOpen(const char *name);
int virConnectClose(virConnectPtr conn);
virDomainPtr virDomainLookupByName(virConnectPtr conn, const char *name);
int virDomainFree(virDomainPtr domain);
int virDomainGetInfo(virDomainPtr domain, virDomainInfo *info);
char *virDomainGetXMLDesc(virDomainPtr domain, unsigned int flags);

static virDomainPtr dom;
static double deadline;
static int xml; /* getXMLDesc instead of getInfo */

static double clock_seconds(clockid_t clock) {
    struct timespec ts;
    clock_gettime(clock, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double now(void) {
    return clock_seconds(CLOCK_MONOTONIC);
}

static int call(void) {
    if (xml) {
        char *s = virDomainGetXMLDesc(dom, 0);
        free(s);
        return s == NULL ? -1 : 0;
    }
    virDomainInfo info;
    return virDomainGetInfo(dom, &info);
}

static void *loop(void *arg) {
    long *calls = arg;
    while (now() < deadline) {
        for (int i = 0; i < 16; i++) {
            if (call() < 0) {
                fprintf(stderr, "remote_baseline: the call failed\n");
                exit(1);
            }
        }
        *calls += 16;
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 4 && argc != 5) {
        fprintf(stderr, "usage: remote_baseline URI THREADS SECONDS [getInfo|getXMLDesc]\n");
        return 2;
    }
    xml = argc == 5 && strcmp(argv[4], "getXMLDesc") == 0;
    int threads = atoi(argv[2]);
    double seconds = atof(argv[3]);
    virConnectPtr conn = virConnectOpen(argv[1]);
    if (conn == NULL || (dom = virDomainLookupByName(conn, "test")) == NULL) {
        fprintf(stderr, "remote_baseline: cannot open %s or find domain 'test'\n", argv[1]);
        return 1;
    }
    pthread_t tids[threads];
    long calls[threads];
    double start = now();
    double cpu0 = clock_seconds(CLOCK_PROCESS_CPUTIME_ID);
    deadline = start + seconds;
    for (int t = 0; t < threads; t++) {
        calls[t] = 0;
        pthread_create(&tids[t], NULL, loop, &calls[t]);
    }
    long total = 0;
    for (int t = 0; t < threads; t++) {
        pthread_join(tids[t], NULL);
        total += calls[t];
    }
    double elapsed = now() - start;
    double cpu = clock_seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu0;
    printf("%.1f %.2f\n", total / elapsed, total > 0 ? cpu * 1e6 / total : 0.0);
    virDomainFree(dom);
    virConnectClose(conn);
    return 0;
}
