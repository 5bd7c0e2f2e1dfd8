#!/usr/bin/env python3
"""Check the benchmark sentence templates in data/bench/templates.yaml.

Every relation template is filled with fixed real catalog names of the right
type (several fill variants per template: Latin-script and Arabic-script names
for Arabic, other entities in each variant), all filled sentences go through
`aikg extract` in one run as JSONL ({"id","text","lang"} per line), and a
template passes when, in every variant, a fact of its relation comes out
between names filled into it, in the direction the template states (see the
subject convention in templates.yaml), for every member of a list slot, and
found by a rule of the template's language rather than by catalog knowledge
alone. Filler sentences and titles are run too; those that yield facts are
reported (a warning, not a failure).

usage: check_templates.py [AIKG] [--templates FILE] [--min-rate X] [-v]

AIKG defaults to build/aikg (relative to the current directory, else to the
project root). Exit 0 when at least --min-rate (default 0.9) of the relation
templates pass, 1 otherwise, 2 on a malformed template file or catalog.
"""

import argparse
import collections
import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]

# Fixed fillers per node type: (catalog name, an Arabic-script alias or None).
# A person and the organisation at the same position are unrelated in the
# catalog; in any case a fact found by catalog rules alone (catalog.*) does not
# count: it has to come from a rule matching the template's wording.
POOLS = {
    "Organization": [
        ("Meta", "ميتا"), ("Mistral AI", "ميسترال"), ("Alibaba", "علي بابا"),
        ("Google", "جوجل"), ("OpenAI", "أوبن إيه آي"), ("Microsoft", "مايكروسوفت"),
        ("Anthropic", "أنثروبيك"), ("IBM", "آي بي إم"), ("G42", "جي 42"),
        ("DeepSeek", "ديب سيك"),
    ],
    "Model": [
        ("Llama 3.1", "لاما 3.1"), ("Mixtral 8x7B", "ميكسترال"), ("Qwen2.5", "كوين 2.5"),
        ("Falcon 180B", None), ("Gemma 2", "جيما 2"), ("DeepSeek-R1", "ديب سيك آر1"),
        ("GPT-4o", "جي بي تي-4o"), ("Claude 3.5 Sonnet", "كلود 3.5 سونيت"),
        ("Jais", "جيس"), ("Phi-3", None),
    ],
    "Product": [
        ("ChatGPT", "شات جي بي تي"), ("Le Chat", "لو شات"), ("Meta AI", "ميتا إيه آي"),
        ("Microsoft Copilot", "كوبايلوت"), ("Siri", "سيري"), ("Khanmigo", None),
    ],
    "Platform": [
        ("Hugging Face", "هاغينغ فيس"), ("AWS", "أمازون ويب سيرفيسز"),
        ("Microsoft Azure", "مايكروسوفت أزور"), ("Google Cloud", "جوجل كلاود"),
        ("Amazon Bedrock", "أمازون بيدروك"), ("Databricks", "داتابريكس"),
        ("GitHub", "جيت هب"), ("Kaggle", "كاغل"),
    ],
    "Person": [
        ("Sam Altman", "سام ألتمان"), ("Yann LeCun", "يان ليكون"),
        ("Arthur Mensch", "آرثر منش"), ("Demis Hassabis", "ديميس هاسابيس"),
        ("Satya Nadella", "ساتيا ناديلا"), ("Dario Amodei", "داريو أمودي"),
    ],
    "Dataset": [
        ("Common Crawl", "كومن كرول"), ("The Pile", None), ("RedPajama", "ريد باجاما"),
        ("FineWeb", None), ("Wikipedia", "ويكيبيديا"), ("The Stack", None),
    ],
    "License": [
        ("Apache 2.0", "ترخيص أباتشي 2.0"), ("MIT License", "رخصة MIT"),
        ("Llama 3.1 Community License", None),
        ("CC BY 4.0", None), ("OpenRAIL-M", None),
    ],
    "Software": [
        ("PyTorch", "باي تورش"), ("vLLM", None), ("llama.cpp", None),
        ("Ollama", "أولاما"), ("LangChain", "لانغ تشين"), ("TensorFlow", None),
    ],
}
NEW_NAMES = {
    ("Organization", "en"): ["Nexora Labs", "Qalamex AI", "Vantora Systems"],
    ("Organization", "ar"): ["Nexora Labs", "Qalamex AI", "Vantora Systems"],
    ("Person", "en"): ["Dana Whitfield", "Omar Haddad", "Lena Brandt"],
    ("Person", "ar"): ["سليم الحداد", "ليلى منصور", "كريم العطار"],
}
MONTHS = {"en": ["July", "March", "November"], "ar": ["يوليو", "مارس", "نوفمبر"]}
# (pool offset, script, list length) per variant
VARIANTS = {
    "ar": [(0, "latin", 3), (0, "arabic", 2), (1, "arabic", 3), (4, "latin", 2), (5, "arabic", 3)],
    "en": [(0, "latin", 3), (3, "latin", 2), (6, "latin", 3)],
}
SLOT = re.compile(r"\{(new:)?([A-Za-z]+)(\+)?\}")


def load_catalog():
    names = {}
    for f in sorted((ROOT / "graph").glob("*.yaml")):
        for e in yaml.safe_load(f.read_text(encoding="utf-8"))["entities"]:
            names[e["name"]] = (e["type"], set(map(str, e.get("aliases") or [])))
    return names


def check_pools(catalog):
    problems = []
    for typ, pool in POOLS.items():
        for name, ar in pool:
            if name not in catalog:
                problems.append(f"pool {typ}: {name!r} is not in the catalog")
            elif catalog[name][0] != typ:
                problems.append(f"pool {typ}: {name!r} is a {catalog[name][0]}")
            elif ar is not None and ar not in catalog[name][1]:
                problems.append(f"pool {typ}: {ar!r} is not an alias of {name!r}")
    return problems


def fill(text, lang, joiners, variant):
    """Fill the slots; returns the sentence and its slots in order, each as
    (type, is_list, [catalog names filled in])."""
    offset, script, list_len = variant
    used = collections.Counter()
    slots = []

    def pick(typ):
        pool = POOLS[typ]
        name, ar = pool[(offset + used[typ]) % len(pool)]
        used[typ] += 1
        slots[-1][2].append(name)
        return ar if (script == "arabic" and ar) else name

    def repl(m):
        new, typ, plus = m.group(1), m.group(2), m.group(3)
        if typ == "Year":
            return str(2024 - offset % 5)
        if typ == "Month":
            return MONTHS[lang][offset % 3]
        if typ == "Number":
            return str(40 + offset)
        slots.append((typ, bool(plus), []))
        if new:
            pool = NEW_NAMES[(typ, lang)]
            name = pool[(offset + used["new:" + typ]) % len(pool)]
            used["new:" + typ] += 1
            slots[-1][2].append(name)
            return name
        if plus:
            items = [pick(typ) for _ in range(list_len)]
            if len(items) == 2:
                return items[0] + joiners["pair"] + items[1]
            return joiners["list"].join(items[:-1]) + joiners["last"] + items[-1]
        return pick(typ)

    return SLOT.sub(repl, text), slots


def validate(doc, node_types, edge_types):
    problems = []
    if doc.get("version") != 1:
        problems.append("version must be 1")
    ids = set()
    for lang, spec in (doc.get("languages") or {}).items():
        for key in ("joiners", "relations", "filler", "titles"):
            if key not in spec:
                problems.append(f"{lang}: missing {key}")
        for k in ("list", "last", "pair"):
            if k not in (spec.get("joiners") or {}):
                problems.append(f"{lang}: joiners lack {k}")
        texts = [(t.get("id"), t.get("text", "")) for t in spec.get("relations") or []]
        texts += [(f"{lang}.filler", t) for t in spec.get("filler") or []]
        texts += [(f"{lang}.title", t) for t in spec.get("titles") or []]
        for t in spec.get("relations") or []:
            if t.get("id") in ids:
                problems.append(f"duplicate id {t.get('id')}")
            ids.add(t.get("id"))
            if t.get("relation") not in edge_types:
                problems.append(f"{t.get('id')}: unknown relation {t.get('relation')!r}")
        for tid, text in texts:
            for m in SLOT.finditer(text):
                new, typ = m.group(1), m.group(2)
                if new and typ not in ("Organization", "Person"):
                    problems.append(f"{tid}: bad slot {m.group(0)}")
                elif typ not in node_types and typ not in ("Year", "Month", "Number"):
                    problems.append(f"{tid}: unknown slot type {m.group(0)}")
            if re.search(r"[{}]", SLOT.sub("", text)):
                problems.append(f"{tid}: a brace outside a slot: {text}")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("aikg", nargs="?", default="build/aikg")
    ap.add_argument("--templates", default=str(ROOT / "data/bench/templates.yaml"))
    ap.add_argument("--min-rate", type=float, default=0.9)
    ap.add_argument("-v", "--verbose", action="store_true", help="show the facts of every template")
    args = ap.parse_args()

    aikg = Path(args.aikg)
    if not aikg.exists() and not aikg.is_absolute():
        aikg = ROOT / args.aikg
    if not aikg.exists():
        print(f"check_templates: no aikg binary at {args.aikg}", file=sys.stderr)
        return 2

    onto = yaml.safe_load((ROOT / "schemas/ontology.yaml").read_text(encoding="utf-8"))
    node_types = {t["name"] for t in onto["node_types"]}
    edges = {e["name"]: e for e in onto["edge_types"]}
    doc = yaml.safe_load(Path(args.templates).read_text(encoding="utf-8"))
    problems = validate(doc, node_types, edges) + check_pools(load_catalog())
    if problems:
        for p in problems:
            print(f"check_templates: {p}", file=sys.stderr)
        return 2

    # One JSONL article per filled sentence.
    lines, cases = [], {}
    for lang, spec in doc["languages"].items():
        joiners = spec["joiners"]
        for t in spec["relations"]:
            for vi, variant in enumerate(VARIANTS[lang]):
                text, filled = fill(t["text"], lang, joiners, variant)
                aid = f"{t['id']}#{vi}"
                cases[aid] = (lang, t, text, filled)
                lines.append({"id": aid, "text": text, "lang": lang})
        for kind in ("filler", "titles"):
            for i, text in enumerate(spec[kind]):
                aid = f"{lang}.{kind}.{i}"
                cases[aid] = (lang, None, fill(text, lang, joiners, VARIANTS[lang][0])[0], [])
                lines.append({"id": aid, "text": cases[aid][2], "lang": lang})
    inp = "".join(json.dumps(l, ensure_ascii=False) + "\n" for l in lines)
    proc = subprocess.run([str(aikg), "extract", "-", "--format", "jsonl"],
                          input=inp.encode("utf-8"), capture_output=True)
    if proc.returncode not in (0, 1):
        print(proc.stderr.decode("utf-8", "replace"), file=sys.stderr)
        return 2
    facts = collections.defaultdict(list)
    for line in proc.stdout.decode("utf-8").splitlines():
        f = json.loads(line)
        facts[f["article"]].append(f)

    def roles(t, slots):
        """The slots that hold the subject and those that hold the object.
        When a type can be both (derived_from, part_of, uses between
        organisations or products), the subject is the list slot if there is
        one, else the first such slot (the convention of templates.yaml)."""
        edge = edges[t["relation"]]
        subj = [s for s in slots if s[0] in edge["domain"]]
        obj = [s for s in slots if s[0] in edge["range"]]
        both = [s for s in subj if s in obj]
        if both and not edge.get("symmetric"):
            lists = [s for s in both if s[1]]
            head = lists[0] if lists else both[0]
            subj = [head]
            obj = [s for s in obj if s is not head]
        return subj, obj

    def intended(lang, t, slots, f):
        if f["relation"] != t["relation"] or f["subject"] == f["object"]:
            return False
        if not any(r.startswith(lang + ".") for r in f["rule"].split("+")):
            return False  # only catalog knowledge, not the template's wording
        subj, obj = roles(t, slots)
        sn = {n for s in subj for n in s[2]}
        on = {n for s in obj for n in s[2]}
        ok = f["subject"] in sn and f["object"] in on
        if edges[t["relation"]].get("symmetric"):
            ok = ok or (f["object"] in sn and f["subject"] in on)
        return ok

    def judge(lang, t, slots, fs):
        """Intended relation found, and found for every member of a list slot."""
        good = [f for f in fs if intended(lang, t, slots, f)]
        if not good:
            return False
        named = {f["subject"] for f in good} | {f["object"] for f in good}
        subj, obj = roles(t, slots)
        return all(n in named for s in subj + obj if s[1] for n in s[2])

    results = collections.OrderedDict()
    for aid, (lang, t, text, slots) in cases.items():
        if t is None:
            continue
        good = judge(lang, t, slots, facts.get(aid, []))
        results.setdefault(t["id"], (lang, t, []))[2].append((good, text, facts.get(aid, [])))

    npass = 0
    per = collections.defaultdict(lambda: [0, 0])
    for tid, (lang, t, runs) in results.items():
        ok = all(g for g, _, _ in runs)
        npass += ok
        per[(lang, t["relation"])][0] += ok
        per[(lang, t["relation"])][1] += 1
        nv = sum(g for g, _, _ in runs)
        print(f"{'PASS' if ok else 'FAIL'}  {tid:42} {t['relation']:16} {nv}/{len(runs)} variants")
        if not ok or args.verbose:
            for g, text, fs in runs:
                print(f"      {'ok ' if g else 'no '} {text}")
                for f in fs:
                    print(f"            {f['subject']} -{f['relation']}-> {f['object']}  [{f['rule']}]")

    noisy = [(aid, c[2], facts[aid]) for aid, c in cases.items() if c[1] is None and facts.get(aid)]
    for aid, text, fs in noisy:
        print(f"WARN  {aid}: filler/title yields facts: {text}")
        for f in fs:
            print(f"            {f['subject']} -{f['relation']}-> {f['object']}  [{f['rule']}]")

    print()
    print(f"{'language':8} {'relation':16} pass/templates")
    for (lang, rel), (p, n) in sorted(per.items()):
        print(f"{lang:8} {rel:16} {p}/{n}")
    for lang, spec in doc["languages"].items():
        print(f"{lang}: {len(spec['relations'])} relation templates, "
              f"{len(spec['filler'])} filler sentences, {len(spec['titles'])} titles")
    total = len(results)
    rate = npass / total if total else 0.0
    nfill = sum(1 for c in cases.values() if c[1] is None)
    print(f"relation templates passing: {npass}/{total} = {rate:.1%} (threshold {args.min_rate:.0%}); "
          f"filler/titles with facts: {len(noisy)}/{nfill}")
    return 0 if rate >= args.min_rate else 1


if __name__ == "__main__":
    sys.exit(main())
