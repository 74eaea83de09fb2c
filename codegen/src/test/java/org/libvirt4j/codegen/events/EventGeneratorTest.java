package org.libvirt4j.codegen.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.libvirt4j.codegen.Inputs;

class EventGeneratorTest {
    private static final Path ROOT = Paths.get("..");
    private static EventGenerator generator;

    @BeforeAll
    static void generate() throws Exception {
        // A missing or other-release input fails here, with Inputs' message; it never skips.
        generator = new EventGenerator(ROOT);
        generator.read(Inputs.requireLibvirtVersion(), Inputs.protocolFile("remote_protocol.x"));
    }

    @Test
    void committedSourcesMatchTheGenerator() throws IOException {
        for (Map.Entry<String, String> e : generator.files().entrySet()) {
            Path committed = ROOT.resolve(e.getKey());
            assertThat(committed).as("run ./codegen/regenerate.sh").exists();
            assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                    .as("%s drifted from the generator: run ./codegen/regenerate.sh", e.getKey())
                    .isEqualTo(e.getValue());
        }
    }

    @Test
    void everyEventIdOfLibvirtIsAKind() {
        assertThat(generator.kinds()).hasSize(34);
        assertThat(generator.kinds().stream().filter(k -> k.family() == EventGenerator.Family.DOMAIN)).hasSize(27);
        assertThat(generator.kinds()).extracting(EventGenerator.Kind::registerMethod)
                .contains("domainEventRebootRegister", "domainEventRTCChangeRegister", "domainEventIOErrorReasonRegister",
                        "domainEventPMWakeupRegister", "domainEventBlockJob2Register", "storagePoolEventRefreshRegister",
                        "nodeDeviceEventUpdateRegister", "secretEventValueChangedRegister")
                .doesNotHaveDuplicates();
    }

    @Test
    void fieldsLineUpWithTheMessages() {
        EventGenerator.Kind blockJob2 = generator.kinds().stream()
                .filter(k -> k.constant().equals("VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2")).findFirst().orElseThrow();
        // Go's DomainEventBlockJob2Register delivers DomainEventBlockJob, as the C callback type is shared
        assertThat(blockJob2.record()).isEqualTo("DomainEventBlockJob");
        assertThat(blockJob2.remoteMsg()).isEqualTo("remote_domain_event_block_job_2_msg");
        assertThat(blockJob2.signature()).isEqualTo("SII");
        EventGenerator.Kind graphics = generator.kinds().stream()
                .filter(k -> k.constant().equals("VIR_DOMAIN_EVENT_ID_GRAPHICS")).findFirst().orElseThrow();
        assertThat(graphics.signature()).isEqualTo("IAASU");
        assertThat(graphics.remoteMsg()).isEqualTo("remote_domain_event_callback_graphics_msg");
    }
}
