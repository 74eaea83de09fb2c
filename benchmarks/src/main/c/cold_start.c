/*
 * The C side of ColdStart: opens URI, looks up the domain "test", and prints the
 * CLOCK_MONOTONIC nanoseconds at which its first virDomainGetInfo was answered and at which
 * the first 10,000 were, so that the parent which started this process subtracts its own
 * start time.
 * usage: cold_start URI
 */
#include <stdio.h>
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

#define CALLS 10000

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: cold_start URI\n");
        return 2;
    }
    virConnectPtr conn = virConnectOpen(argv[1]);
    virDomainPtr dom = conn == NULL ? NULL : virDomainLookupByName(conn, "test");
    virDomainInfo info;
    if (dom == NULL || virDomainGetInfo(dom, &info) < 0) {
        fprintf(stderr, "cold_start: cannot open %s or get the info of domain 'test'\n", argv[1]);
        return 1;
    }
    long long first = now_ns();
    for (int i = 1; i < CALLS; i++) {
        if (virDomainGetInfo(dom, &info) < 0) {
            fprintf(stderr, "cold_start: virDomainGetInfo failed\n");
            return 1;
        }
    }
    long long all = now_ns();
    printf("%lld %lld\n", first, all);
    virDomainFree(dom);
    virConnectClose(conn);
    return 0;
}
