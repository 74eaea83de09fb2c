/*
 * The C baseline for StreamBenchmark: a volume upload and download through libvirt's own C
 * client. One connection to a daemon's storage driver, a volume of SIZE MiB in the dir pool POOL;
 * an upload sends SIZE MiB with virStreamSend in CHUNK KiB pieces (one buffer, reused), a download
 * reads the volume back with virStreamRecv into one CHUNK KiB buffer; each ends with
 * virStreamFinish. The bytes moved are counted and checked.
 *
 * After WARMUP rounds unmeasured it prints "ready", then one round per line read from stdin,
 * until its end; each prints "<upload MiB/s> <download MiB/s> <upload CPU s> <download CPU s>", the
 * CPU time being the process's (CLOCK_PROCESS_CPUTIME_ID) during each transfer.
 * With a seventh argument "events", libvirt's default event loop runs on a thread of its own
 * first, as in an application that also takes events.
 * usage: stream_baseline URI POOL VOLUME SIZE_MIB CHUNK_KIB WARMUP [events]
 */
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double cpu(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *what) {
    virErrorPtr e = virGetLastError();
    fprintf(stderr, "stream_baseline: %s: %s\n", what, e != NULL && e->message != NULL ? e->message : "failed");
    exit(1);
}

static double upload(virConnectPtr conn, virStorageVolPtr vol, const char *buf, size_t chunk, unsigned long long size) {
    virStreamPtr st = virStreamNew(conn, 0);
    if (st == NULL || virStorageVolUpload(vol, st, 0, size, 0) < 0) {
        die("virStorageVolUpload");
    }
    double start = now();
    unsigned long long sent = 0;
    while (sent < size) {
        size_t want = size - sent < chunk ? (size_t) (size - sent) : chunk;
        size_t off = 0;
        while (off < want) {
            int n = virStreamSend(st, buf + off, want - off);
            if (n <= 0) {
                die("virStreamSend");
            }
            off += (size_t) n;
        }
        sent += want;
    }
    if (virStreamFinish(st) < 0) {
        die("virStreamFinish (upload)");
    }
    double t = now() - start;
    virStreamFree(st);
    return size / 1048576.0 / t;
}

static double download(virConnectPtr conn, virStorageVolPtr vol, char *buf, size_t chunk, unsigned long long size) {
    virStreamPtr st = virStreamNew(conn, 0);
    if (st == NULL || virStorageVolDownload(vol, st, 0, size, 0) < 0) {
        die("virStorageVolDownload");
    }
    double start = now();
    unsigned long long got = 0;
    int n;
    while ((n = virStreamRecv(st, buf, chunk)) > 0) {
        got += (unsigned long long) n;
    }
    if (n < 0) {
        die("virStreamRecv");
    }
    if (virStreamFinish(st) < 0) {
        die("virStreamFinish (download)");
    }
    double t = now() - start;
    virStreamFree(st);
    if (got != size) {
        fprintf(stderr, "stream_baseline: downloaded %llu bytes of %llu\n", got, size);
        exit(1);
    }
    return size / 1048576.0 / t;
}

static void *event_loop(void *arg) {
    (void) arg;
    for (;;) {
        virEventRunDefaultImpl();
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 7 && !(argc == 8 && strcmp(argv[7], "events") == 0)) {
        fprintf(stderr, "usage: stream_baseline URI POOL VOLUME SIZE_MIB CHUNK_KIB WARMUP [events]\n");
        return 2;
    }
    if (argc == 8) {
        pthread_t t;
        if (virEventRegisterDefaultImpl() < 0 || pthread_create(&t, NULL, event_loop, NULL) != 0) {
            die("virEventRegisterDefaultImpl");
        }
    }
    unsigned long long size = strtoull(argv[4], NULL, 10) * 1048576ULL;
    size_t chunk = (size_t) strtoul(argv[5], NULL, 10) * 1024;
    int warmup = atoi(argv[6]);
    virConnectPtr conn = virConnectOpen(argv[1]);
    if (conn == NULL) {
        die("virConnectOpen");
    }
    virStoragePoolPtr pool = virStoragePoolLookupByName(conn, argv[2]);
    if (pool == NULL) {
        die("virStoragePoolLookupByName");
    }
    char xml[512];
    snprintf(xml, sizeof xml,
             "<volume><name>%s</name><capacity unit='bytes'>%llu</capacity><allocation>0</allocation>"
             "<target><format type='raw'/></target></volume>",
             argv[3], size);
    virStorageVolPtr vol = virStorageVolCreateXML(pool, xml, 0);
    if (vol == NULL) {
        die("virStorageVolCreateXML");
    }
    char *buf = malloc(chunk);
    if (buf == NULL) {
        die("malloc");
    }
    for (size_t i = 0; i < chunk; i++) {
        buf[i] = (char) (i * 31 + 7);
    }
    for (int r = 0; r < warmup; r++) {
        upload(conn, vol, buf, chunk, size);
        download(conn, vol, buf, chunk, size);
    }
    printf("ready\n");
    fflush(stdout);
    char line[64];
    while (fgets(line, sizeof line, stdin) != NULL) {
        double cpu0 = cpu();
        double up = upload(conn, vol, buf, chunk, size);
        double cpu1 = cpu();
        double down = download(conn, vol, buf, chunk, size);
        double cpu2 = cpu();
        printf("%.1f %.1f %.4f %.4f\n", up, down, cpu1 - cpu0, cpu2 - cpu1);
        fflush(stdout);
    }
    virStorageVolDelete(vol, 0);
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    free(buf);
    virConnectClose(conn);
    return 0;
}
