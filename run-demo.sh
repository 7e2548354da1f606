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
# History of the demo runs outside the source tree.
data=build/release/demo-data
mkdir -p "$data"
# Two of the four simulated valves are unwell, so the Events dock has something to show: valve 3
# has a galling stem (high torque all along the stroke), valve 4 meets an obstruction mid-stroke.
faults="--fault 3:galling:0.9 --fault 4:obstruction:0.9:0.5"
workbench=(build/release/app/dt-workbench/dt-workbench --deploy --data "$data" --sim-args "$faults"
           "$demo" "$@")
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  # No screen here: run the same workbench on a virtual X display, so the twin, the simulator
  # and the history run as they would on a desktop. Ctrl+C stops everything.
  echo "== No display (DISPLAY unset): starting dt-workbench on a virtual display (xvfb-run)."
  echo "   The twin runs as on a desktop; history goes to $data. Ctrl+C stops it."
  exec xvfb-run -a -s "-screen 0 1400x900x24" "${workbench[@]}"
fi
echo "== dt-workbench --deploy $demo (history in $data; Runtime > Stop or Shift+F5 stops it)"
exec "${workbench[@]}"
