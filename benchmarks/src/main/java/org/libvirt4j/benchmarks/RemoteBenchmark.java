package org.libvirt4j.benchmarks;

import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainInfo;
import org.libvirt4j.Libvirt;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code virDomainGetInfo} and {@code virDomainGetXMLDesc} round trips to a daemon, every
 * benchmark thread sharing one connection; {@link RemoteBenchmarkRunner} runs getInfo at 1 and
 * 32 threads per backend, {@link SuiteRunner} both over unix and TCP.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
public class RemoteBenchmark {
    /** The backend under test. */
    @Param({"remote"})
    public String backend;

    /** The daemon URI, e.g. {@code test+unix:///default?socket=...}. */
    @Param({""})
    public String uri;

    private Connect conn;
    private Domain domain;

    /** Opens the one shared connection. */
    @Setup(Level.Trial)
    public void setUp() {
        conn = Libvirt.using(backend).newConnect(uri);
        domain = conn.lookupDomainByName("test");
    }

    /** Closes it. */
    @TearDown(Level.Trial)
    public void tearDown() {
        domain.close();
        conn.close();
    }

    /** @return one round trip's result */
    @Benchmark
    public DomainInfo getInfo() {
        return domain.getInfo();
    }

    /** @return one round trip's result: the domain's XML, about 1.5 KiB */
    @Benchmark
    public String getXMLDesc() {
        return domain.getXMLDesc();
    }
}
