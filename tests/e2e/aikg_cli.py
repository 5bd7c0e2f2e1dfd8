"""Runs the aikg binary for end-to-end tests (paths come from CTest's environment)."""
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

AIKG = os.environ.get("AIKG_BIN", str(Path(__file__).resolve().parents[2] / "build" / "aikg"))
ROOT = Path(os.environ.get("AIKG_ROOT", Path(__file__).resolve().parents[2]))
SHARED = Path(os.environ.get("AIKG_SHARED", ROOT.parent / "shared"))
TEST_DATA = ROOT / "tests" / "data"
CORPUS = ROOT / "data" / "corpus"


def run(*args, stdin=None, cwd=None):
    """Runs aikg; returns (exit code, stdout, stderr) as text."""
    proc = subprocess.run([AIKG, *map(str, args)], input=stdin, capture_output=True, cwd=cwd,
                          text=True, encoding="utf-8", timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


def facts(stdout):
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def triples(stdout):
    return {(f["subject"], f["relation"], f["object"]) for f in facts(stdout)}


class ScratchDir:
    def __enter__(self):
        self.path = Path(tempfile.mkdtemp(prefix="aikg-e2e-"))
        return self.path

    def __exit__(self, *exc):
        shutil.rmtree(self.path, ignore_errors=True)


def store_content(db, article_columns=("id", "content_hash", "source", "title", "date", "url", "lang")):
    """What a store says, by entity keys rather than row ids, for comparing
    stores built different ways (threads, shards, a cluster)."""
    con = sqlite3.connect(db)
    try:
        keys = {i: k for i, k in con.execute("SELECT id, key FROM entities")}
        columns = ", ".join(f"coalesce({c}, '')" for c in article_columns)
        return {
            "entities": sorted(con.execute("SELECT key, name, type, coalesce(openness, ''), in_catalog FROM entities")),
            "aliases": sorted((k, a, keys[e]) for k, e, a in con.execute("SELECT key, entity_id, alias FROM aliases")),
            "articles": sorted(con.execute(f"SELECT {columns} FROM articles")),
            "facts": sorted(
                (a, keys[s], r, keys[o], sent, st, en, rule, conf, d or "", lang or "", sa or "", oa or "")
                for a, s, r, o, sent, st, en, rule, conf, d, lang, sa, oa in con.execute(
                    "SELECT article_id, subject_id, relation, object_id, sentence, start, end, rule, confidence, date,"
                    " lang, subject_attributes, object_attributes FROM facts")),
            "rejections": sorted(con.execute("SELECT source, reason FROM rejections")),
        }
    finally:
        con.close()
