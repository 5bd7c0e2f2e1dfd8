#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine: install dependencies, build, then
# build the store from the sample corpus (data/corpus), analyse it, draw it and export it
# for Gephi: output/aikg.db, facts.jsonl, analysis.json, ecosystem.svg/.png, aikg.gexf, aikg.graphml.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/.ci/setup.sh"
bash "$root/.ci/build.sh"
aikg="$root/build/aikg"
"$aikg" validate
mkdir -p "$root/output"
# The store (re-running adds nothing: articles are known by their content hash).
"$aikg" build "$root/data/corpus" --store "$root/output/aikg.db"
"$aikg" extract "$root/data/corpus" --format jsonl > "$root/output/facts.jsonl"
"$aikg" analyze --store "$root/output/aikg.db" --format json > "$root/output/analysis.json"
# The diagram and the Gephi file.
"$aikg" render --store "$root/output/aikg.db" -o "$root/output/ecosystem.svg"
"$aikg" render --store "$root/output/aikg.db" -o "$root/output/ecosystem.png"
"$aikg" export --store "$root/output/aikg.db" --format gexf -o "$root/output/aikg.gexf"
"$aikg" export --store "$root/output/aikg.db" --format graphml -o "$root/output/aikg.graphml"
echo "wrote in $root/output: aikg.db (the store), facts.jsonl ($(wc -l < "$root/output/facts.jsonl") facts), analysis.json,"
echo "  ecosystem.svg and ecosystem.png (the diagram), aikg.gexf (Gephi), aikg.graphml"
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
