#!/usr/bin/env bash
# Prepares a Debian 12 host (or container) to run libvirt4j's tests: installs libvirt and QEMU
# when missing, creates the users and groups the packages expect, and configures the QEMU
# driver so that a root libvirtd started by the TCK's PrivateLibvirtd fixture can run TCG guests
# without systemd, cgroups, namespaces or a security driver.
#
# Idempotent: running it twice changes nothing the second time. Must run as root.
# QEMU_CONF=/path overrides the qemu.conf to edit (for trying the script on a copy).
set -euo pipefail

if [[ $(id -u) -ne 0 ]]; then
    echo "setup-test-env.sh: run me as root (sudo $0)" >&2
    exit 1
fi

# openssh-server and netcat-openbsd: the TCK's ssh runs start a private sshd (PrivateSshd) whose
# far side runs nc to the private libvirtd; openssh-client is the +ssh transport's ssh binary.
# sasl2-bin (saslpasswd2) and libsasl2-modules (Cyrus's SCRAM, DIGEST-MD5, ... plugins): the TCK's
# SASL runs start a private libvirtd that requires SASL against a sasldb of its own (SaslTck).
# krb5-kdc, krb5-admin-server (kadmin.local), krb5-user (kinit) and libsasl2-modules-gssapi-mit:
# SaslTck's GSSAPI test starts a private KDC (PrivateKdc) in front of such a daemon.
PACKAGES=(libvirt-dev libvirt-daemon libvirt-daemon-driver-qemu libvirt-clients qemu-system-x86 qemu-utils
    openssh-server openssh-client netcat-openbsd sasl2-bin libsasl2-modules
    krb5-kdc krb5-admin-server krb5-user libsasl2-modules-gssapi-mit)

missing=()
for pkg in "${PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    if [[ $status != "install ok installed" ]]; then
        missing+=("$pkg")
    fi
done
if ((${#missing[@]} > 0)); then
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    # Packages must not start their system services here (the system sshd on port 22 above all):
    # the tests start private daemons of their own. policy-rc.d exit code 101 = "action forbidden".
    added_policy=
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        added_policy=1
        trap 'rm -f /usr/sbin/policy-rc.d' EXIT
    fi
    apt-get install -y "${missing[@]}"
    if [[ -n $added_policy ]]; then
        rm -f /usr/sbin/policy-rc.d
    fi
else
    echo "Packages present: ${PACKAGES[*]}"
fi

# The packages' maintainer scripts normally create these; minimal images skip them.
for group in kvm libvirt-qemu; do
    if ! getent group "$group" >/dev/null; then
        groupadd --system "$group"
        echo "Created group $group"
    fi
done
if ! getent passwd libvirt-qemu >/dev/null; then
    useradd --system --no-create-home --home-dir /var/lib/libvirt --shell /usr/sbin/nologin \
        --gid libvirt-qemu --groups kvm libvirt-qemu
    echo "Created user libvirt-qemu"
fi

# qemu.conf: QEMU runs as root with no ownership juggling, no cgroups, no namespaces and no
# security driver, because the test host has no systemd and usually no /dev/kvm.
CONF=${QEMU_CONF:-/etc/libvirt/qemu.conf}
mkdir -p "$(dirname "$CONF")"
touch "$CONF"

# set_key KEY VALUE: replace an uncommented "KEY = ..." line, or append one.
set_key() {
    local key=$1 value=$2 line
    line="$key = $value"
    if grep -Eq "^[[:space:]]*${key}[[:space:]]*=.*\[[^]]*$" "$CONF"; then
        # A list spread over several lines: replacing its first line would leave the rest dangling.
        echo "setup-test-env.sh: $CONF sets $key over several lines; set it to $value by hand" >&2
        exit 1
    fi
    if grep -Eq "^[[:space:]]*${key}[[:space:]]*=" "$CONF"; then
        if ! grep -Fxq "$line" "$CONF"; then
            # Escape characters special to sed's replacement.
            local escaped
            escaped=$(printf '%s' "$line" | sed -e 's/[\/&|]/\\&/g')
            sed -i -E "s|^[[:space:]]*${key}[[:space:]]*=.*|${escaped}|" "$CONF"
            echo "Set $line"
        fi
    else
        printf '%s\n' "$line" >>"$CONF"
        echo "Added $line"
    fi
}

set_key user '"root"'
set_key group '"root"'
set_key dynamic_ownership 0
set_key remember_owner 0
set_key stdio_handler '"file"'
set_key cgroup_controllers '[ ]'
set_key namespaces '[ ]'
set_key security_driver '"none"'

echo "Test environment ready."
