#!/usr/bin/env bash
# The whole test suite on a fresh Debian 12 machine: install dependencies,
# build, run every test through CTest. Exit status is CTest's.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/.ci/setup.sh"
bash "$root/.ci/build.sh"
cd "$root/build"
ctest --output-on-failure -j"$(nproc)"
