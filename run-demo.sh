#!/usr/bin/env bash
# First README command: installs what is missing, builds, and opens the bundled refinery demo.
set -euo pipefail
cd "$(dirname "$0")"
.ci/install-deps.sh
cmake --preset release
cmake --build --preset release
demo=resources/examples/refinery-centralized.aml
echo "== dt-aml info $demo"
build/release/app/dt-aml/dt-aml info "$demo"
echo "== dt-aml validate $demo"
build/release/app/dt-aml/dt-aml validate "$demo" && echo "validate: no errors"
