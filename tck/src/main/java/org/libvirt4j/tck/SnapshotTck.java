package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libvirt4j.tck.NodeFixture.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainCheckpoint;
import org.libvirt4j.DomainSnapshot;
import org.libvirt4j.DomainSnapshotListFlags;
import org.libvirt4j.DomainState;
import org.libvirt4j.ErrorNumber;

/** Snapshots and checkpoints on the test driver. */
public abstract class SnapshotTck extends TckArea {
    SnapshotTck() {
    }

    static String snapshotXml(String name) {
        return "<domainsnapshot><name>" + name + "</name><description>tck</description></domainsnapshot>";
    }

    static <T extends AutoCloseable> List<String> names(List<T> handles, java.util.function.Function<T, String> name) {
        List<String> out = new ArrayList<>();
        for (T h : handles) {
            out.add(name.apply(h));
            try {
                h.close();
            } catch (Exception e) {
                throw new AssertionError("close() must not throw", e);
            }
        }
        return out;
    }

    /** Fails when a snapshot is not created with its name, listed, or found by name. */
    @Test
    @DisplayName("snapshotCreateXML creates a current snapshot that is listed and found by name")
    void createAndList() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING);
                DomainSnapshot s = d.snapshotCreateXML(snapshotXml("s1"))) {
            assertThat(s.getName()).isEqualTo("s1");
            assertThat(s.isCurrent()).isTrue();
            assertThat(xpath(s.getXMLDesc(), "/domainsnapshot/name")).isEqualTo("s1");
            assertThat(xpath(s.getXMLDesc(), "/domainsnapshot/description")).isEqualTo("tck");
            assertThat(names(d.listAllSnapshots(), DomainSnapshot::getName)).containsExactly("s1");
            try (DomainSnapshot found = d.snapshotLookupByName("s1")) {
                assertThat(found.getName()).isEqualTo("s1");
            }
        }
    }

    /** Fails when snapshot parents or children are not linked (a second snapshot's parent is the first). */
    @Test
    @DisplayName("A second snapshot has the first as parent and is its child")
    void parentAndChildren() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING);
                DomainSnapshot s1 = d.snapshotCreateXML(snapshotXml("s1"));
                DomainSnapshot s2 = d.snapshotCreateXML(snapshotXml("s2"));
                DomainSnapshot parent = s2.getParent()) {
            assertThat(parent.getName()).isEqualTo("s1");
            assertThat(s1.isCurrent()).isFalse();
            assertThat(names(s1.listAllChildren(), DomainSnapshot::getName)).containsExactly("s2");
            assertThat(names(d.listAllSnapshots(DomainSnapshotListFlags.ROOTS), DomainSnapshot::getName)).containsExactly("s1");
            expectError(ErrorNumber.ERR_NO_DOMAIN_SNAPSHOT, s1::getParent);
        }
    }

    /** Fails when reverting to a snapshot does not restore the state it was taken in. */
    @Test
    @DisplayName("revertTo restores the running state a snapshot was taken in")
    void revert() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING);
                DomainSnapshot s = d.snapshotCreateXML(snapshotXml("before-stop"))) {
            d.destroy();
            assertThat(d.getState().state()).isEqualTo(DomainState.SHUTOFF);
            s.revertTo();
            assertThat(d.getState().state()).isEqualTo(DomainState.RUNNING);
        }
    }

    /** Fails when delete does not remove the snapshot, or a later lookup gives a code other than ERR_NO_DOMAIN_SNAPSHOT. */
    @Test
    @DisplayName("delete removes a snapshot; looking it up then fails with ERR_NO_DOMAIN_SNAPSHOT")
    void delete() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            try (DomainSnapshot s = d.snapshotCreateXML(snapshotXml("gone"))) {
                s.delete();
            }
            assertThat(d.listAllSnapshots()).isEmpty();
            expectError(ErrorNumber.ERR_NO_DOMAIN_SNAPSHOT, () -> d.snapshotLookupByName("gone"));
        }
    }

    /** Fails when checkpoints are not created, chained, listed and found by name. */
    @Test
    @DisplayName("checkpointCreateXML creates chained checkpoints that are listed and found by name")
    void checkpoints() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING);
                DomainCheckpoint c1 = d.checkpointCreateXML("<domaincheckpoint><name>c1</name></domaincheckpoint>");
                DomainCheckpoint c2 = d.checkpointCreateXML("<domaincheckpoint><name>c2</name></domaincheckpoint>");
                DomainCheckpoint parent = c2.getParent();
                DomainCheckpoint found = d.checkpointLookupByName("c1")) {
            assertThat(c1.getName()).isEqualTo("c1");
            assertThat(parent.getName()).isEqualTo("c1");
            assertThat(found.getName()).isEqualTo("c1");
            assertThat(xpath(c2.getXMLDesc(), "/domaincheckpoint/name")).isEqualTo("c2");
            assertThat(names(d.listAllCheckpoints(), DomainCheckpoint::getName)).containsExactlyInAnyOrder("c1", "c2");
            assertThat(names(c1.listAllChildren(), DomainCheckpoint::getName)).containsExactly("c2");
        }
    }

    /** Fails when checkpoint delete does not remove it, or the lookup error is not ERR_NO_DOMAIN_CHECKPOINT. */
    @Test
    @DisplayName("Checkpoint delete removes it; looking it up then fails with ERR_NO_DOMAIN_CHECKPOINT")
    void checkpointDelete() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            try (DomainCheckpoint cp = d.checkpointCreateXML("<domaincheckpoint><name>c9</name></domaincheckpoint>")) {
                cp.delete();
            }
            assertThat(d.listAllCheckpoints()).isEmpty();
            expectError(ErrorNumber.ERR_NO_DOMAIN_CHECKPOINT, () -> d.checkpointLookupByName("c9"));
        }
    }
}
