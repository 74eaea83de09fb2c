/*
 * The C baseline for RemoteBenchmark: virDomainGetInfo round trips through libvirt's own C
 * client to a daemon, from N threads sharing one connection, in a plain loop.
 * Prints "<calls per second>" for the whole run.
 * usage: remote_baseline URI THREADS SECONDS
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
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

static virDomainPtr dom;
static double deadline;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void *loop(void *arg) {
    long *calls = arg;
    virDomainInfo info;
    while (now() < deadline) {
        for (int i = 0; i < 16; i++) {
            if (virDomainGetInfo(dom, &info) < 0) {
                fprintf(stderr, "remote_baseline: virDomainGetInfo failed\n");
                exit(1);
            }
        }
        *calls += 16;
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: remote_baseline URI THREADS SECONDS\n");
        return 2;
    }
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
    printf("%.1f\n", total / (now() - start));
    virDomainFree(dom);
    virConnectClose(conn);
    return 0;
}
