package org.libvirt4j.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainInfo;
import org.libvirt4j.Libvirt;
import org.libvirt4j.LibvirtException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The same four calls as {@code src/main/c/baseline.c}, in process on {@code test:///default}
 * with {@value #DOMAINS} extra domains defined, single-threaded, per backend.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BackendBenchmark {
    /** How many domains {@link #listAllDomains} lists besides the driver's own. */
    public static final int DOMAINS = 1000;

    /** The backend under test. */
    @Param({"jni", "jna"})
    public String backend;

    private Connect conn;
    private Domain domain;

    /** Opens the connection and defines the domains. */
    @Setup(Level.Trial)
    public void setUp() {
        conn = Libvirt.using(backend).newConnect("test:///default");
        for (int i = 0; i < DOMAINS; i++) {
            String name = String.format("bench-%04d", i);
            try {
                conn.lookupDomainByName(name).close();
            } catch (LibvirtException absent) {
                conn.domainDefineXML("<domain type='test'><name>" + name + "</name><memory>8192</memory>"
                        + "<os><type>hvm</type></os></domain>").close();
            }
        }
        domain = conn.lookupDomainByName("test");
    }

    /** Frees what setUp made. */
    @TearDown(Level.Trial)
    public void tearDown() {
        domain.close();
        conn.close();
    }

    /** @return virDomainGetInfo */
    @Benchmark
    public DomainInfo getInfo() {
        return domain.getInfo();
    }

    /** @return virDomainLookupByName then virDomainFree */
    @Benchmark
    public Domain lookupByNameClose() {
        Domain d = conn.lookupDomainByName("test");
        d.close();
        return d;
    }

    /** @return virDomainGetXMLDesc */
    @Benchmark
    public String getXMLDesc() {
        return domain.getXMLDesc();
    }

    /** @return virConnectListAllDomains over 1,001 domains, each then freed */
    @Benchmark
    public int listAllDomains() {
        List<Domain> all = conn.listAllDomains();
        for (Domain d : all) {
            d.close();
        }
        return all.size();
    }
}
