package org.libvirt4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.libvirt4j.spi.TypedParameter;

/**
 * One domain's statistics ({@code virDomainStatsRecord}, Go's {@code DomainStats}): the domain
 * and libvirt's typed parameters as sent, with the groups Go decodes read from them on demand.
 * Statistics libvirt adds later stay reachable through {@link #params()}.
 *
 * @param domain the domain; the caller closes it (Go's {@code Domain.Free})
 * @param params every statistic, as libvirt named and typed it
 */
public record DomainStats(Domain domain, List<TypedParameter> params) implements AutoCloseable {
    /**
     * Copies the list.
     *
     * @param domain the domain; the caller closes it
     * @param params every statistic, as libvirt named and typed it
     */
    public DomainStats {
        java.util.Objects.requireNonNull(domain, "domain");
        params = List.copyOf(params);
    }

    /** Closes {@link #domain()}, so a list of these can be released one by one. */
    @Override
    public void close() {
        domain.close();
    }

    /** @return the {@code state.*} group, empty when it was not asked for */
    public Optional<DomainStatsState> state() {
        Fields f = fields();
        if (!f.hasPrefix("state.")) {
            return Optional.empty();
        }
        return Optional.of(new DomainStatsState(f.integer("state.state"), f.integer("state.reason")));
    }

    /** @return the {@code cpu.*} group, empty when it was not asked for */
    public Optional<DomainStatsCPU> cpu() {
        Fields f = fields();
        if (!f.hasPrefix("cpu.")) {
            return Optional.empty();
        }
        return Optional.of(new DomainStatsCPU(f.number("cpu.time"), f.number("cpu.user"), f.number("cpu.system")));
    }

    /** @return the {@code balloon.*} group, empty when it was not asked for */
    public Optional<DomainStatsBalloon> balloon() {
        Fields f = fields();
        if (!f.hasPrefix("balloon.")) {
            return Optional.empty();
        }
        return Optional.of(new DomainStatsBalloon(f.number("balloon.current"), f.number("balloon.maximum"),
                f.number("balloon.swap_in"), f.number("balloon.swap_out"), f.number("balloon.major_fault"),
                f.number("balloon.minor_fault"), f.number("balloon.unused"), f.number("balloon.available"),
                f.number("balloon.usable"), f.number("balloon.last-update"), f.number("balloon.rss"),
                f.number("balloon.disk_caches")));
    }

    /** @return the {@code vcpu.<n>.*} entries, by vCPU number */
    public List<DomainStatsVcpu> vcpu() {
        Fields f = fields();
        return f.entries("vcpu.", n -> {
            String p = "vcpu." + n + ".";
            return new DomainStatsVcpu(n, f.integer(p + "state"), f.number(p + "time"), f.number(p + "wait"),
                    f.bool(p + "halted"), f.number(p + "delay"));
        });
    }

    /** @return the {@code net.<n>.*} entries, by entry number */
    public List<DomainStatsNet> net() {
        Fields f = fields();
        return f.entries("net.", n -> {
            String p = "net." + n + ".";
            return new DomainStatsNet(n, f.string(p + "name"), f.number(p + "rx.bytes"), f.number(p + "rx.pkts"),
                    f.number(p + "rx.errs"), f.number(p + "rx.drop"), f.number(p + "tx.bytes"),
                    f.number(p + "tx.pkts"), f.number(p + "tx.errs"), f.number(p + "tx.drop"));
        });
    }

    /** @return the {@code block.<n>.*} entries, by entry number */
    public List<DomainStatsBlock> block() {
        Fields f = fields();
        return f.entries("block.", n -> {
            String p = "block." + n + ".";
            return new DomainStatsBlock(n, f.string(p + "name"), f.integer(p + "backingIndex"),
                    f.string(p + "path"), f.number(p + "rd.reqs"), f.number(p + "rd.bytes"),
                    f.number(p + "rd.times"), f.number(p + "wr.reqs"), f.number(p + "wr.bytes"),
                    f.number(p + "wr.times"), f.number(p + "fl.reqs"), f.number(p + "fl.times"),
                    f.number(p + "errors"), f.number(p + "allocation"), f.number(p + "capacity"),
                    f.number(p + "physical"), f.number(p + "threshold"));
        });
    }

    private Fields fields() {
        return new Fields(params);
    }

    /** The parameters by name; a parameter of an unexpected type reads as absent, never as an error. */
    private static final class Fields {
        private final Map<String, TypedParameter> byName = new LinkedHashMap<>();

        Fields(List<TypedParameter> params) {
            for (TypedParameter p : params) {
                byName.putIfAbsent(p.field(), p);
            }
        }

        boolean hasPrefix(String prefix) {
            return byName.keySet().stream().anyMatch(k -> k.startsWith(prefix));
        }

        OptionalLong number(String field) {
            TypedParameter p = byName.get(field);
            if (p == null || p.type() == TypedParameterType.STRING || p.type() == TypedParameterType.BOOLEAN) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(p.asLong());
        }

        OptionalInt integer(String field) {
            OptionalLong v = number(field);
            return v.isPresent() ? OptionalInt.of((int) v.getAsLong()) : OptionalInt.empty();
        }

        Optional<String> string(String field) {
            TypedParameter p = byName.get(field);
            return p != null && p.value() instanceof String s ? Optional.of(s) : Optional.empty();
        }

        Optional<Boolean> bool(String field) {
            TypedParameter p = byName.get(field);
            return p != null && p.value() instanceof Boolean b ? Optional.of(b) : Optional.empty();
        }

        /** @return one entry per number {@code n} seen in a {@code <prefix><n>.*} name, in order */
        <T> List<T> entries(String prefix, IntFunction<T> entry) {
            TreeSet<Integer> numbers = new TreeSet<>();
            for (String k : byName.keySet()) {
                if (!k.startsWith(prefix)) {
                    continue;
                }
                int dot = k.indexOf('.', prefix.length());
                if (dot < 0) {
                    continue; // vcpu.current, net.count, ...
                }
                try {
                    numbers.add(Integer.parseInt(k.substring(prefix.length(), dot)));
                } catch (NumberFormatException notAnEntry) {
                    // a statistic of the group itself, not of an entry
                }
            }
            List<T> out = new ArrayList<>(numbers.size());
            for (int n : numbers) {
                out.add(entry.apply(n));
            }
            return List.copyOf(out);
        }
    }
}
