package org.libvirt4j.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.libvirt4j.BackendInfo;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectListAllDomainsFlags;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainInfo;
import org.libvirt4j.DomainStats;
import org.libvirt4j.Libvirt;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.NodeInfo;
import org.libvirt4j.spi.TypedParameter;

/** The commands of the demo CLI, each printing what virsh prints for it. */
final class Commands {
    private final String uri;
    private final String backend;
    private final PrintStream out;
    private final PrintStream err;

    Commands(String uri, String backend, PrintStream out, PrintStream err) {
        this.uri = uri;
        this.backend = backend;
        this.out = out;
        this.err = err;
    }

    static String usage() {
        return """
                usage: libvirt4j [-c URI] [--backend jna|jni|remote] COMMAND [ARGS]
                commands:
                  list [--all]        list domains (running ones unless --all)
                  dominfo DOMAIN      show a domain's state, vCPUs and memory
                  start DOMAIN        start a defined domain
                  destroy DOMAIN      stop a running domain at once
                  define FILE         define a domain from an XML file
                  undefine DOMAIN     remove a domain's definition
                  dumpxml DOMAIN      print a domain's XML
                  domstats [DOMAIN..] print every statistic of the domains (all when none is named)
                  nodeinfo            show the host's CPU and memory
                  backends            list the backends found and whether each is usable
                The default URI is $LIBVIRT_DEFAULT_URI, else test:///default.
                """;
    }

    int run(String command, List<String> args) {
        try {
            switch (command) {
                case "backends" -> backends();
                case "list" -> withConnect(c -> list(c, args.contains("--all")));
                case "nodeinfo" -> withConnect(this::nodeinfo);
                case "dominfo" -> withDomain(args, this::dominfo);
                case "start" -> withDomain(args, d -> {
                    d.create();
                    out.println("Domain '" + d.getName() + "' started");
                });
                case "destroy" -> withDomain(args, d -> {
                    d.destroy();
                    out.println("Domain '" + d.getName() + "' destroyed");
                });
                case "undefine" -> withDomain(args, d -> {
                    String name = d.getName();
                    d.undefine();
                    out.println("Domain '" + name + "' has been undefined");
                });
                case "dumpxml" -> withDomain(args, d -> out.print(d.getXMLDesc()));
                case "define" -> define(args);
                case "domstats" -> withConnect(c -> domstats(c, args));
                default -> {
                    err.println("error: unknown command '" + command + "'");
                    err.print(usage());
                    return 2;
                }
            }
            return 0;
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (LibvirtException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private interface ConnectAction {
        void run(Connect connect);
    }

    private interface DomainAction {
        void run(Domain domain);
    }

    private void withConnect(ConnectAction action) {
        try (Connect c = backend == null ? Libvirt.newConnect(uri) : Libvirt.using(backend).newConnect(uri)) {
            action.run(c);
        }
    }

    private void withDomain(List<String> args, DomainAction action) {
        if (args.size() != 1) {
            throw new UsageException("expected one domain name, id or UUID");
        }
        withConnect(c -> {
            try (Domain d = lookup(c, args.get(0))) {
                action.run(d);
            }
        });
    }

    /** Finds a domain by id, then UUID, then name, as virsh does. */
    private static Domain lookup(Connect c, String key) {
        if (key.matches("\\d+")) {
            try {
                return c.lookupDomainById(Integer.parseInt(key));
            } catch (LibvirtException | NumberFormatException e) {
                // not a running domain's id: fall through to UUID and name, as virsh does
            }
        }
        if (key.length() == 36 && key.chars().filter(ch -> ch == '-').count() == 4) {
            try {
                return c.lookupDomainByUUIDString(key);
            } catch (LibvirtException e) {
                // not a UUID of a known domain: try it as a name
            }
        }
        return c.lookupDomainByName(key);
    }

    private void backends() {
        for (BackendInfo b : Libvirt.backends()) {
            out.printf(Locale.ROOT, "%-8s priority %-3d %s%n", b.name(), b.priority(),
                    b.unavailabilityCause().map(t -> "unusable: " + t.getMessage()).orElse("usable"));
        }
    }

    private void list(Connect c, boolean all) {
        List<Domain> domains = all ? c.listAllDomains() : c.listAllDomains(ConnectListAllDomainsFlags.ACTIVE);
        out.printf(Locale.ROOT, " %-5s %-30s %s%n", "Id", "Name", "State");
        out.println("-".repeat(50));
        for (Domain d : domains) {
            try (d) {
                int id = d.getID();
                out.printf(Locale.ROOT, " %-5s %-30s %s%n", id < 0 ? "-" : Integer.toString(id),
                        d.getName(), stateName(d.getInfo()));
            }
        }
    }

    private void dominfo(Domain d) {
        DomainInfo info = d.getInfo();
        int id = d.getID();
        out.printf(Locale.ROOT, "%-15s %s%n", "Id:", id < 0 ? "-" : Integer.toString(id));
        out.printf(Locale.ROOT, "%-15s %s%n", "Name:", d.getName());
        out.printf(Locale.ROOT, "%-15s %s%n", "UUID:", d.getUUIDString());
        out.printf(Locale.ROOT, "%-15s %s%n", "OS Type:", d.getOSType());
        out.printf(Locale.ROOT, "%-15s %s%n", "State:", stateName(info));
        out.printf(Locale.ROOT, "%-15s %d%n", "CPU(s):", info.nrVirtCpu());
        out.printf(Locale.ROOT, "%-15s %.1fs%n", "CPU time:", info.cpuTime() / 1e9);
        out.printf(Locale.ROOT, "%-15s %d KiB%n", "Max memory:", info.maxMem());
        out.printf(Locale.ROOT, "%-15s %d KiB%n", "Used memory:", info.memory());
        out.printf(Locale.ROOT, "%-15s %s%n", "Persistent:", d.isPersistent() ? "yes" : "no");
        out.printf(Locale.ROOT, "%-15s %s%n", "Autostart:", d.getAutostart() ? "enable" : "disable");
    }

    /** virsh domstats: one block per domain, each statistic as name=value in libvirt's order. */
    private void domstats(Connect c, List<String> names) {
        List<Domain> doms = new ArrayList<>();
        try {
            for (String name : names) {
                doms.add(lookup(c, name));
            }
            List<DomainStats> stats = c.getAllDomainStats(doms, Set.of());
            for (DomainStats st : stats) {
                try (st) {
                    out.println("Domain: '" + st.domain().getName() + "'");
                    for (TypedParameter p : st.params()) {
                        out.println("  " + p.field() + "=" + p.value());
                    }
                    out.println();
                }
            }
        } finally {
            doms.forEach(Domain::close);
        }
    }

    private void nodeinfo(Connect c) {
        NodeInfo n = c.getNodeInfo();
        out.printf(Locale.ROOT, "%-20s %s%n", "CPU model:", n.model());
        out.printf(Locale.ROOT, "%-20s %d%n", "CPU(s):", n.cpus());
        out.printf(Locale.ROOT, "%-20s %d MHz%n", "CPU frequency:", n.mhz());
        out.printf(Locale.ROOT, "%-20s %d%n", "CPU socket(s):", n.sockets());
        out.printf(Locale.ROOT, "%-20s %d%n", "Core(s) per socket:", n.cores());
        out.printf(Locale.ROOT, "%-20s %d%n", "Thread(s) per core:", n.threads());
        out.printf(Locale.ROOT, "%-20s %d%n", "NUMA cell(s):", n.nodes());
        out.printf(Locale.ROOT, "%-20s %d KiB%n", "Memory size:", n.memory());
    }

    private void define(List<String> args) {
        if (args.size() != 1) {
            throw new UsageException("expected one XML file");
        }
        String xml;
        try {
            xml = Files.readString(Path.of(args.get(0)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read " + args.get(0) + ": " + e.getMessage());
        }
        withConnect(c -> {
            try (Domain d = c.domainDefineXML(xml)) {
                out.println("Domain '" + d.getName() + "' defined from " + args.get(0));
            }
        });
    }

    /** virsh's wording of a domain state. */
    private static String stateName(DomainInfo info) {
        return switch (info.state()) {
            case NOSTATE -> "no state";
            case RUNNING -> "running";
            case BLOCKED -> "idle";
            case PAUSED -> "paused";
            case SHUTDOWN -> "in shutdown";
            case SHUTOFF -> "shut off";
            case CRASHED -> "crashed";
            case PMSUSPENDED -> "pmsuspended";
            default -> "unknown (" + info.stateValue() + ")";
        };
    }

    private static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
