/*
 * The C baseline for EventBenchmark: lifecycle events through libvirt's own C client. One
 * connection to a daemon, libvirt's default event loop on a thread of its own, one lifecycle
 * callback for every domain; the main thread creates and destroys transient test domains in a
 * loop without waiting for the events. Each event's latency is from the start of the call that
 * caused it (createXML: STARTED, destroy: STOPPED) to the callback's arrival. The events of one
 * connection arrive in the order of the calls, so the n-th event belongs to the n-th call; an
 * event of another type in that place counts as an error.
 *
 * After WARMUP seconds unmeasured it prints "ready", then ROUNDS rounds of SECONDS each (ROUNDS 0:
 * one round per line read from stdin, until its end); each prints
 * "<events per second> <mean latency in microseconds>", the rate counted from the round's first
 * call to its last event's arrival (every round waits for all its events).
 * usage: event_baseline URI WARMUP SECONDS ROUNDS
 */
#include <libvirt/libvirt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define RING (1 << 20)

static long long issued[RING];
static long long n_issued;   /* written by the main thread */
static long long n_received; /* written by the event thread */
static long long lat_sum;    /* ns, event thread */
static long long last_arrival;
static long long errors;
/* this process's domain name prefix: other clients of the same daemon's test driver see their
 * events on our callback too */
static char prefix[32];

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void *event_loop(void *arg) {
    (void) arg;
    for (;;) {
        if (virEventRunDefaultImpl() < 0) {
            fprintf(stderr, "event_baseline: virEventRunDefaultImpl failed\n");
        }
    }
    return NULL;
}

static int on_lifecycle(virConnectPtr conn, virDomainPtr dom, int event, int detail, void *opaque) {
    (void) conn;
    (void) detail;
    (void) opaque;
    long long t = now_ns();
    const char *name = virDomainGetName(dom);
    if (name == NULL || strncmp(name, prefix, strlen(prefix)) != 0
        || (event != VIR_DOMAIN_EVENT_STARTED && event != VIR_DOMAIN_EVENT_STOPPED)) {
        return 0;
    }
    long long k = __atomic_load_n(&n_received, __ATOMIC_RELAXED);
    int expected = (k % 2 == 0) ? VIR_DOMAIN_EVENT_STARTED : VIR_DOMAIN_EVENT_STOPPED;
    if (event != expected) {
        __atomic_add_fetch(&errors, 1, __ATOMIC_RELAXED);
    }
    long long at = __atomic_load_n(&issued[k % RING], __ATOMIC_ACQUIRE);
    __atomic_store_n(&lat_sum, lat_sum + (t - at), __ATOMIC_RELAXED);
    __atomic_store_n(&last_arrival, t, __ATOMIC_RELAXED);
    __atomic_store_n(&n_received, k + 1, __ATOMIC_RELEASE);
    return 0;
}

static void issue(void) {
    __atomic_store_n(&issued[n_issued % RING], now_ns(), __ATOMIC_RELEASE);
    n_issued++;
}

/* Creates and destroys domains for the given time; returns once every event has arrived. */
static void run(virConnectPtr conn, double seconds, long long *serial, double *rate, double *latency_us) {
    char xml[256];
    long long first = n_issued;
    long long lat0 = __atomic_load_n(&lat_sum, __ATOMIC_ACQUIRE);
    long long start = now_ns();
    long long end = start + (long long) (seconds * 1e9);
    while (now_ns() < end) {
        snprintf(xml, sizeof xml, "<domain type='test'><name>%s%lld</name><memory>8192</memory>"
                 "<os><type>hvm</type></os></domain>", prefix, (*serial)++);
        issue();
        virDomainPtr d = virDomainCreateXML(conn, xml, 0);
        if (d == NULL) {
            fprintf(stderr, "event_baseline: virDomainCreateXML failed\n");
            exit(1);
        }
        issue();
        if (virDomainDestroy(d) < 0) {
            fprintf(stderr, "event_baseline: virDomainDestroy failed\n");
            exit(1);
        }
        virDomainFree(d);
    }
    long long wait_until = now_ns() + 30000000000LL;
    while (__atomic_load_n(&n_received, __ATOMIC_ACQUIRE) < n_issued) {
        if (now_ns() > wait_until) {
            fprintf(stderr, "event_baseline: %lld events never arrived\n", n_issued - n_received);
            exit(1);
        }
        struct timespec pause = {0, 100000};
        nanosleep(&pause, NULL);
    }
    long long events = n_issued - first;
    *rate = events / ((__atomic_load_n(&last_arrival, __ATOMIC_ACQUIRE) - start) / 1e9);
    *latency_us = (__atomic_load_n(&lat_sum, __ATOMIC_ACQUIRE) - lat0) / 1e3 / events;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: event_baseline URI WARMUP SECONDS ROUNDS\n");
        return 2;
    }
    snprintf(prefix, sizeof prefix, "evb-%ld-", (long) getpid());
    double warmup = atof(argv[2]);
    double seconds = atof(argv[3]);
    int rounds = atoi(argv[4]);
    if (virEventRegisterDefaultImpl() < 0) {
        fprintf(stderr, "event_baseline: virEventRegisterDefaultImpl failed\n");
        return 1;
    }
    pthread_t loop;
    pthread_create(&loop, NULL, event_loop, NULL);
    virConnectPtr conn = virConnectOpen(argv[1]);
    if (conn == NULL) {
        fprintf(stderr, "event_baseline: cannot open %s\n", argv[1]);
        return 1;
    }
    int id = virConnectDomainEventRegisterAny(conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                              VIR_DOMAIN_EVENT_CALLBACK(on_lifecycle), NULL, NULL);
    if (id < 0) {
        fprintf(stderr, "event_baseline: cannot register the lifecycle callback\n");
        return 1;
    }
    long long serial = 0;
    double rate, latency;
    if (warmup > 0) {
        run(conn, warmup, &serial, &rate, &latency);
    }
    /* ROUNDS 0: one round per line read from stdin, until its end (the runner interleaves clients) */
    printf("ready\n");
    fflush(stdout);
    char line[64];
    for (int r = 0; rounds == 0 ? fgets(line, sizeof line, stdin) != NULL : r < rounds; r++) {
        run(conn, seconds, &serial, &rate, &latency);
        printf("%.1f %.1f\n", rate, latency);
        fflush(stdout);
    }
    virConnectDomainEventDeregisterAny(conn, id);
    virConnectClose(conn);
    if (errors > 0) {
        fprintf(stderr, "event_baseline: %lld events out of order\n", errors);
        return 1;
    }
    return 0;
}
