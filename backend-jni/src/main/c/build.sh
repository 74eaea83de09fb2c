#!/bin/sh
# Compiles the JNI glue into the jar's native directory. Needs only gcc and the JDK's jni.h:
# libvirt's headers and libvirt itself are not used at build time (see lv_api.h).
# usage: build.sh JAVA_HOME MODULE_DIR OUTPUT_SO
set -eu
java_home=$1
module=$2
out=$3
mkdir -p "$(dirname "$out")"
exec gcc -O2 -fPIC -shared -fvisibility=hidden -std=gnu11 -Wall -Wextra -Werror \
    -fno-strict-aliasing -fstack-protector-strong -D_FORTIFY_SOURCE=2 \
    -I"$java_home/include" -I"$java_home/include/linux" \
    -I"$module/src/main/c" -I"$module/src/generated/c" \
    "$module/src/main/c/lv_core.c" "$module/src/main/c/lv_manual.c" "$module/src/main/c/lv_typed.c" "$module/src/main/c/lv_irregular.c" "$module/src/main/c/lv_host.c" "$module/src/main/c/lv_qemu.c" "$module/src/main/c/lv_admin.c" "$module/src/generated/c/lv_generated.c" \
    -Wl,-z,noexecstack -Wl,--no-undefined -ldl -lpthread -o "$out"
