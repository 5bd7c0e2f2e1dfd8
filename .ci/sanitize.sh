#!/usr/bin/env bash
# The whole test suite once more under AddressSanitizer and UndefinedBehaviorSanitizer
# (clang), then each libFuzzer target for a bounded time on a copy of its seed corpus.
# FUZZ_SECONDS sets the time per target (default 20).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/.ci/setup.sh"
build="$root/build-sanitize"
# -O1 with line tables: quick to compile, fast enough to run, readable reports.
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" -DCMAKE_CXX_COMPILER=clang++ \
  -DAIKG_FUZZ=ON -DAIKG_WERROR=OFF >/dev/null
cmake --build "$build" -j"$(nproc)"
export ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1
export LSAN_OPTIONS=suppressions="$root/tests/fuzz/lsan.supp":print_suppressions=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# The SIGKILL/Ctrl-C timing test exercises process semantics, not memory safety, and
# takes minutes under ASan; the Dask test exercises the Python driver and the
# cluster: both run in the plain build only.
(cd "$build" && ctest --output-on-failure -j"$(nproc)" -E "e2e_cli_crash|e2e_distributed")

seconds=${FUZZ_SECONDS:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for target in text jsonl rules pattern facts; do
  cp -r "$root/tests/fuzz/corpus/$target" "$work/$target"
  echo "fuzz_$target: ${seconds}s"
  "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$work/" \
    "$work/$target" 2>&1 | grep -E "stat::number_of_executed_units|stat::peak_rss|ERROR|SUMMARY" || true
  if ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* >/dev/null 2>&1; then
    echo "fuzz_$target found a failing input:" >&2
    ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* 2>/dev/null >&2
    exit 1
  fi
done
