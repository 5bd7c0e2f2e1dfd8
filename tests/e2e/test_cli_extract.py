import json
import subprocess
import unittest

from aikg_cli import AIKG, CORPUS, facts, run, triples

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


if __name__ == "__main__":
    unittest.main()
