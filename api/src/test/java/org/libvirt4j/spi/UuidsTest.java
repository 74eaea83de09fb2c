package org.libvirt4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

class UuidsTest {
    private static final UUID U = UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f");

    @Test
    @DisplayName("bytes and UUID convert both ways in libvirt's byte order")
    void roundTrip() {
        byte[] raw = Uuids.toBytes(U);
        assertThat(raw[0]).isEqualTo((byte) 0x66);
        assertThat(raw[15]).isEqualTo((byte) 0x3f);
        assertThat(Uuids.fromBytes(raw)).isEqualTo(U);
    }

    @ParameterizedTest
    @ValueSource(strings = {"6695eb01-f6a4-8304-79aa-97f2502e193f", "6695eb01f6a4830479aa97f2502e193f",
        "  6695EB01-F6A4-8304-79AA-97F2502E193F \n", "66 95 eb 01 f6 a4 83 04 79 aa 97 f2 50 2e 19 3f",
        "6695eb01-f6a4-8304-79aa-97f2502e-193f"})
    @DisplayName("every form virUUIDParse accepts parses to the same bytes")
    void parsesLibvirtForms(String text) {
        assertThat(Uuids.fromBytes(Uuids.parse(text, ErrorDomain.DOMAIN, "virDomainLookupByUUIDString"))).isEqualTo(U);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-uuid", "6695eb01-f6a4-8304-79aa-97f2502e193", "6695eb01-f6a4-8304-79aa-97f2502e193f0",
        "6695eb01-f6a4-8304-79aa-97f2502e193g", "6695eb01-f6a4-8304-79aa-97f2502e193f x", "٦695eb01-f6a4-8304-79aa-97f2502e193f"})
    @DisplayName("malformed UUID strings give ERR_INVALID_ARG in the caller's error domain")
    void rejectsMalformed(String text) {
        assertThatThrownBy(() -> Uuids.parse(text, ErrorDomain.NETWORK, "virNetworkLookupByUUIDString"))
                .isInstanceOfSatisfying(LibvirtException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INVALID_ARG);
                    assertThat(e.domain()).isEqualTo(ErrorDomain.NETWORK);
                    assertThat(e.getMessage()).isEqualTo("uuidstr in virNetworkLookupByUUIDString must be a valid UUID");
                });
        assertThatThrownBy(() -> Uuids.parse(text, ErrorDomain.DOMAIN, "virDomainLookupByUUIDString"))
                .hasMessage("Invalid UUID");
    }
}
