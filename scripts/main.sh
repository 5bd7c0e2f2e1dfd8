#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine: install dependencies, build, then
# extract the sample corpus (data/corpus) into output/facts.jsonl.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh"
"$root/build/aikg" validate
mkdir -p "$root/output"
"$root/build/aikg" extract "$root/data/corpus" --format jsonl > "$root/output/facts.jsonl"
echo "wrote $root/output/facts.jsonl: $(wc -l < "$root/output/facts.jsonl") facts from $(ls "$root"/data/corpus/*.txt | wc -l) articles"
echo "facts per relation:"
python3 - "$root/output/facts.jsonl" <<'PY'
import collections, json, sys
counts = collections.Counter(json.loads(line)["relation"] for line in open(sys.argv[1], encoding="utf-8"))
for relation, n in sorted(counts.items()):
    print(f"  {relation:16} {n}")
PY
