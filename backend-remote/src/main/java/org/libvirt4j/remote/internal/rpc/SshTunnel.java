package org.libvirt4j.remote.internal.rpc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/**
 * The {@code +ssh} transport: the system's {@code ssh} binary, run as libvirt's
 * {@code virNetSocketNewConnectSSH} runs it, carries the RPC over its standard input and output
 * (so {@code ~/.ssh/config}, agents, known hosts and jump hosts work as they do for {@code ssh}).
 * Also the command the far side runs ({@code virt-ssh-helper} or {@code nc}), which the
 * {@code +libssh} transport shares.
 */
public final class SshTunnel {
    /** The far side's proxy to the daemon: libvirt's {@code virNetClientProxy}. */
    public enum Proxy {
        /** {@code virt-ssh-helper} when the far host has it, else {@code nc}. */
        AUTO,
        /** {@code nc -U socket}. */
        NETCAT,
        /** {@code virt-ssh-helper URI}. */
        NATIVE;

        /**
         * Parses the {@code proxy} URI parameter.
         *
         * @param value {@code auto}, {@code netcat} or {@code native}
         * @return the proxy
         * @throws LibvirtException {@code ERR_INVALID_ARG} (domain REMOTE), worded as libvirt's
         */
        public static Proxy parse(String value) {
            return switch (value) {
                case "auto" -> AUTO;
                case "netcat" -> NETCAT;
                case "native" -> NATIVE;
                default -> throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.REMOTE,
                        // sic: libvirt's message has this spelling
                        "invalid argument: Unnkown proxy type '" + value + "'");
            };
        }
    }

    /** Characters that make libvirt's {@code virBufferEscapeShell} quote a string. */
    private static final String SHELL_META = "\r\t\n !\"#$&'()*;<>?[\\]^`{|}~";

    private SshTunnel() {
    }

    /**
     * Quotes a string for a POSIX shell as libvirt's {@code virBufferEscapeShell}: unchanged when
     * it has no metacharacter, else in single quotes with each {@code '} written {@code '\''}.
     *
     * @param s the string
     * @return the quoted string
     */
    public static String escapeShell(String s) {
        if (s.isEmpty()) {
            return "''";
        }
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            plain = SHELL_META.indexOf(s.charAt(i)) < 0;
        }
        if (plain) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 8).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                b.append("'\\'");
            }
            b.append(c);
        }
        return b.append('\'').toString();
    }

    /** The far side runs the command through a shell, which runs {@code sh -c '...'}: two levels. */
    private static String escapeTwice(String s) {
        return escapeShell(escapeShell(s));
    }

    /**
     * The command the far host runs to reach its daemon, as libvirt's
     * {@code virNetClientSSHHelperCommand} writes it.
     *
     * @param proxy the proxy; {@link Proxy#AUTO} with a {@code netcat} path means {@link Proxy#NETCAT}
     * @param netcat the {@code netcat} parameter, or {@code null} for {@code nc}
     * @param socketPath the daemon's socket on the far host (for {@code nc})
     * @param driverUri the URI {@code virt-ssh-helper} opens
     * @param readOnly whether the connection is read-only ({@code virt-ssh-helper -r})
     * @return the command line
     * @throws LibvirtException {@code ERR_INVALID_ARG} for a {@code netcat} path with the native proxy
     */
    public static String helperCommand(Proxy proxy, String netcat, String socketPath, String driverUri,
            boolean readOnly) {
        if (proxy == Proxy.AUTO && netcat != null) {
            proxy = Proxy.NETCAT;
        }
        String nc = escapeTwice(netcat != null ? netcat : "nc");
        String ncCommand = "if '" + nc + "' -q 2>&1 | grep \"requires an argument\" >/dev/null 2>&1; then "
                + "ARG=-q0;else ARG=;fi;'" + nc + "' $ARG -U " + socketPath;
        String helper = "virt-ssh-helper" + (readOnly ? " -r " : " ") + "'" + escapeTwice(driverUri) + "'";
        return switch (proxy) {
            case AUTO -> "sh -c 'which virt-ssh-helper 1>/dev/null 2>&1; if test $? = 0; then     " + helper
                    + "; else    " + ncCommand + "; fi'";
            case NETCAT -> "sh -c '" + ncCommand + "'";
            case NATIVE -> {
                if (netcat != null) {
                    throw Rpc.error(ErrorNumber.ERR_INVALID_ARG,
                            "invalid argument: netcat path not valid with native proxy mode", null);
                }
                yield "sh -c '" + helper + "'";
            }
        };
    }

    /**
     * The {@code ssh} command line of libvirt's {@code virNetSocketNewConnectSSH}.
     *
     * @param binary the {@code command} parameter, {@code "ssh"} by default
     * @param host the host
     * @param port the port, or {@code null} for ssh's own choice
     * @param user the user, or {@code null} for ssh's own choice
     * @param keyfile the {@code keyfile} parameter, or {@code null}
     * @param noTty whether {@code no_tty} was set: ssh may not ask for anything ({@code BatchMode})
     * @param noVerify whether {@code no_verify} was set: ssh accepts unknown host keys
     * @param command the far side's command ({@link #helperCommand})
     * @return the argument vector
     */
    public static List<String> argv(String binary, String host, String port, String user, String keyfile,
            boolean noTty, boolean noVerify, String command) {
        List<String> argv = new ArrayList<>();
        argv.add(binary);
        if (port != null) {
            argv.add("-p");
            argv.add(port);
        }
        if (user != null) {
            argv.add("-l");
            argv.add(user);
        }
        if (keyfile != null) {
            argv.add("-i");
            argv.add(keyfile);
        }
        argv.addAll(List.of("-T", "-e", "none"));
        if (noTty) {
            argv.addAll(List.of("-o", "BatchMode=yes"));
        }
        if (noVerify) {
            argv.addAll(List.of("-o", "StrictHostKeyChecking=no"));
        }
        argv.add("--");
        argv.add(host);
        argv.add(command);
        return argv;
    }

    /**
     * Runs {@code argv} and connects a client over its standard input and output.
     *
     * @param argv the command ({@link #argv})
     * @param settings the client's settings
     * @return the client
     * @throws LibvirtException {@code ERR_SYSTEM_ERROR} when the command cannot be run
     */
    public static RpcConnection connect(List<String> argv, RpcSettings settings) {
        ProcessBuilder pb = new ProcessBuilder(argv);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            String why = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
            if (why.contains("no such file")) {
                throw Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR,
                        "Cannot find '" + argv.get(0) + "' in path: No such file or directory", e);
            }
            throw Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, "Unable to run '" + argv.get(0) + "': " + e.getMessage(), e);
        }
        Tunnel.ErrorOutput err = new Tunnel.ErrorOutput();
        Thread drain = new Thread(() -> err.drain(p.getErrorStream()), "libvirt4j-ssh-stderr");
        drain.setDaemon(true);
        drain.start();
        return Tunnel.connect(new ProcessEnds(p, err, drain), "ssh", settings);
    }

    /** A child process as a tunnel's far side. */
    private record ProcessEnds(Process process, Tunnel.ErrorOutput err, Thread drain) implements Tunnel.Ends {
        @Override
        public InputStream fromPeer() {
            return process.getInputStream();
        }

        @Override
        public OutputStream toPeer() {
            return process.getOutputStream();
        }

        @Override
        public String errorOutput() {
            // ssh has exited or closed its output: give its last words a moment to arrive
            try {
                drain.join(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return err.text();
        }

        /** ssh exits with 255 for its own failures (host key, login), all before it reads its input. */
        @Override
        public boolean leftInputUnread() {
            try {
                return process.waitFor(1, TimeUnit.SECONDS) && process.exitValue() == 255;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void destroy() {
            // as libvirt's virProcessAbort: SIGTERM, a moment, then SIGKILL
            process.destroy();
            try {
                if (!process.waitFor(500, TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
