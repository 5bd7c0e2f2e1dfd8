#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine: install dependencies, build, then
# build the store from the sample corpus (data/corpus) and analyse it: output/aikg.db,
# output/facts.jsonl and output/analysis.json.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh"
aikg="$root/build/aikg"
"$aikg" validate
mkdir -p "$root/output"
# The store (re-running adds nothing: articles are known by their content hash).
"$aikg" build "$root/data/corpus" --store "$root/output/aikg.db"
"$aikg" extract "$root/data/corpus" --format jsonl > "$root/output/facts.jsonl"
"$aikg" analyze --store "$root/output/aikg.db" --format json > "$root/output/analysis.json"
echo "wrote $root/output/aikg.db, $root/output/facts.jsonl ($(wc -l < "$root/output/facts.jsonl") facts), $root/output/analysis.json"
echo
"$aikg" analyze --store "$root/output/aikg.db" --top 10
echo
echo "facts per relation:"
python3 - "$root/output/facts.jsonl" <<'PY'
import collections, json, sys
counts = collections.Counter(json.loads(line)["relation"] for line in open(sys.argv[1], encoding="utf-8"))
for relation, n in sorted(counts.items()):
    print(f"  {relation:16} {n}")
PY
