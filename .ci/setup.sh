#!/usr/bin/env bash
# Installs the Debian 12 packages aikg builds and tests with. Idempotent: packages
# already present are not touched, and apt-get update runs at most once.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libboost-graph-dev libicu-dev libyaml-cpp-dev libgraphviz-dev graphviz
  doctest-dev libsqlite3-dev nlohmann-json3-dev
  libxml2-utils python3 python3-yaml python3-networkx
  python3-distributed python3-icu python3-ahocorasick python3-igraph
  fonts-noto-core
  clang libclang-rt-14-dev llvm
  time
)

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi

echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
