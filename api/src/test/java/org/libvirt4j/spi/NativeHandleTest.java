package org.libvirt4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

class NativeHandleTest {
    @Test
    @DisplayName("close frees once, twice is harmless, and later calls get the kind's invalid error")
    void closeOnce() {
        AtomicInteger frees = new AtomicInteger();
        NativeHandle h = new NativeHandle(ObjectKind.DOMAIN, 42, p -> frees.incrementAndGet());
        assertThat(h.acquire("virDomainGetInfo")).isEqualTo(42);
        h.release();
        h.close();
        h.close();
        assertThat(frees).hasValue(1);
        assertThatThrownBy(() -> h.acquire("virDomainGetInfo")).isInstanceOfSatisfying(LibvirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INVALID_DOMAIN);
            assertThat(e.getMessage()).isEqualTo("invalid domain pointer in virDomainGetInfo");
        });
        // the refused call counted itself in and out: that must not free a second time
        assertThat(frees).hasValue(1);
    }

    @Test
    @DisplayName("a close during a call defers the free until that call releases")
    void closeDuringCall() {
        AtomicInteger frees = new AtomicInteger();
        NativeHandle h = new NativeHandle(ObjectKind.NETWORK, 7, p -> frees.incrementAndGet());
        h.acquire("virNetworkGetName");
        h.close();
        assertThat(frees).hasValue(0);
        h.release();
        assertThat(frees).hasValue(1);
    }

    @Test
    @DisplayName("many threads calling while others close never free a pointer in use, and free it exactly once")
    void concurrentCloseNeverFreesInUse() throws Exception {
        for (int round = 0; round < 200; round++) {
            AtomicLong inUse = new AtomicLong();
            AtomicInteger frees = new AtomicInteger();
            AtomicInteger freedWhileInUse = new AtomicInteger();
            NativeHandle h = new NativeHandle(ObjectKind.STORAGE_POOL, 1, p -> {
                if (inUse.get() != 0) {
                    freedWhileInUse.incrementAndGet();
                }
                frees.incrementAndGet();
            });
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                threads.add(new Thread(() -> {
                    await(start);
                    for (int i = 0; i < 200; i++) {
                        try {
                            h.acquire("virStoragePoolGetInfo");
                        } catch (LibvirtException closed) {
                            return;
                        }
                        inUse.incrementAndGet();
                        inUse.decrementAndGet();
                        h.release();
                    }
                }));
            }
            threads.add(new Thread(() -> {
                await(start);
                h.close();
            }));
            threads.forEach(Thread::start);
            start.countDown();
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(10));
            }
            assertThat(frees).hasValue(1);
            assertThat(freedWhileInUse).hasValue(0);
        }
    }

    @Test
    @DisplayName("a handle nobody closes is freed by the Cleaner once unreachable")
    void cleanerFreesForgotten() throws Exception {
        AtomicInteger frees = new AtomicInteger();
        for (int i = 0; i < 100; i++) {
            new NativeHandle(ObjectKind.SECRET, i, p -> frees.incrementAndGet());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (frees.get() < 100 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(frees).hasValue(100);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
