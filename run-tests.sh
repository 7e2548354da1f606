#!/usr/bin/env bash
# Second README command: installs what is missing, builds with warnings as errors, runs every test.
set -euo pipefail
cd "$(dirname "$0")"
.ci/install-deps.sh
cmake --preset ci
cmake --build --preset ci
ctest --preset ci
