package org.libvirt4j.remote.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/**
 * Where the remote backend looks for libvirt's auth file and how it reads one. The lookup takes
 * the environment as a map, since a JVM cannot set its own: the SASL TCK ({@code SaslTck})
 * proves the {@code authfile=} parameter against libvirtd on every backend.
 */
class AuthFileTest {
    @Test
    @DisplayName("LIBVIRT_AUTH_FILE wins over the URI's authfile, which wins over the user's file")
    void environmentThenUriThenUser(@TempDir Path home) throws IOException {
        Path user = Files.createDirectories(home.resolve(".config/libvirt")).resolve("auth.conf");
        Files.writeString(user, "[auth-libvirt-default]\n");
        Map<String, String> env = Map.of("HOME", home.toString(), "LIBVIRT_AUTH_FILE", "/from/env");
        assertThat(AuthFile.locate(env, "/from/uri")).contains(Path.of("/from/env"));
        assertThat(AuthFile.locate(Map.of("HOME", home.toString()), "/from/uri")).contains(Path.of("/from/uri"));
        assertThat(AuthFile.locate(Map.of("HOME", home.toString()), null)).contains(user);
    }

    @Test
    @DisplayName("A non-empty XDG_CONFIG_HOME replaces ~/.config; an unreadable user file falls through")
    void xdgConfigHome(@TempDir Path dir) throws IOException {
        Path xdg = Files.createDirectories(dir.resolve("xdg/libvirt"));
        Files.writeString(xdg.resolve("auth.conf"), "");
        Path home = Files.createDirectories(dir.resolve("home/.config/libvirt"));
        Files.writeString(home.resolve("auth.conf"), "");
        Map<String, String> env = Map.of("HOME", dir.resolve("home").toString(), "XDG_CONFIG_HOME",
                dir.resolve("xdg").toString());
        assertThat(AuthFile.locate(env, null)).contains(xdg.resolve("auth.conf"));
        assertThat(AuthFile.locate(Map.of("HOME", dir.resolve("home").toString(), "XDG_CONFIG_HOME", ""), null))
                .contains(home.resolve("auth.conf"));
        assumeThat(Files.isReadable(AuthFile.SYSTEM_FILE)).as("no %s on this machine", AuthFile.SYSTEM_FILE).isFalse();
        assertThat(AuthFile.locate(Map.of("HOME", dir.resolve("nowhere").toString()), null)).isEmpty();
    }

    @Test
    @DisplayName("The host's group wins over default; values are GLib strings (escapes, leading blanks)")
    void lookup(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("auth.conf");
        Files.writeString(f, "  # comment\r\n[credentials-a]\npassword =  \\s x\\ty\\\\ \nusername=first\nusername=last\n"
                + "bad=\\q\n[auth-libvirt-default]\ncredentials=b\n[auth-libvirt-h1]\ncredentials=a\n"
                + "[credentials-b]\nauthname=dflt\n[credentials-a]\nrealm=R\n");
        AuthFile a = AuthFile.load(f);
        assertThat(a.lookup("libvirt", "h1", "password")).contains("  x\ty\\ ");
        assertThat(a.lookup("libvirt", "h1", "username")).contains("last");
        assertThat(a.lookup("libvirt", "h1", "realm")).contains("R");
        assertThat(a.lookup("libvirt", "h1", "bad")).isEmpty();
        assertThat(a.lookup("libvirt", "h2", "authname")).contains("dflt");
        assertThat(a.lookup("libvirt", null, "authname")).contains("dflt");
        assertThat(a.lookup("ssh", "h1", "password")).isEmpty();
    }

    @Test
    @DisplayName("Files GLib refuses are refused whole, with the generic error libvirt's client ends with")
    void malformed(@TempDir Path dir) throws IOException {
        for (byte[] bytes : new byte[][] {"k=v\n".getBytes(StandardCharsets.UTF_8),
                "[g]\nno pair\n".getBytes(StandardCharsets.UTF_8), "[g\n".getBytes(StandardCharsets.UTF_8),
                "[a]b]\n".getBytes(StandardCharsets.UTF_8), "[g]\n=v\n".getBytes(StandardCharsets.UTF_8),
                new byte[] {'[', 'g', ']', '\n', 'k', '=', (byte) 0xff, '\n'}}) {
            Path f = Files.write(dir.resolve("bad.conf"), bytes);
            assertThatThrownBy(() -> AuthFile.load(f)).isInstanceOfSatisfying(LibvirtException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INTERNAL_ERROR));
        }
        assertThatThrownBy(() -> AuthFile.load(dir.resolve("absent"))).isInstanceOf(LibvirtException.class);
    }
}
