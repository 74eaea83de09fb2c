package org.libvirt4j.remote.internal.xdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.libvirt4j.remote.internal.xdr.XdrTestSupport.allocatedBytes;
import static org.libvirt4j.remote.internal.xdr.XdrTestSupport.decode;
import static org.libvirt4j.remote.internal.xdr.XdrTestSupport.encode;
import static org.libvirt4j.remote.internal.xdr.XdrTestSupport.hex;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.remote.generated.AdminProcedure;
import org.libvirt4j.remote.generated.AdminProtocol;
import org.libvirt4j.remote.generated.KeepaliveProcedure;
import org.libvirt4j.remote.generated.LxcProcedure;
import org.libvirt4j.remote.generated.LxcProtocol;
import org.libvirt4j.remote.generated.QemuProcedure;
import org.libvirt4j.remote.generated.QemuProtocol;
import org.libvirt4j.remote.generated.RemoteAuthType;
import org.libvirt4j.remote.generated.RemoteConnectListAllDomainsRet;
import org.libvirt4j.remote.generated.RemoteConnectListDomainsRet;
import org.libvirt4j.remote.generated.RemoteConnectOpenArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetInfoArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetInfoRet;
import org.libvirt4j.remote.generated.RemoteDomainGetSchedulerParametersRet;
import org.libvirt4j.remote.generated.RemoteDomainGetSecurityLabelRet;
import org.libvirt4j.remote.generated.RemoteDomainEventCallbackLifecycleMsg;
import org.libvirt4j.remote.generated.RemoteNodeGetInfoRet;
import org.libvirt4j.remote.generated.RemoteNonnullDomain;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.remote.generated.RemoteProtocol;
import org.libvirt4j.remote.generated.RemoteTypedParam;
import org.libvirt4j.remote.generated.RemoteTypedParamValue;
import org.libvirt4j.remote.generated.VirKeepaliveProtocol;
import org.libvirt4j.remote.generated.VirNetMessageError;
import org.libvirt4j.remote.generated.VirNetMessageHeader;
import org.libvirt4j.remote.generated.VirNetMessageStatus;
import org.libvirt4j.remote.generated.VirNetMessageType;
import org.libvirt4j.remote.generated.VirNetProtocol;

/** The generated protocol types against hand-computed XDR bytes, round trips and hostile input. */
class GeneratedCodecTest {

    private static final byte[] UUID = hex("00112233445566778899aabbccddeeff");

    private static <T extends XdrEncodable> T roundTrip(T value, byte[] expected, Function<XdrReader, T> decoder) {
        assertThat(encode(value)).isEqualTo(expected);
        T back = decode(expected, decoder);
        assertThat(back).isEqualTo(value);
        assertThat(encode(back)).isEqualTo(expected);
        return back;
    }

    @Test
    @DisplayName("remote_connect_open_args: an optional string, then unsigned flags")
    void connectOpenArgs() {
        roundTrip(new RemoteConnectOpenArgs("test:///default", 1),
                hex("00000001 | 0000000f 746573743a2f2f2f64656661756c74 00 | 00000001"), RemoteConnectOpenArgs::decode);
        roundTrip(new RemoteConnectOpenArgs(null, 0), hex("00000000 | 00000000"), RemoteConnectOpenArgs::decode);
    }

    @Test
    @DisplayName("remote_domain_get_info_ret: unsigned char and unsigned short take four bytes each")
    void domainGetInfoRet() {
        roundTrip(new RemoteDomainGetInfoRet(1, 0x100000L, 0x80000L, 2, 123456789L),
                hex("00000001 | 0000000000100000 | 0000000000080000 | 00000002 | 00000000075bcd15"),
                RemoteDomainGetInfoRet::decode);
    }

    @Test
    @DisplayName("remote_nonnull_domain: the UUID is 16 bytes without a length word")
    void nonnullDomain() {
        RemoteNonnullDomain dom = new RemoteNonnullDomain("vm1", UUID, 7);
        byte[] bytes = hex("00000003 766d31 00 | 00112233445566778899aabbccddeeff | 00000007");
        RemoteNonnullDomain back = roundTrip(dom, bytes, RemoteNonnullDomain::decode);
        assertThat(back.hashCode()).isEqualTo(dom.hashCode());
        assertThat(back.toString()).contains("vm1").contains("id=7");
        roundTrip(new RemoteDomainGetInfoArgs(dom), bytes, RemoteDomainGetInfoArgs::decode);
        assertThatThrownBy(() -> encode(new RemoteNonnullDomain("vm1", new byte[15], 7)))
                .isInstanceOf(XdrException.class).hasMessageContaining("remote_nonnull_domain.uuid");
    }

    @Test
    @DisplayName("virNetMessageHeader: six words, enums by value")
    void header() {
        VirNetMessageHeader h = new VirNetMessageHeader(RemoteProtocol.REMOTE_PROGRAM,
                RemoteProtocol.REMOTE_PROTOCOL_VERSION, RemoteProcedure.REMOTE_PROC_DOMAIN_GET_INFO.value(),
                VirNetMessageType.VIR_NET_REPLY, 42, VirNetMessageStatus.VIR_NET_ERROR);
        roundTrip(h, hex("20008086 00000001 00000010 00000001 0000002a 00000001"), VirNetMessageHeader::decode);
        assertThat(encode(h)).hasSize(VirNetProtocol.VIR_NET_MESSAGE_HEADER_MAX);
        assertThatThrownBy(() -> decode(hex("20008086 00000001 00000010 00000009 0000002a 00000000"),
                VirNetMessageHeader::decode)).isInstanceOf(XdrException.class)
                .hasMessage("virNetMessageType: unknown value 9");
    }

    @Test
    @DisplayName("virNetMessageError: optional strings and optional structs")
    void messageError() {
        VirNetMessageError e = new VirNetMessageError(42, 10, "Domain not found", 2, null, "x", null, null, -1, 0,
                null);
        roundTrip(e, hex("0000002a | 0000000a | 00000001 00000010 446f6d61696e206e6f7420666f756e64 | 00000002"
                + "| 00000000 | 00000001 00000001 78 000000 | 00000000 | 00000000 | ffffffff | 00000000 | 00000000"),
                VirNetMessageError::decode);
    }

    @Test
    @DisplayName("remote_typed_param: one hand-computed encoding per typed-parameter kind")
    void typedParams() {
        String field = "00000001 66 000000 | ";
        check(RemoteTypedParamValue.ofI(-2), field + "00000001 fffffffe");
        check(RemoteTypedParamValue.ofUi(0xffffffff), field + "00000002 ffffffff");
        check(RemoteTypedParamValue.ofL(-1L << 40), field + "00000003 ffffff0000000000");
        check(RemoteTypedParamValue.ofUl(-1L), field + "00000004 ffffffffffffffff");
        check(RemoteTypedParamValue.ofD(1.5), field + "00000005 3ff8000000000000");
        check(RemoteTypedParamValue.ofB(1), field + "00000006 00000001");
        check(RemoteTypedParamValue.ofS("abcde"), field + "00000007 00000005 6162636465 000000");
        RemoteTypedParamValue s = RemoteTypedParamValue.ofS("abcde");
        assertThat(s.type()).isEqualTo(7);
        assertThat(s.s()).isEqualTo("abcde");
        assertThat(s.i()).isNull();
    }

    private static void check(RemoteTypedParamValue v, String expected) {
        roundTrip(new RemoteTypedParam("f", v), hex(expected), RemoteTypedParam::decode);
    }

    @Test
    @DisplayName("unions: a discriminant without arm fails on decode and encode; a missing arm value fails on encode")
    void unionErrors() {
        assertThatThrownBy(() -> decode(hex("00000001 66 000000 | 00000008 00000000"), RemoteTypedParam::decode))
                .isInstanceOf(XdrException.class)
                .hasMessage("remote_typed_param_value: discriminant 8 selects no arm");
        assertThatThrownBy(() -> decode(hex("00000001 66 000000 | ffffffff"), RemoteTypedParam::decode))
                .isInstanceOf(XdrException.class).hasMessageContaining("discriminant -1");
        assertThatThrownBy(() -> encode(new RemoteTypedParamValue(0, 1, null, null, null, null, null, null)))
                .isInstanceOf(XdrException.class).hasMessageContaining("discriminant 0 selects no arm");
        assertThatThrownBy(() -> encode(new RemoteTypedParamValue(1, null, 5, null, null, null, null, null)))
                .isInstanceOf(XdrException.class).hasMessageContaining("arm i is null");
    }

    @Test
    @DisplayName("arrays: a count then the elements; a count over the protocol maximum is refused before reading")
    void arrays() {
        RemoteNonnullDomain a = new RemoteNonnullDomain("a", UUID, 1);
        roundTrip(new RemoteConnectListAllDomainsRet(List.of(a), 1),
                hex("00000001 | 00000001 61 000000 00112233445566778899aabbccddeeff 00000001 | 00000001"),
                RemoteConnectListAllDomainsRet::decode);
        roundTrip(new RemoteConnectListDomainsRet(List.of(3, 4)), hex("00000002 00000003 00000004"),
                RemoteConnectListDomainsRet::decode);
        List<Integer> tooMany = Collections.nCopies(RemoteProtocol.REMOTE_DOMAIN_LIST_MAX + 1, 0);
        assertThatThrownBy(() -> encode(new RemoteConnectListDomainsRet(tooMany))).isInstanceOf(XdrException.class)
                .hasMessageContaining("remote_connect_list_domains_ret.ids");
        // 16385 claimed, with 16385 ints present: the maximum alone rejects it.
        byte[] over = new byte[4 + 4 * (RemoteProtocol.REMOTE_DOMAIN_LIST_MAX + 1)];
        over[2] = 0x40;
        over[3] = 0x01;
        assertThatThrownBy(() -> decode(over, RemoteConnectListDomainsRet::decode)).isInstanceOf(XdrException.class)
                .hasMessage("remote_connect_list_domains_ret.ids: array length 16385 exceeds its maximum of 16384");
        List<RemoteTypedParam> params = new ArrayList<>();
        for (int i = 0; i <= RemoteProtocol.REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX; i++) {
            params.add(new RemoteTypedParam("p" + i, RemoteTypedParamValue.ofI(i)));
        }
        assertThatThrownBy(() -> encode(new RemoteDomainGetSchedulerParametersRet(params)))
                .isInstanceOf(XdrException.class).hasMessageContaining("17 elements");
    }

    @Test
    @DisplayName("char arrays (rpcgen xdr_char) take four bytes per character, fixed and variable")
    void charArrays() {
        byte[] model = new byte[32];
        byte[] name = "x86_64".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, model, 0, name.length);
        RemoteNodeGetInfoRet info = new RemoteNodeGetInfoRet(model, 1L << 20, 4, 2000, 1, 1, 2, 2);
        StringBuilder expected = new StringBuilder();
        for (byte b : model) {
            expected.append(String.format("%08x", b));
        }
        expected.append("0000000000100000 00000004 000007d0 00000001 00000001 00000002 00000002");
        RemoteNodeGetInfoRet back = roundTrip(info, hex(expected.toString()), RemoteNodeGetInfoRet::decode);
        assertThat(Arrays.copyOf(back.model(), 6)).isEqualTo(name);

        RemoteDomainGetSecurityLabelRet label = new RemoteDomainGetSecurityLabelRet(new byte[] {'a', 0}, 1);
        roundTrip(label, hex("00000002 00000061 00000000 | 00000001"), RemoteDomainGetSecurityLabelRet::decode);
        assertThatThrownBy(() -> encode(new RemoteDomainGetSecurityLabelRet(
                new byte[RemoteProtocol.REMOTE_SECURITY_LABEL_MAX + 1], 0))).isInstanceOf(XdrException.class)
                .hasMessageContaining("remote_domain_get_security_label_ret.label");
    }

    @Test
    @DisplayName("a hostile string length inside a generated struct fails immediately without a large allocation")
    void hostileLengthInStruct() {
        long before = allocatedBytes();
        assertThatThrownBy(() -> decode(hex("00000001 7fffffff 41414141"), RemoteConnectOpenArgs::decode))
                .isInstanceOf(XdrException.class)
                .hasMessage("remote_connect_open_args.name: string length 2147483647 exceeds its maximum of 4194304");
        assertThatThrownBy(() -> decode(hex("00000010 41414141"), RemoteNonnullDomain::decode))
                .isInstanceOf(XdrException.class)
                .hasMessage("remote_nonnull_domain.name: string length 16 needs 16 bytes but only 4 remain");
        assertThatThrownBy(() -> decode(hex("7fffffff"), RemoteConnectListAllDomainsRet::decode))
                .isInstanceOf(XdrException.class).hasMessageContaining("remote_connect_list_all_domains_ret.domains");
        // A truncated UUID.
        assertThatThrownBy(() -> decode(hex("00000001 61 000000 0011"), RemoteNonnullDomain::decode))
                .isInstanceOf(XdrException.class).hasMessageContaining("remote_nonnull_domain.uuid");
        long after = allocatedBytes();
        if (before >= 0 && after >= 0) {
            assertThat(after - before).isLessThan(4L << 20);
        }
    }

    @Test
    @DisplayName("non-optional components cannot be null")
    void nonNullComponents() {
        assertThatThrownBy(() -> new RemoteNonnullDomain(null, UUID, 1)).isInstanceOf(NullPointerException.class)
                .hasMessage("name");
        assertThatThrownBy(() -> new VirNetMessageHeader(1, 1, 1, null, 1, VirNetMessageStatus.VIR_NET_OK))
                .isInstanceOf(NullPointerException.class).hasMessage("type");
    }

    @Test
    @DisplayName("enums map values both ways and reject unknown values with XdrException")
    void enums() {
        assertThat(RemoteAuthType.fromValue(1)).isEqualTo(RemoteAuthType.REMOTE_AUTH_SASL);
        assertThat(RemoteAuthType.REMOTE_AUTH_POLKIT.value()).isEqualTo(2);
        assertThat(encode(RemoteAuthType.REMOTE_AUTH_SASL)).isEqualTo(hex("00000001"));
        assertThatThrownBy(() -> RemoteAuthType.fromValue(3)).isInstanceOf(XdrException.class)
                .hasMessage("remote_auth_type: unknown value 3");
        assertThatThrownBy(() -> decode(hex("00000010"), VirNetMessageStatus::decode))
                .isInstanceOf(XdrException.class).hasMessageContaining("virNetMessageStatus");
    }

    @Test
    @DisplayName("procedure enums: numbers, program constants, argument/reply/event types and annotations")
    void procedures() {
        RemoteProcedure p = RemoteProcedure.REMOTE_PROC_DOMAIN_GET_INFO;
        assertThat(p.value()).isEqualTo(16);
        assertThat(RemoteProcedure.fromValue(16)).isSameAs(p);
        assertThat(p.argsType()).isEqualTo(RemoteDomainGetInfoArgs.class);
        assertThat(p.retType()).isEqualTo(RemoteDomainGetInfoRet.class);
        assertThat(p.msgType()).isNull();
        assertThat(p.generate()).isEqualTo("both");
        assertThat(RemoteProcedure.REMOTE_PROC_CONNECT_OPEN.highPriority()).isTrue();
        assertThat(RemoteProcedure.REMOTE_PROC_CONNECT_CLOSE.argsType()).isNull();
        assertThat(RemoteProcedure.REMOTE_PROC_CONNECT_CLOSE.decodeRet(new XdrReader(io.netty.buffer.Unpooled.EMPTY_BUFFER)))
                .isNull();
        assertThat(RemoteProcedure.REMOTE_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE.msgType())
                .isEqualTo(RemoteDomainEventCallbackLifecycleMsg.class);
        assertThat(RemoteProcedure.REMOTE_PROC_DOMAIN_SCREENSHOT.readStream()).isEqualTo(1);
        assertThat(RemoteProcedure.REMOTE_PROC_DOMAIN_GET_INFO.readStream()).isEqualTo(-1);
        assertThat(RemoteProcedure.values()).hasSize(443);
        assertThatThrownBy(() -> RemoteProcedure.fromValue(100000)).isInstanceOf(XdrException.class);

        RemoteDomainGetInfoRet ret = new RemoteDomainGetInfoRet(1, 2, 3, 4, 5);
        assertThat(decode(encode(ret), p::decodeRet)).isEqualTo(ret);

        assertThat(RemoteProtocol.REMOTE_PROGRAM).isEqualTo(0x20008086);
        assertThat(RemoteProtocol.REMOTE_PROTOCOL_VERSION).isEqualTo(1);
        assertThat(VirKeepaliveProtocol.KEEPALIVE_PROGRAM).isEqualTo(0x6b656570);
        assertThat(QemuProtocol.QEMU_PROGRAM).isEqualTo(0x20008087);
        assertThat(LxcProtocol.LXC_PROGRAM).isEqualTo(0x00068000);
        assertThat(AdminProtocol.ADMIN_PROGRAM).isEqualTo(0x06900690);
        assertThat(VirNetProtocol.VIR_NET_MESSAGE_MAX).isEqualTo(32 << 20);
        assertThat(KeepaliveProcedure.KEEPALIVE_PROC_PONG.value()).isEqualTo(2);
        assertThat(QemuProcedure.values()).hasSize(7);
        assertThat(LxcProcedure.values()).hasSize(1);
        assertThat(AdminProcedure.values()).hasSize(19);
    }
}
