package org.libvirt4j.remote.internal;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainStats;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.Stream;
import org.libvirt4j.remote.generated.KeepaliveProcedure;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.remote.generated.VirKeepaliveProtocol;
import org.libvirt4j.remote.generated.VirNetMessageStatus;
import org.libvirt4j.remote.generated.VirNetMessageType;
import org.libvirt4j.remote.generated.VirNetProtocol;
import org.libvirt4j.tck.Fixtures;
import org.libvirt4j.tck.PrivateLibvirtd;

/**
 * Records the fuzz seeds: real reply frames of a libvirt daemon, written to
 * {@code src/test/resources/org/libvirt4j/remote/internal/fuzz/seeds.txt}. Not a test; run it once
 * by hand when the seeds should be refreshed (see that file's header for the command).
 *
 * <p>It starts the TCK's private {@code libvirtd}, puts a loopback TCP proxy between the remote
 * backend and the daemon's TCP port, drives a representative set of procedures on the test
 * driver's {@code node.xml} fixture, and keeps the largest frame the daemon sent for each
 * (program, procedure, type, status), byte for byte, length word included.
 */
final class SeedCapture {
    /** Frames larger than this are not kept: seeds should be small, the mutator makes them large. */
    private static final int MAX_SEED = 16384;

    private SeedCapture() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0]
                : "backend-remote/src/test/resources/org/libvirt4j/remote/internal/fuzz/seeds.txt");
        Map<String, byte[]> frames = new LinkedHashMap<>();
        try (PrivateLibvirtd daemon = PrivateLibvirtd.start();
                ServerSocket proxy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread relay = new Thread(() -> relay(proxy, daemon.tcpPort(), frames), "seed-proxy");
            relay.setDaemon(true);
            relay.start();
            String uri = "test+tcp://127.0.0.1:" + proxy.getLocalPort() + Fixtures.path(Fixtures.NODE);
            drive(uri);
        }
        write(out, frames);
    }

    /** The workload: each call's reply is one kind of seed. */
    private static void drive(String uri) throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (Connect c = RemoteConnect.open(uri)) {
            c.getNodeInfo();
            c.listAllDomains();
            int id = c.domainEventLifecycleRegister(null, (conn, dom, ev) -> events.add(dom.getName()));
            try (Domain d = c.lookupDomainByName("tck-running")) {
                d.getInfo();
                d.getXMLDesc();
                d.getMemoryParameters();
                d.getSchedulerParameters();
                d.suspend();
                d.resume();
                try (Stream s = c.newStream()) {
                    d.screenshot(s, 0);
                    byte[] buf = new byte[65536];
                    while (s.recv(buf) > 0) {
                        // drain: the data frames are the seeds
                    }
                    s.finish();
                }
            }
            for (DomainStats st : c.getAllDomainStats(List.of(), Set.of())) {
                st.close();
            }
            try (Domain missing = c.lookupDomainByName("no-such-domain")) {
                throw new IllegalStateException("expected an error reply for " + missing);
            } catch (LibvirtException expected) {
                // the error reply is the seed
            }
            if (events.poll(10, TimeUnit.SECONDS) == null) {
                System.err.println("no lifecycle event arrived");
            }
            // idle past the daemon's keepalive interval (5 s), so that it pings
            Thread.sleep(12_000);
            c.domainEventDeregister(id);
        }
    }

    /** Accepts one client, connects it to the daemon, and records each frame the daemon sends. */
    private static void relay(ServerSocket proxy, int port, Map<String, byte[]> frames) {
        try (Socket client = proxy.accept(); Socket daemon = new Socket(InetAddress.getLoopbackAddress(), port)) {
            Thread up = new Thread(() -> copy(client, daemon), "seed-proxy-up");
            up.setDaemon(true);
            up.start();
            DataInputStream in = new DataInputStream(daemon.getInputStream());
            OutputStream to = client.getOutputStream();
            while (true) {
                int len = in.readInt();
                byte[] frame = new byte[len];
                ByteBuffer.wrap(frame).putInt(len);
                in.readFully(frame, 4, len - 4);
                to.write(frame);
                to.flush();
                synchronized (frames) {
                    // the largest of each kind: a typed-parameter getter's second call carries the values
                    frames.merge(label(frame), frame, (a, b) -> b.length > a.length ? b : a);
                }
            }
        } catch (EOFException | java.net.SocketException done) {
            // the client or the daemon closed
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Socket from, Socket to) {
        try (InputStream in = from.getInputStream()) {
            in.transferTo(to.getOutputStream());
        } catch (IOException e) {
            // closed
        }
    }

    /** {@code remote.DOMAIN_GET_INFO.reply.ok} and the like. */
    static String label(byte[] frame) {
        ByteBuffer b = ByteBuffer.wrap(frame);
        b.getInt();
        int prog = b.getInt();
        b.getInt();
        int proc = b.getInt();
        int type = b.getInt();
        b.getInt();
        int status = b.getInt();
        String name;
        if (prog == VirKeepaliveProtocol.KEEPALIVE_PROGRAM) {
            name = "keepalive." + (proc == KeepaliveProcedure.KEEPALIVE_PROC_PING.value() ? "PING" : "proc" + proc);
        } else {
            name = "remote." + procName(proc);
        }
        String t = type == VirNetMessageType.VIR_NET_REPLY.value() ? "reply"
                : type == VirNetMessageType.VIR_NET_MESSAGE.value() ? "message"
                : type == VirNetMessageType.VIR_NET_STREAM.value() ? "stream" : "type" + type;
        String s = status == VirNetMessageStatus.VIR_NET_OK.value() ? "ok"
                : status == VirNetMessageStatus.VIR_NET_ERROR.value() ? "error"
                : status == VirNetMessageStatus.VIR_NET_CONTINUE.value() ? "continue" : "status" + status;
        return name + "." + t + "." + s;
    }

    private static String procName(int proc) {
        for (RemoteProcedure p : RemoteProcedure.values()) {
            if (p.value() == proc) {
                return p.name().substring("REMOTE_PROC_".length());
            }
        }
        return "proc" + proc;
    }

    private static void write(Path out, Map<String, byte[]> frames) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Reply frames recorded from libvirtd " + "(test driver, TCK node.xml fixture) by SeedCapture;");
        lines.add("# one frame per line: label, then the frame in hex, its length word included.");
        lines.add("# Refresh, as root (libvirtd installed, scripts/setup-test-env.sh), from the repository root:");
        lines.add("#   mvn -B -o -pl backend-remote -am test-compile");
        lines.add("#   java -cp backend-remote/target/test-classes:backend-remote/target/classes:api/target/classes:"
                + "tck/target/classes:<the netty jars> org.libvirt4j.remote.internal.SeedCapture");
        lines.add("# The stream data packet is cut to its first 4096 bytes (label .cut), its length word set to match.");
        HexFormat hex = HexFormat.of();
        synchronized (frames) {
            for (Map.Entry<String, byte[]> e : frames.entrySet()) {
                byte[] f = e.getValue();
                if (f.length <= MAX_SEED) {
                    lines.add(e.getKey() + " " + hex.formatHex(f));
                } else if (e.getKey().contains(".stream.")) {
                    // a data packet: its first bytes, the length word set to match
                    byte[] cut = java.util.Arrays.copyOf(f, 4 + VirNetProtocol.VIR_NET_MESSAGE_HEADER_MAX + 4096);
                    ByteBuffer.wrap(cut).putInt(cut.length);
                    lines.add(e.getKey() + ".cut " + hex.formatHex(cut));
                } else {
                    System.err.println("skipped " + e.getKey() + ": " + e.getValue().length + " bytes");
                }
            }
        }
        Files.createDirectories(out.getParent());
        Files.write(out, lines, StandardCharsets.US_ASCII);
        System.out.println("wrote " + (lines.size() - 6) + " seeds to " + out.toAbsolutePath());
    }
}
