package org.libvirt4j.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny {@code virsh}: {@code [-c URI] [--backend NAME] COMMAND [ARGS]}.
 *
 * <p>Exit status 0 on success, 1 on a libvirt error, 2 on a usage error, as virsh does.
 */
public final class Main {
    private Main() {
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs one command line; separated from {@link #main} so tests can read the output.
     *
     * @param args the command line
     * @param out where results go
     * @param err where errors go
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String uri = System.getenv().getOrDefault("LIBVIRT_DEFAULT_URI", "test:///default");
        String backend = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ((a.equals("-c") || a.equals("--connect")) && i + 1 < args.length) {
                uri = args[++i];
            } else if (a.equals("--backend") && i + 1 < args.length) {
                backend = args[++i];
            } else if (a.equals("-h") || a.equals("--help")) {
                out.print(Commands.usage());
                return 0;
            } else {
                rest.add(a);
            }
        }
        if (rest.isEmpty()) {
            err.print(Commands.usage());
            return 2;
        }
        return new Commands(uri, backend, out, err).run(rest.get(0), rest.subList(1, rest.size()));
    }
}
