#!/usr/bin/env bash
# Regenerates docs/cli-reference.md from the picocli model (CliReferenceTest checks it is current).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -o -DskipTests -Dcheckstyle.skip package test-compile 2>/dev/null || ./mvnw -q -DskipTests -Dcheckstyle.skip package test-compile
"$JAVA_HOME/bin/java" -cp "app/target/classes:app/target/test-classes:app/target/lib/*" \
  org.fr3workbench.cli.CliReference docs/cli-reference.md
echo "docs/cli-reference.md regenerated"
