#!/usr/bin/python3
"""Peer baseline for `aikg bench`: the Python pipeline a user would write.

Gazetteer (catalog names + aliases) -> PyICU NFKC_Casefold -> pyahocorasick,
regex sentence split, regex trigger words, (subject, trigger, object)
candidates.  Deliberately nothing more (no morphology, no coreference, no
validation) so it measures the cost of the obvious approach, not a rival
extractor.  Uses only Debian packages: python3-icu python3-ahocorasick
python3-yaml.  Single-threaded by construction (CPython, no pools).

Usage: /usr/bin/python3 tests/bench/python_pipeline.py [--catalog DIR] [--out F] FILE.jsonl
stdout: ONE JSON line {"tool": "python-pipeline", "bytes", "seconds",
"mb_per_s" (MB = 1e6 bytes), "articles", "candidates", "load_seconds", ...}.
"seconds" covers reading+processing the input only; catalog load and
automaton build are "load_seconds".
"""
import argparse, glob, json, os, re, sys, time

import ahocorasick
import icu
import yaml

NORM = icu.Normalizer2.getNFKCCasefoldInstance()

# Relation -> trigger surface forms (English and Arabic).  Normalised with the
# same NFKC_Casefold as the text so that case/width variants match.  Arabic
# forms are listed with and without diacritics because NFKC_CF keeps harakat.
TRIGGERS = {
    "released": ["released", "releases", "launched", "launches", "unveiled",
                 "أطلقت", "أطلق", "تطلق", "يطلق", "أصدرت", "أصدر", "كشفت عن"],
    "uses": ["uses", "used", "using", "تستخدم", "يستخدم", "استخدمت", "استخدام"],
    "competes_with": ["competes with", "compete with", "rivals", "rival",
                      "تنافس", "ينافس", "منافس", "منافسة"],
    "based_on": ["based on", "built on", "fine-tuned from", "مبني على",
                 "مبنية على", "مبني علي", "يعتمد على", "تعتمد على"],
    "available_on": ["available on", "available via", "متاح على", "متاحة على",
                     "متوفر على", "متوفرة على", "متاح عبر", "متاحة عبر"],
    "trained_on": ["trained on", "دُرّب على", "درب على", "دربت على",
                   "تدريبه على", "تدريبها على", "تدريب على"],
    "licensed_under": ["license", "licence", "licensed under", "رخصة", "ترخيص"],
    "partnership": ["partnership", "partnered with", "partners with", "شراكة",
                    "بالشراكة مع", "شراكات"],
}


def build_trigger_re():
    alts = []
    for rel, words in TRIGGERS.items():
        forms = sorted({NORM.normalize(w) for w in words}, key=len, reverse=True)
        # Optional Arabic conjunction prefix و/ف, then word boundaries.
        alts.append("(?P<%s>(?<!\\w)[وف]?(?:%s)(?!\\w))"
                    % (rel, "|".join(re.escape(f) for f in forms)))
    return re.compile("|".join(alts))


# Sentence split: after . ! ? and Arabic ؟ ؛ followed by space, or at newlines.
SENT_RE = re.compile(r"(?<=[.!?؟؛])\s+|\n+")


def load_catalog(catalog_dir):
    """All names and aliases -> canonical name, in an Aho-Corasick automaton."""
    auto = ahocorasick.Automaton()
    n_surfaces = 0
    for path in sorted(glob.glob(os.path.join(catalog_dir, "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f) or {}
        for ent in doc.get("entities") or []:
            for surface in [ent["name"]] + list(ent.get("aliases") or []):
                key = NORM.normalize(str(surface)).strip()
                if key and key not in auto:  # first catalog entry wins
                    auto.add_word(key, (len(key), ent["name"]))
                    n_surfaces += 1
    auto.make_automaton()
    return auto, n_surfaces


def matches(auto, s):
    """Leftmost-longest gazetteer hits with a word-boundary check on both ends."""
    hits = []
    for end, (n, name) in auto.iter(s):
        start = end - n + 1
        if start > 0 and s[start - 1].isalnum():
            continue
        if end + 1 < len(s) and s[end + 1].isalnum():
            continue
        hits.append((start, end + 1, name))
    hits.sort(key=lambda h: (h[0], -h[1]))
    out, last_end = [], -1
    for h in hits:  # drop hits overlapping an earlier/longer one
        if h[0] >= last_end:
            out.append(h)
            last_end = h[1]
    return out


def candidates(sentence, hits, trig_re):
    """For each trigger: nearest hit before it -> nearest hit after it.
    Verb-first Arabic ("أطلقت Meta Llama"): the two hits after the trigger."""
    for m in trig_re.finditer(sentence):
        before = [h for h in hits if h[1] <= m.start()]
        after = [h for h in hits if h[0] >= m.end()]
        if before and after:
            subj, obj = before[-1], after[0]
        elif len(after) >= 2:
            subj, obj = after[0], after[1]
        else:
            continue
        if subj[2] != obj[2]:
            yield (subj[2], m.lastgroup, obj[2])


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--catalog", default=os.path.join(here, "..", "..", "graph"))
    ap.add_argument("--out", help="write candidates as JSONL (inside the timing)")
    ap.add_argument("input", help="JSONL, one {\"id\", \"text\", ...} per line")
    args = ap.parse_args()

    t0 = time.perf_counter()
    auto, n_surfaces = load_catalog(args.catalog)
    trig_re = build_trigger_re()
    load_s = time.perf_counter() - t0

    n_bytes = os.path.getsize(args.input)
    articles = n_cand = n_hits = 0
    out = open(args.out, "w", encoding="utf-8") if args.out else None
    t1 = time.perf_counter()
    with open(args.input, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            art = json.loads(line)
            articles += 1
            text = NORM.normalize(art.get("text") or "")
            for sent in SENT_RE.split(text):
                hits = matches(auto, sent)
                n_hits += len(hits)
                if len({h[2] for h in hits}) < 2:
                    continue
                for s, rel, o in candidates(sent, hits, trig_re):
                    n_cand += 1
                    if out:
                        out.write(json.dumps({"id": art.get("id"), "subject": s,
                                              "trigger": rel, "object": o},
                                             ensure_ascii=False) + "\n")
    secs = time.perf_counter() - t1
    if out:
        out.close()

    print("python-pipeline: %d articles, %d gazetteer hits, %d candidates "
          "(%d catalog surfaces)" % (articles, n_hits, n_cand, n_surfaces),
          file=sys.stderr)
    print(json.dumps({"tool": "python-pipeline", "bytes": n_bytes,
                      "seconds": round(secs, 6),
                      "mb_per_s": round(n_bytes / 1e6 / secs, 3) if secs > 0 else None,
                      "articles": articles, "candidates": n_cand,
                      "matches": n_hits, "load_seconds": round(load_s, 6)}))


if __name__ == "__main__":
    main()
