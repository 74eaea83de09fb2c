package org.libvirt4j.jna.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.jna.JnaBackend;
import org.libvirt4j.spi.TypedParameter;

/**
 * Checks the {@code virTypedParameter} layout against libvirt's own accessors: arrays that
 * libvirt builds are read by {@link TypedParams#read}, and arrays that {@link TypedParams#pack}
 * builds are read back by libvirt, for every value type.
 */
class TypedParamsTest {
    /** libvirt's typed-parameter helpers, bound for this test only. */
    static final class Helpers {
        static native int virTypedParamsAddInt(long[] params, int[] n, int[] max, byte[] name, int value);
        static native int virTypedParamsAddUInt(long[] params, int[] n, int[] max, byte[] name, int value);
        static native int virTypedParamsAddLLong(long[] params, int[] n, int[] max, byte[] name, long value);
        static native int virTypedParamsAddULLong(long[] params, int[] n, int[] max, byte[] name, long value);
        static native int virTypedParamsAddDouble(long[] params, int[] n, int[] max, byte[] name, double value);
        static native int virTypedParamsAddBoolean(long[] params, int[] n, int[] max, byte[] name, int value);
        static native int virTypedParamsAddString(long[] params, int[] n, int[] max, byte[] name, byte[] value);
        static native int virTypedParamsGetInt(long params, int n, byte[] name, int[] value);
        static native int virTypedParamsGetUInt(long params, int n, byte[] name, int[] value);
        static native int virTypedParamsGetLLong(long params, int n, byte[] name, long[] value);
        static native int virTypedParamsGetULLong(long params, int n, byte[] name, long[] value);
        static native int virTypedParamsGetDouble(long params, int n, byte[] name, double[] value);
        static native int virTypedParamsGetBoolean(long params, int n, byte[] name, int[] value);
        static native int virTypedParamsGetString(long params, int n, byte[] name, long[] value);
        static native void virTypedParamsFree(long params, int n);
    }

    @BeforeAll
    static void bind() {
        assertThat(new JnaBackend().unavailabilityCause()).isEmpty();
        Native.register(Helpers.class, NativeLibrary.getInstance("libvirt.so.0"));
    }

    private static byte[] c(String s) {
        return CStrings.of(s);
    }

    @Test
    @DisplayName("An array libvirt builds reads back with every type, name and value intact")
    void readsLibvirtsLayout() {
        long[] params = new long[1];
        int[] n = new int[1];
        int[] max = new int[1];
        assertThat(Helpers.virTypedParamsAddInt(params, n, max, c("i"), -5)).isZero();
        assertThat(Helpers.virTypedParamsAddUInt(params, n, max, c("ui"), 0xfffffffe)).isZero();
        assertThat(Helpers.virTypedParamsAddLLong(params, n, max, c("l"), Long.MIN_VALUE)).isZero();
        assertThat(Helpers.virTypedParamsAddULLong(params, n, max, c("ul"), -2L)).isZero();
        assertThat(Helpers.virTypedParamsAddDouble(params, n, max, c("d"), 2.5)).isZero();
        assertThat(Helpers.virTypedParamsAddBoolean(params, n, max, c("b"), 1)).isZero();
        assertThat(Helpers.virTypedParamsAddString(params, n, max, c("s"), c("héllo"))).isZero();
        String longName = "x".repeat(TypedParams.FIELD_LENGTH - 1);
        assertThat(Helpers.virTypedParamsAddInt(params, n, max, c(longName), 7)).isZero();
        try {
            assertThat(TypedParams.read(new Pointer(params[0]), n[0])).containsExactly(
                    TypedParameter.ofInt("i", -5),
                    TypedParameter.ofUInt("ui", 0xfffffffe),
                    TypedParameter.ofLLong("l", Long.MIN_VALUE),
                    TypedParameter.ofULLong("ul", -2L),
                    TypedParameter.ofDouble("d", 2.5),
                    TypedParameter.ofBoolean("b", true),
                    TypedParameter.ofString("s", "héllo"),
                    TypedParameter.ofInt(longName, 7));
        } finally {
            Helpers.virTypedParamsFree(params[0], n[0]);
        }
    }

    @Test
    @DisplayName("An array pack() builds is read by libvirt's accessors with every value intact")
    void libvirtReadsPacked() {
        List<TypedParameter> in = List.of(
                TypedParameter.ofInt("i", -5),
                TypedParameter.ofUInt("ui", 0xfffffffe),
                TypedParameter.ofLLong("l", Long.MIN_VALUE),
                TypedParameter.ofULLong("ul", -2L),
                TypedParameter.ofDouble("d", 2.5),
                TypedParameter.ofBoolean("b", true),
                TypedParameter.ofString("s", "héllo"));
        try (TypedParams.Packed p = TypedParams.pack(in)) {
            long a = p.address();
            int n = p.count();
            int[] i = new int[1];
            long[] l = new long[1];
            double[] d = new double[1];
            assertThat(Helpers.virTypedParamsGetInt(a, n, c("i"), i)).isOne();
            assertThat(i[0]).isEqualTo(-5);
            assertThat(Helpers.virTypedParamsGetUInt(a, n, c("ui"), i)).isOne();
            assertThat(i[0]).isEqualTo(0xfffffffe);
            assertThat(Helpers.virTypedParamsGetLLong(a, n, c("l"), l)).isOne();
            assertThat(l[0]).isEqualTo(Long.MIN_VALUE);
            assertThat(Helpers.virTypedParamsGetULLong(a, n, c("ul"), l)).isOne();
            assertThat(l[0]).isEqualTo(-2L);
            assertThat(Helpers.virTypedParamsGetDouble(a, n, c("d"), d)).isOne();
            assertThat(d[0]).isEqualTo(2.5);
            assertThat(Helpers.virTypedParamsGetBoolean(a, n, c("b"), i)).isOne();
            assertThat(i[0]).isOne();
            assertThat(Helpers.virTypedParamsGetString(a, n, c("s"), l)).isOne();
            assertThat(CStrings.read(l[0])).isEqualTo("héllo");
            // A type mismatch is libvirt's error: the type field is where libvirt looks for it.
            assertThat(Helpers.virTypedParamsGetInt(a, n, c("ui"), i)).isEqualTo(-1);
            Virt.virResetLastError();
        }
    }

    @Test
    @DisplayName("A field name libvirt cannot hold is refused before anything is sent")
    void fieldTooLong() {
        assertThatThrownBy(() -> TypedParams.pack(List.of(TypedParameter.ofInt("x".repeat(TypedParams.FIELD_LENGTH), 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TypedParams.pack(List.of()).count()).isZero();
    }
}
