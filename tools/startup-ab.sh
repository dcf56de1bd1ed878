#!/usr/bin/env bash
# Interleaved start-up comparison of app-images or installed packages (docs/benchmarks.md):
# each round starts every image once with `fr3 gui --smoke-test` and records "first frame after N ms";
# at the end prints the median and all runs per image. Interleaving lets every image see the same
# drift in machine load. Needs an X display (e.g. `Xvfb :77 -screen 0 1400x900x24 -nolisten tcp &`).
# Usage: tools/startup-ab.sh ROUNDS IMAGE_DIR...      (IMAGE_DIR holds bin/fr3, e.g. /opt/fr3-workbench)
# Set AB_USER to run the starts as another (unprivileged) user, as users do.
set -euo pipefail
rounds="$1"; shift
: "${DISPLAY:=:77}"
start() {
  if [ -n "${AB_USER:-}" ]; then
    runuser -u "$AB_USER" -- env DISPLAY="$DISPLAY" HOME="$(getent passwd "$AB_USER" | cut -d: -f6)" "$1/bin/fr3" gui --smoke-test
  else
    DISPLAY="$DISPLAY" "$1/bin/fr3" gui --smoke-test
  fi
}
results=$(mktemp)
trap 'rm -f "$results"' EXIT
for _ in $(seq 1 "$rounds"); do
  for image in "$@"; do
    ms=$(start "$image" 2> /dev/null | sed -n 's/^first frame after \([0-9]*\) ms$/\1/p')
    echo "$image ${ms:-failed}" >> "$results"
  done
done
for image in "$@"; do
  runs=$(grep -F "$image " "$results" | cut -d' ' -f2 | grep -E '^[0-9]+$' | tr '\n' ' ')
  median=$(echo "$runs" | tr ' ' '\n' | grep . | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : int((v[NR/2]+v[NR/2+1])/2)}')
  echo "$image median ${median} ms; runs: ${runs}"
done
