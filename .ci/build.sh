#!/usr/bin/env bash
# Configures and builds aikg into build/ with clang: release with debug info,
# warnings as errors, optimised with a profile of its own runs (PGO).
#
# Why a profile: no single function of extraction dominates its time, so
# what a compiler can still win is in inlining, branch layout and code
# placement across all of it, and clang decides those by what a training run
# counted: 4% less CPU time for `aikg extract`, on top of clang's own 3.5%
# over g++ (README, Performance). The training run is an instrumented aikg
# (in build-pgo/) running a short `aikg bench` on a corpus generated with
# another seed than the benchmark's, which exercises every command the
# benchmark times, and extracting the sample corpus.
#
# AIKG_PGO=0 builds without a profile. Extra arguments go to the release
# build's cmake.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${AIKG_BUILD_DIR:-$root/build}
compiler=(-DCMAKE_CXX_COMPILER=clang++)
# DWARF 4: Debian 12's valgrind (3.19) cannot read clang's default DWARF 5.
cxx_flags="-gdwarf-4"

if [ "${AIKG_PGO:-1}" != 0 ]; then
  train_dir="$build_dir-pgo"
  profile="$train_dir/aikg.profdata"
  echo "build: instrumented aikg for the profile (build-pgo/)" >&2
  # Counts go to build-pgo/profiles/ whoever runs this aikg and from where (%p:
  # the benchmark starts aikg again as child processes, each writes its own).
  counts="-fprofile-instr-generate=$train_dir/profiles/aikg-%p.profraw"
  cmake -S "$root" -B "$train_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${compiler[@]}" -DBUILD_TESTING=OFF \
    -DCMAKE_CXX_FLAGS="$counts" -DCMAKE_EXE_LINKER_FLAGS="$counts" >/dev/null
  cmake --build "$train_dir" -j"$(nproc)" --target aikg
  echo "build: training run" >&2
  rm -rf "$train_dir/profiles" "$train_dir/train"
  mkdir -p "$train_dir/profiles" "$train_dir/train"
  if ! "$train_dir/aikg" bench --mb 2 --seed 1009 --repeat 1 --no-peers --graphs 2000:10000 --query-facts 20000 \
      --work-dir "$train_dir/train" --store "$train_dir/train/aikg.db" >"$train_dir/train.log" 2>&1 ||
    ! "$train_dir/aikg" extract "$root/data/corpus" >/dev/null 2>>"$train_dir/train.log"; then
    echo "build: the training run failed; its output, $train_dir/train.log, ends with:" >&2
    tail -n 20 "$train_dir/train.log" >&2
    exit 1
  fi
  llvm-profdata merge -o "$profile" "$train_dir"/profiles/*.profraw
  # Code the training never runs (the tests, error paths) has no counts, by design.
  cxx_flags="$cxx_flags -fprofile-instr-use=$profile -Wno-profile-instr-unprofiled -Wno-profile-instr-out-of-date"
fi

cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${compiler[@]}" -DCMAKE_CXX_FLAGS="$cxx_flags" "$@" >/dev/null
cmake --build "$build_dir" -j"$(nproc)"
