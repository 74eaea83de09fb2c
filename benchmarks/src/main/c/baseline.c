/*
 * The C baseline for BackendBenchmark: the same calls on test:///default, in a plain loop.
 * Prints "<benchmark> <mean ns per call> <best ns per call> <CPU ns per call>" over several timed
 * rounds: the mean is what JMH's score is; the best is the least disturbed by other load on the
 * machine; the CPU time (this process's, over all rounds) does not count waiting for a CPU.
 * usage: baseline [warmup-seconds] [rounds] [round-seconds]
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* The few libvirt declarations used, written here so that building needs libvirt.so.0 only
 * (linked as -l:libvirt.so.0), not libvirt's development headers. */
typedef struct _virConnect *virConnectPtr;
typedef struct _virDomain *virDomainPtr;
typedef struct {
    unsigned char state;
    unsigned long maxMem;
    unsigned long memory;
    unsigned short nrVirtCpu;
    unsigned long long cpuTime;
} virDomainInfo;
typedef struct {
    int code;
    int domain;
    char *message;
} *virErrorPtr; /* only the leading fields are read */
typedef void (*virErrorFunc)(void *userData, virErrorPtr error);
virErrorPtr virGetLastError(void);
void virSetErrorFunc(void *userData, virErrorFunc handler);
virConnectPtr virConnectOpen(const char *name);
int virConnectClose(virConnectPtr conn);
virDomainPtr virDomainDefineXML(virConnectPtr conn, const char *xml);
virDomainPtr virDomainLookupByName(virConnectPtr conn, const char *name);
int virDomainFree(virDomainPtr domain);
int virDomainGetInfo(virDomainPtr domain, virDomainInfo *info);
char *virDomainGetXMLDesc(virDomainPtr domain, unsigned int flags);
int virConnectListAllDomains(virConnectPtr conn, virDomainPtr **domains, unsigned int flags);

#define DOMAINS 1000

static virConnectPtr conn;
static virDomainPtr dom;
static volatile unsigned long sink;

static double clock_seconds(clockid_t clock) {
    struct timespec ts;
    clock_gettime(clock, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double now(void) {
    return clock_seconds(CLOCK_MONOTONIC);
}

static void silent(void *data, virErrorPtr e) {
    (void) data;
    (void) e;
}

static void die(const char *what) {
    virErrorPtr e = virGetLastError();
    fprintf(stderr, "baseline: %s failed: %s\n", what, e && e->message ? e->message : "?");
    exit(1);
}

static void get_info(void) {
    virDomainInfo info;
    if (virDomainGetInfo(dom, &info) < 0) die("virDomainGetInfo");
    sink += info.nrVirtCpu;
}

static void lookup_close(void) {
    virDomainPtr d = virDomainLookupByName(conn, "test");
    if (d == NULL) die("virDomainLookupByName");
    virDomainFree(d);
}

static void get_xml(void) {
    char *xml = virDomainGetXMLDesc(dom, 0);
    if (xml == NULL) die("virDomainGetXMLDesc");
    sink += xml[0];
    free(xml);
}

static void list_all(void) {
    virDomainPtr *list = NULL;
    int n = virConnectListAllDomains(conn, &list, 0);
    if (n < 0) die("virConnectListAllDomains");
    for (int i = 0; i < n; i++) virDomainFree(list[i]);
    free(list);
    sink += n;
}

static long total_calls; /* of every round since the last reset, for the CPU figure */

static double run(void (*op)(void), double seconds) {
    long calls = 0;
    double start = now(), end = start + seconds, t;
    do {
        for (int i = 0; i < 64; i++) op();
        calls += 64;
    } while ((t = now()) < end);
    total_calls += calls;
    return (t - start) * 1e9 / calls;
}

int main(int argc, char **argv) {
    double warmup = argc > 1 ? atof(argv[1]) : 1.0;
    int rounds = argc > 2 ? atoi(argv[2]) : 3;
    double round = argc > 3 ? atof(argv[3]) : 1.0;
    virSetErrorFunc(NULL, silent);
    conn = virConnectOpen("test:///default");
    if (conn == NULL) die("virConnectOpen");
    for (int i = 0; i < DOMAINS; i++) {
        char xml[256];
        snprintf(xml, sizeof xml, "<domain type='test'><name>bench-%04d</name><memory>8192</memory>"
                 "<os><type>hvm</type></os></domain>", i);
        virDomainPtr d = virDomainDefineXML(conn, xml);
        if (d == NULL) die("virDomainDefineXML");
        virDomainFree(d);
    }
    dom = virDomainLookupByName(conn, "test");
    if (dom == NULL) die("virDomainLookupByName");
    struct { const char *name; void (*op)(void); } ops[] = {
        {"getInfo", get_info}, {"lookupByNameClose", lookup_close},
        {"getXMLDesc", get_xml}, {"listAllDomains", list_all},
    };
    for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++) {
        run(ops[k].op, warmup);
        double sum = 0, best = 0;
        total_calls = 0;
        double cpu0 = clock_seconds(CLOCK_PROCESS_CPUTIME_ID);
        for (int r = 0; r < rounds; r++) {
            double ns = run(ops[k].op, round);
            sum += ns;
            if (r == 0 || ns < best) best = ns;
        }
        double cpu = clock_seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu0;
        printf("%s %.1f %.1f %.1f\n", ops[k].name, sum / rounds, best, cpu * 1e9 / total_calls);
        fflush(stdout);
    }
    virDomainFree(dom);
    virConnectClose(conn);
    return 0;
}
