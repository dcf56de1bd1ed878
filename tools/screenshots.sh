#!/usr/bin/env bash
# Regenerates the screenshots in docs/images from the real window under Xvfb.
# Needs: JDK 25 (JAVA_HOME), xvfb (xvfb-run) and libgtk-3-0. Usage: tools/screenshots.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
out="${1:-docs/images}"
./mvnw -q -o -DskipTests -Dcheckstyle.skip package test-compile 2>/dev/null || ./mvnw -q -DskipTests -Dcheckstyle.skip package test-compile
cp="app/target/classes:app/target/test-classes:app/target/lib/*"
xvfb-run -a -s "-screen 0 1400x900x24" \
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dprism.order=sw \
  -cp "$cp" org.fr3workbench.tools.ScreenshotTour "$out"
echo "screenshots written to $out"
