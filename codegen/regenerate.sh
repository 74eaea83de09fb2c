#!/usr/bin/env bash
# Regenerates the committed generated sources from the installed libvirt's API descriptions.
# One line per generator; each main class takes its own optional arguments (see its Javadoc).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

mvn -q -f codegen/pom.xml compile

java -cp codegen/target/classes org.libvirt4j.codegen.api.ApiEnumGenerator
java -cp codegen/target/classes org.libvirt4j.codegen.xdr.XdrGenerator ../shared/protocol backend-remote/src/generated/java
java -cp codegen/target/classes org.libvirt4j.codegen.jni.JniGlueGenerator
java -cp codegen/target/classes org.libvirt4j.codegen.binding.BindingGenerator /usr/share/libvirt/api/libvirt-api.xml ../shared/protocol
