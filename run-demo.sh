#!/usr/bin/env bash
# First README command: installs what is missing, builds, and opens the bundled refinery demo
# in the workbench with its twin deployed locally: dt-valvesim serves the four valves (ports
# 1502-1505), the centralized refinery runs in the window, live values within seconds.
# Extra arguments go to dt-workbench (e.g. --lang de).
set -euo pipefail
cd "$(dirname "$0")"
.ci/install-deps.sh
cmake --preset release
cmake --build --preset release
demo=resources/examples/refinery-centralized.aml
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  # No screen to show a window on: check the demo model instead.
  echo "No display found (DISPLAY/WAYLAND_DISPLAY unset): validating $demo instead."
  build/release/app/dt-aml/dt-aml validate "$demo" && echo "validate: no errors"
  exit 0
fi
# History of the demo runs outside the source tree.
data=build/release/demo-data
mkdir -p "$data"
echo "== dt-workbench --deploy $demo (history in $data; Runtime > Stop or Shift+F5 stops it)"
exec build/release/app/dt-workbench/dt-workbench --deploy --data "$data" "$demo" "$@"
