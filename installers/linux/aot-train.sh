#!/usr/bin/env bash
# Trains the JDK 25 ahead-of-time cache (JEP 483/514) of the app-image: one start to the first
# frame under Xvfb records the classes the workbench loads and links; the launcher then maps the
# cache at every start. Without Xvfb the package is still built, only without the cache.
# Usage: installers/linux/aot-train.sh APP_IMAGE_DIR
set -euo pipefail
app="$1"
cfg="$app/lib/app/fr3.cfg"
if ! command -v xvfb-run > /dev/null; then
  echo "aot-train: xvfb-run not found: the package starts without an AOT cache (install xvfb)" >&2
  exit 0
fi
# The cache records each jar's modification time; packaging copies the files and changes it. All
# jars get one fixed time here and again in the package's postinst, so the installed files match.
fixed=@1764201600
find "$app/lib/app" "$app/lib/runtime/lib" \( -name '*.jar' -o -name modules \) -exec touch -d "$fixed" {} +
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp "$cfg" "$scratch/fr3.cfg"
# shellcheck disable=SC2016 # $APPDIR is expanded by the jpackage launcher, not by this shell
echo 'java-options=-XX:AOTCacheOutput=$APPDIR/fr3.aot' >> "$cfg"
# A throw-away home: the training run must not leave preferences or logs behind.
HOME="$scratch" XDG_DATA_HOME="$scratch" xvfb-run -a -s "-screen 0 1400x900x24" "$app/bin/fr3" gui --smoke-test
cp "$scratch/fr3.cfg" "$cfg"
# shellcheck disable=SC2016
echo 'java-options=-XX:AOTCache=$APPDIR/fr3.aot' >> "$cfg"
echo "aot-train: $(du -h "$app/lib/app/fr3.aot" | cut -f1) AOT cache in $app/lib/app/fr3.aot"
