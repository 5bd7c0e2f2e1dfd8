#!/usr/bin/env bash
# Peer baseline for `aikg bench`: the floor for dictionary matching, GNU grep's
# multi-pattern fixed-string search over the raw bytes (no normalisation, no
# word boundaries, case-sensitive), with every catalog name and alias.
#
# Usage: tests/bench/grep_baseline.sh [CATALOG_DIR] FILE.jsonl
#   CATALOG_DIR defaults to graph/ of the repo.
# stdout: ONE JSON line {"tool": "grep -F", "bytes", "seconds", "mb_per_s"
#   (MB = 1e6 bytes), "matches"}.  Only the grep run itself is timed.
# NOT `> /dev/null`: GNU grep (>= 2.27) notices stdout is /dev/null and stops
# at the first match like -q, which "measures" ~GB/s.  So the matches go to a
# file in the temp dir, and are counted after the clock stops.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
if [ $# -ge 2 ]; then catalog=$1; input=$2
elif [ $# -eq 1 ]; then catalog=$here/../../graph; input=$1
else echo "usage: $0 [CATALOG_DIR] FILE.jsonl" >&2; exit 2; fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# names.txt: all names and aliases, deduplicated, no empty lines (an empty
# pattern would make grep match everywhere).  Debian's python3 has yaml.
/usr/bin/python3 -c '
import glob, os, sys, yaml
seen = set()
for p in sorted(glob.glob(os.path.join(sys.argv[1], "*.yaml"))):
    for e in (yaml.safe_load(open(p, encoding="utf-8")) or {}).get("entities") or []:
        for s in [e["name"]] + list(e.get("aliases") or []):
            s = str(s).strip()
            if s and s not in seen:
                seen.add(s); print(s)
' "$catalog" > "$tmp/names.txt"

bytes=$(stat -c %s "$input")

# Warm the page cache so both this and the other peers read from memory.
cat "$input" > /dev/null

# grep exits 1 when nothing matches: not an error here.
t0=$(date +%s.%N)
LC_ALL=C grep -o -F -f "$tmp/names.txt" "$input" > "$tmp/matches.txt" || [ $? -eq 1 ]
t1=$(date +%s.%N)

matches=$(wc -l < "$tmp/matches.txt")

awk -v b="$bytes" -v t0="$t0" -v t1="$t1" -v m="$matches" 'BEGIN {
  s = t1 - t0
  printf "{\"tool\": \"grep -F\", \"bytes\": %d, \"seconds\": %.6f, \"mb_per_s\": %s, \"matches\": %d}\n",
         b, s, (s > 0 ? sprintf("%.3f", b / 1e6 / s) : "null"), m
}'
