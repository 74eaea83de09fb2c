#!/usr/bin/env bash
# Regenerates the committed generated sources from the installed libvirt's API descriptions.
# One line per generator; each main class takes its own optional arguments (see its Javadoc).
# Inputs are located by org.libvirt4j.codegen.Inputs; this script's own arguments are passed to
# each JVM, e.g. ./codegen/regenerate.sh -Dlibvirt4j.protocolDir=/path/to/protocol
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

mvn -q -f codegen/pom.xml compile

java "$@" -cp codegen/target/classes org.libvirt4j.codegen.api.ApiEnumGenerator
java "$@" -cp codegen/target/classes org.libvirt4j.codegen.xdr.XdrGenerator
java "$@" -cp codegen/target/classes org.libvirt4j.codegen.jni.JniGlueGenerator
java "$@" -cp codegen/target/classes org.libvirt4j.codegen.binding.BindingGenerator
java "$@" -cp codegen/target/classes org.libvirt4j.codegen.binding.TypedGenerator
java "$@" -cp codegen/target/classes org.libvirt4j.codegen.events.EventGenerator
