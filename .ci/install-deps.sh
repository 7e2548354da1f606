#!/usr/bin/env bash
# Installs the Debian 12 packages the project needs, when any is missing. Shared by the two
# top-level set-up scripts. Runs apt-get only when something is missing, so a warm machine
# starts at once.
set -euo pipefail

packages=(
  cmake ninja-build g++ clang pkg-config libclang-rt-14-dev
  qt6-base-dev qt6-3d-dev qt6-3d-assimpsceneimport-plugin qt6-charts-dev qt6-serialbus-dev
  qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools
  libqt6sql6-sqlite libqt6sql6-psql libqt6sql6-mysql libqt6opengl6-dev libfann-dev
  xvfb xauth libgl1-mesa-dri fonts-dejavu-core libxml2-utils sqlite3
  python3-pymodbus python3-serial python3-serial-asyncio mbpoll socat libmodbus-dev
  postgresql mariadb-server libqt6svg6 libjemalloc-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing missing packages: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
"${sudo_cmd[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends \
  "${missing[@]}"
