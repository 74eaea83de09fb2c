package org.libvirt4j.jni;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.Libvirt;
import org.libvirt4j.LibvirtException;

/**
 * Many threads call and close the same handles at once. The only acceptable outcomes of a call
 * are its result or the invalid-object error of a closed handle: never a crash, a hang or
 * another error.
 */
class JniStressTest {
    private static final int THREADS = 8;
    private static final long MILLIS = 3_000;

    @Test
    @Timeout(60)
    @DisplayName("Threads racing calls against close on shared domain and connection handles see results or ERR_INVALID_*")
    void callsRaceCloses() throws Exception {
        Set<ErrorNumber> seen = ConcurrentHashMap.newKeySet();
        List<Throwable> unexpected = new CopyOnWriteList();
        AtomicLong calls = new AtomicLong();
        try (Connect conn = Libvirt.using("jni").newConnect("test:///default")) {
            AtomicReferenceArray<Connect> conns = new AtomicReferenceArray<>(2);
            AtomicReferenceArray<Domain> doms = new AtomicReferenceArray<>(4);
            for (int i = 0; i < conns.length(); i++) {
                conns.set(i, Libvirt.using("jni").newConnect("test:///default"));
            }
            for (int i = 0; i < doms.length(); i++) {
                doms.set(i, conn.lookupDomainByName("test"));
            }
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MILLIS);
            CountDownLatch done = new CountDownLatch(THREADS);
            for (int t = 0; t < THREADS; t++) {
                boolean closer = t < 2;
                Thread thread = new Thread(() -> {
                    try {
                        ThreadLocalRandom r = ThreadLocalRandom.current();
                        while (System.nanoTime() < end) {
                            int i = r.nextInt(doms.length());
                            Domain d = doms.get(i);
                            Connect c = conns.get(i % conns.length());
                            try {
                                if (closer && r.nextInt(8) == 0) {
                                    // Close a shared handle under the others' feet, then replace it.
                                    d.close();
                                    d.close();
                                    doms.set(i, conn.lookupDomainByName("test"));
                                    if (r.nextInt(4) == 0) {
                                        c.close();
                                        conns.set(i % conns.length(), Libvirt.using("jni").newConnect("test:///default"));
                                    }
                                    continue;
                                }
                                switch (r.nextInt(6)) {
                                    case 0 -> assertThat(d.getInfo().nrVirtCpu()).isPositive();
                                    case 1 -> assertThat(d.getName()).isEqualTo("test");
                                    case 2 -> assertThat(d.getXMLDesc()).contains("<name>test</name>");
                                    case 3 -> {
                                        try (Domain again = c.lookupDomainByName("test")) {
                                            assertThat(again.getUUID()).isEqualTo(d.getUUID());
                                        }
                                    }
                                    case 4 -> assertThat(c.listAllDomains()).isNotEmpty().allSatisfy(Domain::close);
                                    // Not getHostname: it resolves the host name, and a host
                                    // without DNS for itself makes every call take seconds.
                                    default -> assertThat(c.getType()).isEqualTo("TEST");
                                }
                                calls.incrementAndGet();
                            } catch (LibvirtException e) {
                                seen.add(e.code());
                                if (e.code() != ErrorNumber.ERR_INVALID_DOMAIN && e.code() != ErrorNumber.ERR_INVALID_CONN) {
                                    unexpected.add(e);
                                }
                            } catch (Throwable e) {
                                unexpected.add(e);
                            }
                        }
                    } finally {
                        done.countDown();
                    }
                }, "stress-" + t);
                thread.start();
            }
            assertThat(done.await(MILLIS + 30_000, TimeUnit.MILLISECONDS)).as("threads finish").isTrue();
            for (int i = 0; i < doms.length(); i++) {
                doms.get(i).close();
            }
            for (int i = 0; i < conns.length(); i++) {
                conns.get(i).close();
            }
        }
        assertThat(unexpected).isEmpty();
        assertThat(calls.get()).as("successful calls").isGreaterThan(1_000);
        assertThat(seen).as("closing under callers was observed").contains(ErrorNumber.ERR_INVALID_DOMAIN);
    }

    /** A synchronized list that keeps the first failures for the assertion message. */
    private static final class CopyOnWriteList extends java.util.concurrent.CopyOnWriteArrayList<Throwable> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean add(Throwable t) {
            return size() < 20 && super.add(t);
        }
    }
}
