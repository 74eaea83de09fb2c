package org.libvirt4j.spi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.libvirt4j.DomainGuestInfo;

/**
 * Builds {@link DomainGuestInfo} from {@code virDomainGetGuestInfo}'s typed parameters, as Go's
 * binding unpacks them: the counts ({@code user.count}, {@code fs.N.disk.count}, ...) say how
 * many indexed entries to read; a group is present when any of its fields is.
 */
public final class GuestInfos {
    private GuestInfos() {
    }

    /**
     * @param raw the parameters libvirt returned
     * @return the record
     */
    public static DomainGuestInfo of(List<TypedParameter> raw) {
        Map<String, TypedParameter> f = new HashMap<>();
        for (TypedParameter p : raw) {
            f.putIfAbsent(p.field(), p);
        }
        Fields x = new Fields(f);
        List<DomainGuestInfo.User> users = new ArrayList<>();
        for (int i = 0; i < x.count("user.count"); i++) {
            String u = "user." + i + ".";
            users.add(new DomainGuestInfo.User(x.str(u + "name"), x.str(u + "domain"), x.lng(u + "login-time")));
        }
        Optional<DomainGuestInfo.OS> os = x.any("os.") ? Optional.of(new DomainGuestInfo.OS(x.str("os.id"),
                x.str("os.name"), x.str("os.pretty-name"), x.str("os.version"), x.str("os.version-id"),
                x.str("os.kernel-release"), x.str("os.kernel-version"), x.str("os.machine"), x.str("os.variant"),
                x.str("os.variant-id"))) : Optional.empty();
        Optional<DomainGuestInfo.TimeZone> tz = x.any("timezone.")
                ? Optional.of(new DomainGuestInfo.TimeZone(x.str("timezone.name"), x.integer("timezone.offset")))
                : Optional.empty();
        List<DomainGuestInfo.FileSystem> fss = new ArrayList<>();
        for (int i = 0; i < x.count("fs.count"); i++) {
            String p = "fs." + i + ".";
            List<DomainGuestInfo.FileSystemDisk> disks = new ArrayList<>();
            for (int j = 0; j < x.count(p + "disk.count"); j++) {
                String q = p + "disk." + j + ".";
                disks.add(new DomainGuestInfo.FileSystemDisk(x.str(q + "alias"), x.str(q + "serial"), x.str(q + "device")));
            }
            fss.add(new DomainGuestInfo.FileSystem(x.str(p + "mountpoint"), x.str(p + "name"), x.str(p + "fstype"),
                    x.lng(p + "total-bytes"), x.lng(p + "used-bytes"), disks));
        }
        List<DomainGuestInfo.Disk> disks = new ArrayList<>();
        for (int i = 0; i < x.count("disk.count"); i++) {
            String p = "disk." + i + ".";
            List<DomainGuestInfo.DiskDependency> deps = new ArrayList<>();
            for (int j = 0; j < x.count(p + "dependency.count"); j++) {
                deps.add(new DomainGuestInfo.DiskDependency(x.str(p + "dependency." + j + ".name")));
            }
            disks.add(new DomainGuestInfo.Disk(x.str(p + "name"), x.bool(p + "partition"), x.str(p + "alias"),
                    x.str(p + "guest_alias"), deps, x.str(p + "serial"), x.str(p + "guest_bus")));
        }
        List<DomainGuestInfo.Interface> ifs = new ArrayList<>();
        for (int i = 0; i < x.count("if.count"); i++) {
            String p = "if." + i + ".";
            List<DomainGuestInfo.IPAddress> addrs = new ArrayList<>();
            for (int j = 0; j < x.count(p + "addr.count"); j++) {
                String q = p + "addr." + j + ".";
                addrs.add(new DomainGuestInfo.IPAddress(x.str(q + "type"), x.str(q + "addr"), x.integer(q + "prefix")));
            }
            ifs.add(new DomainGuestInfo.Interface(x.str(p + "name"), x.str(p + "hwaddr"), addrs));
        }
        Optional<DomainGuestInfo.Load> load = x.any("load.") ? Optional.of(new DomainGuestInfo.Load(x.dbl("load.1m"),
                x.dbl("load.5m"), x.dbl("load.15m"))) : Optional.empty();
        return new DomainGuestInfo(users, os, tz, x.str("hostname"), fss, disks, ifs, load, raw);
    }

    /** Typed reads of the parameters by name; a field of another type than expected reads as absent. */
    private record Fields(Map<String, TypedParameter> f) {
        Optional<String> str(String name) {
            TypedParameter p = f.get(name);
            return p != null && p.value() instanceof String s ? Optional.of(s) : Optional.empty();
        }

        OptionalLong lng(String name) {
            TypedParameter p = f.get(name);
            return p != null && !(p.value() instanceof String) && p.type() != org.libvirt4j.TypedParameterType.DOUBLE
                    ? OptionalLong.of(p.asLong()) : OptionalLong.empty();
        }

        OptionalInt integer(String name) {
            OptionalLong v = lng(name);
            return v.isPresent() ? OptionalInt.of((int) v.getAsLong()) : OptionalInt.empty();
        }

        OptionalDouble dbl(String name) {
            TypedParameter p = f.get(name);
            return p != null && p.value() instanceof Double d ? OptionalDouble.of(d) : OptionalDouble.empty();
        }

        Optional<Boolean> bool(String name) {
            TypedParameter p = f.get(name);
            return p != null && p.value() instanceof Boolean b ? Optional.of(b) : Optional.empty();
        }

        int count(String name) {
            OptionalLong v = lng(name);
            // never more entries than parameters: a count a daemon inflates reads no empty entries past them
            return v.isPresent() ? (int) Math.max(0, Math.min(v.getAsLong(), f.size())) : 0;
        }

        boolean any(String prefix) {
            return f.keySet().stream().anyMatch(k -> k.startsWith(prefix));
        }
    }
}
