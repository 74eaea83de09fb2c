package org.libvirt4j.remote.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;

/**
 * A minimal, deliberately scriptable libvirt daemon on loopback: it completes the open
 * handshake (auth list "none", no features, CONNECT_OPEN ok) and hands every later call to
 * a {@link Script}, which may answer correctly or misbehave in any way.
 */
final class FakeDaemon implements AutoCloseable {
    static final int PROGRAM = 0x20008086;

    /** What the fake does with one call after the handshake. */
    interface Script {
        /**
         * @param call the call's header words and body
         * @param out the socket's output
         * @param socket the socket, to close it
         */
        void onCall(Call call, DataOutputStream out, Socket socket) throws IOException;
    }

    /** One call as received. */
    record Call(int prog, int vers, int proc, int type, int serial, int status, byte[] body) {
    }

    /** Keepalive procedures received from the client (1 = PING, 2 = PONG). */
    final java.util.List<Integer> keepalive = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final boolean keepAliveFeature;
    private final ServerSocket server;
    private final Thread thread;
    private volatile Socket socket;
    /** Run once the client has completed the open handshake (its last SUPPORTS_FEATURE call); null for nothing. */
    volatile Script afterHandshake;
    /** The reply to AUTH_LIST, or null for [none]; a test may offer SASL, whose calls then go to the script. */
    volatile byte[] authList;
    /** How long the fake sleeps before answering each handshake call. */
    volatile long handshakeDelayMillis;

    FakeDaemon(Script script) throws IOException {
        this(script, false);
    }

    /**
     * @param script what to do with calls after the handshake
     * @param keepAliveFeature whether to claim keepalive support (the fake never answers a PING)
     */
    FakeDaemon(Script script, boolean keepAliveFeature) throws IOException {
        this.keepAliveFeature = keepAliveFeature;
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(script), "fake-libvirtd");
        thread.setDaemon(true);
        thread.start();
    }

    String uri() {
        return "test+tcp://127.0.0.1:" + server.getLocalPort() + "/fake.xml";
    }

    private void serve(Script script) {
        try (Socket s = server.accept()) {
            socket = s;
            DataInputStream in = new DataInputStream(s.getInputStream());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            while (true) {
                int len = in.readInt();
                byte[] msg = new byte[len - 4];
                in.readFully(msg);
                ByteBuffer b = ByteBuffer.wrap(msg);
                Call c = new Call(b.getInt(), b.getInt(), b.getInt(), b.getInt(), b.getInt(), b.getInt(),
                        java.util.Arrays.copyOfRange(msg, 24, msg.length));
                if (c.prog() != PROGRAM) {
                    keepalive.add(c.proc());
                    continue;
                }
                if ((c.proc() == 66 || c.proc() == 60 || c.proc() == 1) && handshakeDelayMillis > 0) {
                    try {
                        Thread.sleep(handshakeDelayMillis);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                switch (c.proc()) {
                    case 66 -> reply(out, c, 0, authList == null ? ints(1, 0) : authList); // AUTH_LIST
                    case 60 -> { // SUPPORTS_FEATURE: only keepalive (10), and only if asked to
                        int feature = ByteBuffer.wrap(c.body()).getInt();
                        reply(out, c, 0, ints(feature == 10 && keepAliveFeature ? 1 : 0));
                        Script after = afterHandshake;
                        if (feature == 9 && after != null) { // TYPED_PARAM_STRING: the handshake's last call
                            after.onCall(c, out, s);
                        }
                    }
                    case 1 -> reply(out, c, 0, new byte[0]); // CONNECT_OPEN
                    case 2 -> {
                        reply(out, c, 0, new byte[0]); // CONNECT_CLOSE
                        return;
                    }
                    default -> script.onCall(c, out, s);
                }
            }
        } catch (IOException e) {
            // the client went away, or the script closed the socket
        }
    }

    static byte[] ints(int... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4);
        for (int i : v) {
            b.putInt(i);
        }
        return b.array();
    }

    /** Writes a well-formed reply frame with the given status and body. */
    static void reply(DataOutputStream out, Call c, int status, byte[] body) throws IOException {
        frame(out, PROGRAM, 1, c.proc(), 1, c.serial(), status, body);
    }

    static void frame(DataOutputStream out, int prog, int vers, int proc, int type, int serial, int status,
            byte[] body) throws IOException {
        out.writeInt(28 + body.length);
        out.writeInt(prog);
        out.writeInt(vers);
        out.writeInt(proc);
        out.writeInt(type);
        out.writeInt(serial);
        out.writeInt(status);
        out.write(body);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket s = socket;
        if (s != null) {
            s.close();
        }
    }
}
