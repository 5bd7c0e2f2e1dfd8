import json
import os
import re
import shutil
import subprocess
import unittest

from aikg_cli import AIKG, CORPUS, ROOT, ScratchDir, facts, run, triples

ARTICLE_004 = CORPUS / "004_b4709d26dc674c2a.txt"
REQUIRED = {"article": str, "subject": str, "subject_type": str, "relation": str, "object": str,
            "object_type": str, "sentence": str, "start": int, "end": int, "rule": str, "confidence": float}


class ExtractSampleArticle(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.code, cls.out, cls.err = run("extract", ARTICLE_004, "--format", "jsonl")

    def test_succeeds_quietly(self):
        self.assertEqual(self.code, 0, self.err)
        self.assertEqual(self.err, "")

    def test_facts_a_reader_can_verify_in_the_text(self):
        # "14. Shopify: تقوم بتطبيق Llama 2 في Sidekick" and "4. Wells Fargo: تستخدم نموذج Llama 2 من Meta"
        found = triples(self.out)
        self.assertIn(("Shopify", "uses", "Llama 2"), found)
        self.assertIn(("Wells Fargo", "uses", "Llama 2"), found)
        self.assertIn(("Meta", "released", "Llama 2"), found)
        self.assertIn(("OpenAI", "released", "ChatGPT"), found)

    def test_every_line_follows_the_contract(self):
        text = ARTICLE_004.read_bytes()
        lines = facts(self.out)
        self.assertGreater(len(lines), 10)
        for fact in lines:
            for key, kind in REQUIRED.items():
                self.assertIsInstance(fact[key], kind, key)
            self.assertEqual(fact["article"], ARTICLE_004.name)
            self.assertTrue(0.0 <= fact["confidence"] <= 1.0)
            # start/end are byte offsets of the sentence in the original file.
            self.assertEqual(text[fact["start"]:fact["end"]].decode("utf-8"), fact["sentence"])
            self.assertIn(fact["subject"], fact["sentence"] + " " + fact["subject"])

    def test_tsv_for_people(self):
        code, out, _ = run("extract", ARTICLE_004, "--format", "tsv")
        self.assertEqual(code, 0)
        rows = out.splitlines()
        self.assertEqual(rows[0].split("\t")[:4], ["article", "subject", "relation", "object"])
        self.assertEqual(len(rows) - 1, len(facts(self.out)))


class ExtractInputs(unittest.TestCase):
    def test_no_input_means_the_sample_corpus(self):
        code, out, err = run("extract")
        self.assertEqual(code, 0, err)
        articles = {f["article"] for f in facts(out)}
        self.assertEqual(len(articles), 5)

    def test_jsonl_on_stdin_uses_the_record_id(self):
        record = {"id": "news-1", "title": "t", "text": "Meta released Llama 3.1 on Hugging Face."}
        code, out, err = run("extract", "-", stdin=json.dumps(record) + "\n")
        self.assertEqual(code, 0, err)
        found = facts(out)
        self.assertTrue(found)
        self.assertEqual({f["article"] for f in found}, {"news-1"})
        self.assertIn(("Meta", "released", "Llama 3.1"), triples(out))

    def test_min_confidence_filters(self):
        _, everything, _ = run("extract", ARTICLE_004, "--min-confidence", "0")
        _, confident, _ = run("extract", ARTICLE_004, "--min-confidence", "0.74")
        self.assertLess(len(facts(confident)), len(facts(everything)))
        self.assertTrue(all(f["confidence"] >= 0.74 for f in facts(confident)))

    def test_bad_options_exit_2_with_a_message(self):
        code, out, err = run("extract", "--format", "xml")
        self.assertEqual(code, 2)
        self.assertEqual(out, "")
        self.assertIn("--format must be jsonl, tsv or mentions", err)
        code, _, err = run("extract", "--min-confidence", "high")
        self.assertEqual(code, 2)
        self.assertIn("--min-confidence", err)
        code, _, err = run("extract", "--frobnicate")
        self.assertEqual(code, 2)
        self.assertIn("unknown option '--frobnicate'", err)
        code, _, err = run("frobnicate")
        self.assertEqual(code, 2)
        self.assertIn("unknown command", err)

    def test_a_closed_pipe_is_not_an_error(self):
        proc = subprocess.run(f"'{AIKG}' extract '{CORPUS}' | head -n 1", shell=True, capture_output=True, text=True,
                              executable="/bin/bash", timeout=60)
        self.assertEqual(proc.returncode, 0)
        self.assertEqual(len(proc.stdout.splitlines()), 1)
        self.assertEqual(proc.stderr, "")


def stderr_on_a_terminal(*args):
    """Runs aikg with stderr on a pseudo-terminal (stdout discarded); returns its exit code and what the terminal showed."""
    import pty
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run([AIKG, *map(str, args)], stdout=subprocess.DEVNULL, stderr=follower, timeout=120)
    finally:
        os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal's other side is closed: all read
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return proc.returncode, shown.decode()


class ProgressOnATerminal(unittest.TestCase):
    def test_the_closing_line_says_how_much_text_went_through_and_how_fast(self):
        code, shown = stderr_on_a_terminal("extract", CORPUS, "--format", "jsonl")
        self.assertEqual(code, 0, shown)
        # Progress lines overwrite each other (\r, then erase to the end of the line); the closing one stays.
        closing = [part for part in re.split(r"[\r\n]", shown.replace("\x1b[K", "")) if part.strip()][-1]
        self.assertRegex(closing, r"^aikg extract: \d+ facts from 5 articles, \d+ KB in (\d+ ms|\d+\.\d\d s) \(\d+\.\d MB/s\)$")

    def test_a_log_gets_the_same_line_every_run(self):
        with ScratchDir() as d:
            bad = d / "empty.txt"
            bad.write_bytes(b"")
            code, _, err = run("extract", CORPUS, bad)
            self.assertEqual(code, 1)
            self.assertNotIn("MB/s", err)
            self.assertRegex(err.splitlines()[-1], r"^aikg extract: \d+ facts from 5 articles, 1 input\(s\) skipped$")

    def test_stats_asks_for_the_figures_in_a_log_too(self):
        code, out, err = run("extract", CORPUS, "--stats")
        self.assertEqual(code, 0, err)
        self.assertGreater(len(out.splitlines()), 100)  # the facts still go to stdout
        self.assertRegex(err, r"^aikg extract: \d+ facts from 5 articles, \d+ KB in (\d+ ms|\d+\.\d\d s) \(\d+\.\d MB/s\)\n$")
        with ScratchDir() as d:
            code, _, err = run("build", CORPUS, "--store", d / "s.db", "--stats")
            self.assertEqual(code, 0, err)
            self.assertRegex(err, r"^aikg build: 5 added, 0 replaced, 0 unchanged article\(s\); \d+ facts written, \d+ KB in "
                                  r"(\d+ ms|\d+\.\d\d s) \(\d+\.\d MB/s\) \(")


class Help(unittest.TestCase):
    def test_help_teaches_each_command_with_an_example(self):
        for args in (["--help"], ["extract", "--help"], ["validate", "--help"]):
            code, out, _ = run(*args)
            self.assertEqual(code, 0, args)
            self.assertIn("usage: aikg", out)
            self.assertIn("example", out)
        _, out, _ = run("--help")
        self.assertIn("extract", out)
        self.assertIn("validate", out)



class Snapshots(unittest.TestCase):
    """The catalog and rules snapshots change how fast a command starts, never what it says."""

    def run_with_cache(self, cache, *args):
        env = dict(os.environ, AIKG_CACHE_DIR=str(cache))
        proc = subprocess.run([AIKG, *map(str, args)], capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
        return proc.returncode, proc.stdout, proc.stderr

    def test_a_second_run_from_the_snapshot_says_the_same(self):
        with ScratchDir() as d:
            cache = d / "cache"
            first = self.run_with_cache(cache, "extract", CORPUS, "--format", "jsonl")
            self.assertEqual(first[0], 0, first[2])
            self.assertEqual(len(list(cache.glob("catalog-*.bin"))), 1)
            self.assertEqual(len(list(cache.glob("rules-*.bin"))), 1)
            second = self.run_with_cache(cache, "extract", CORPUS, "--format", "jsonl")
            self.assertEqual(second, first)
            # Nowhere to keep one: the command works the same.
            none = self.run_with_cache("", "extract", CORPUS, "--format", "jsonl")
            self.assertEqual(none, first)

    def test_an_edited_catalog_is_read_again(self):
        with ScratchDir() as d:
            cache, catalog = d / "cache", d / "graph"
            shutil.copytree(ROOT / "graph", catalog)
            code, out, err = self.run_with_cache(cache, "extract", CORPUS, "--catalog", catalog, "--format", "jsonl")
            self.assertEqual(code, 0, err)
            self.assertNotIn("Zyxwv", out)
            # A new organisation the sample corpus never names, then one it does, under a new alias.
            with open(catalog / "zz_extra.yaml", "w", encoding="utf-8") as f:
                f.write("entities:\n  - name: Zyxwv Labs\n    type: Organization\n")
            code, again, err = self.run_with_cache(cache, "extract", CORPUS, "--catalog", catalog, "--format", "jsonl")
            self.assertEqual(code, 0, err)
            self.assertEqual(again, out)
            self.assertEqual(len(list(cache.glob("catalog-*.bin"))), 2)
            # A broken catalog is reported as before, snapshot or not.
            with open(catalog / "zz_extra.yaml", "w", encoding="utf-8") as f:
                f.write("entities:\n  - name: Zyxwv Labs\n    type: NoSuchType\n")
            code, _, err = self.run_with_cache(cache, "extract", CORPUS, "--catalog", catalog, "--format", "jsonl")
            self.assertEqual(code, 2)
            self.assertIn("zz_extra.yaml:", err)

    def test_an_edited_rule_file_is_read_again(self):
        with ScratchDir() as d:
            cache, schemas = d / "cache", d / "schemas"
            shutil.copytree(ROOT / "schemas", schemas)
            first = self.run_with_cache(cache, "extract", CORPUS, "--schemas", schemas, "--format", "jsonl")
            self.assertEqual(first[0], 0, first[2])
            rules = schemas / "rules" / "en.yaml"
            original = rules.read_text(encoding="utf-8")
            # A rule naming a relation the ontology lacks: reported at its line, snapshot or not.
            rules.write_text(original + "  - id: en.broken\n    relation: no_such_relation\n    pattern: \"{subject} x {object}\"\n",
                             encoding="utf-8")
            code, _, err = self.run_with_cache(cache, "extract", CORPUS, "--schemas", schemas, "--format", "jsonl")
            self.assertEqual(code, 2)
            self.assertIn("en.yaml:", err)
            self.assertIn("no_such_relation", err)
            # The file as it was: its snapshot is taken again, with the same output.
            rules.write_text(original, encoding="utf-8")
            again = self.run_with_cache(cache, "extract", CORPUS, "--schemas", schemas, "--format", "jsonl")
            self.assertEqual(again, first)
            self.assertEqual(len(list(cache.glob("rules-*.bin"))), 1)


if __name__ == "__main__":
    unittest.main()
