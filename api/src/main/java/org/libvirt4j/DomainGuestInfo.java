package org.libvirt4j;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.libvirt4j.spi.TypedParameter;

/**
 * What {@link Domain#getGuestInfo(int, int)} reports about the guest (Go's {@code DomainGuestInfo}):
 * each group is present only when it was asked for and the guest agent answered it. The nested
 * records stand for Go's {@code DomainGuestInfoUser}, {@code DomainGuestInfoOS}, ... by rule
 * ({@code DomainGuestInfoX} is {@code DomainGuestInfo.X}). {@link #raw()} keeps every parameter
 * libvirt returned, so a field newer than this binding is never lost.
 *
 * @param users the logged-in users ({@code user.*})
 * @param os the operating system ({@code os.*}), when reported
 * @param timeZone the time zone ({@code timezone.*}), when reported
 * @param hostname the host name, when reported
 * @param fileSystems the mounted file systems ({@code fs.*})
 * @param disks the disks ({@code disk.*})
 * @param interfaces the network interfaces ({@code if.*})
 * @param load the load averages ({@code load.*}), when reported
 * @param raw every parameter as libvirt returned it
 */
public record DomainGuestInfo(List<User> users, Optional<OS> os, Optional<TimeZone> timeZone, Optional<String> hostname,
        List<FileSystem> fileSystems, List<Disk> disks, List<Interface> interfaces, Optional<Load> load,
        List<TypedParameter> raw) {

    /**
     * Rejects {@code null} components and copies the lists.
     *
     * @param users the users
     * @param os the operating system
     * @param timeZone the time zone
     * @param hostname the host name
     * @param fileSystems the file systems
     * @param disks the disks
     * @param interfaces the interfaces
     * @param load the load averages
     * @param raw the raw parameters
     */
    public DomainGuestInfo {
        users = List.copyOf(users);
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(hostname, "hostname");
        fileSystems = List.copyOf(fileSystems);
        disks = List.copyOf(disks);
        interfaces = List.copyOf(interfaces);
        Objects.requireNonNull(load, "load");
        raw = List.copyOf(raw);
    }

    /**
     * A logged-in user (Go's {@code DomainGuestInfoUser}).
     *
     * @param name the user name
     * @param domain the user's domain (Windows guests)
     * @param loginTime the login time, in milliseconds since the epoch
     */
    public record User(Optional<String> name, Optional<String> domain, OptionalLong loginTime) {
    }

    /**
     * The guest's operating system (Go's {@code DomainGuestInfoOS}).
     *
     * @param id the OS id ({@code os.id})
     * @param name its name
     * @param prettyName its display name
     * @param version its version
     * @param versionId its version id
     * @param kernelRelease the kernel release
     * @param kernelVersion the kernel version
     * @param machine the machine hardware name
     * @param variant the OS variant
     * @param variantId the OS variant id
     */
    public record OS(Optional<String> id, Optional<String> name, Optional<String> prettyName, Optional<String> version,
            Optional<String> versionId, Optional<String> kernelRelease, Optional<String> kernelVersion,
            Optional<String> machine, Optional<String> variant, Optional<String> variantId) {
    }

    /**
     * The guest's time zone (Go's {@code DomainGuestInfoTimeZone}).
     *
     * @param name the zone's name
     * @param offset its offset from UTC, in seconds
     */
    public record TimeZone(Optional<String> name, OptionalInt offset) {
    }

    /**
     * A disk a file system lives on (Go's {@code DomainGuestInfoFileSystemDisk}).
     *
     * @param alias the disk's alias in the domain XML
     * @param serial its serial number
     * @param device its device node in the guest
     */
    public record FileSystemDisk(Optional<String> alias, Optional<String> serial, Optional<String> device) {
    }

    /**
     * A mounted file system (Go's {@code DomainGuestInfoFileSystem}).
     *
     * @param mountPoint where it is mounted
     * @param name its device name
     * @param fsType its type
     * @param totalBytes its size
     * @param usedBytes the bytes used
     * @param disks the disks it lives on
     */
    public record FileSystem(Optional<String> mountPoint, Optional<String> name, Optional<String> fsType,
            OptionalLong totalBytes, OptionalLong usedBytes, List<FileSystemDisk> disks) {
        /**
         * Copies the disks.
         *
         * @param mountPoint the mount point
         * @param name the device name
         * @param fsType the type
         * @param totalBytes the size
         * @param usedBytes the bytes used
         * @param disks the disks
         */
        public FileSystem {
            disks = List.copyOf(disks);
        }
    }

    /**
     * A disk a guest disk depends on (Go's {@code DomainGuestInfoDiskDependency}).
     *
     * @param name the dependency's device name
     */
    public record DiskDependency(Optional<String> name) {
    }

    /**
     * A disk of the guest (Go's {@code DomainGuestInfoDisk}).
     *
     * @param name its device name
     * @param partition whether it is a partition
     * @param alias its alias in the domain XML
     * @param guestAlias the guest's alias for it
     * @param dependencies the disks it depends on
     * @param serial its serial number
     * @param guestBus the guest's bus for it
     */
    public record Disk(Optional<String> name, Optional<Boolean> partition, Optional<String> alias,
            Optional<String> guestAlias, List<DiskDependency> dependencies, Optional<String> serial,
            Optional<String> guestBus) {
        /**
         * Copies the dependencies.
         *
         * @param name the device name
         * @param partition whether a partition
         * @param alias the alias
         * @param guestAlias the guest's alias
         * @param dependencies the dependencies
         * @param serial the serial number
         * @param guestBus the guest's bus
         */
        public Disk {
            dependencies = List.copyOf(dependencies);
        }
    }

    /**
     * An address of a guest interface (Go's {@code DomainGuestInfoIPAddress}).
     *
     * @param type {@code ipv4} or {@code ipv6}
     * @param addr the address
     * @param prefix its prefix length
     */
    public record IPAddress(Optional<String> type, Optional<String> addr, OptionalInt prefix) {
    }

    /**
     * A network interface of the guest (Go's {@code DomainGuestInfoInterface}).
     *
     * @param name its name
     * @param hwaddr its MAC address
     * @param addrs its addresses
     */
    public record Interface(Optional<String> name, Optional<String> hwaddr, List<IPAddress> addrs) {
        /**
         * Copies the addresses.
         *
         * @param name the name
         * @param hwaddr the MAC address
         * @param addrs the addresses
         */
        public Interface {
            addrs = List.copyOf(addrs);
        }
    }

    /**
     * The guest's load averages (Go's {@code DomainGuestInfoLoad}).
     *
     * @param load1M over 1 minute
     * @param load5M over 5 minutes
     * @param load15M over 15 minutes
     */
    public record Load(OptionalDouble load1M, OptionalDouble load5M, OptionalDouble load15M) {
    }
}
