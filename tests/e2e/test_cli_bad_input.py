import unittest

from aikg_cli import ScratchDir, facts, run, triples

GOOD = "Meta released Llama 3.1 on Hugging Face.\n"


class BadInputs(unittest.TestCase):
    def test_bad_files_are_named_and_skipped_the_good_ones_processed(self):
        with ScratchDir() as d:
            (d / "good.txt").write_text(GOOD, encoding="utf-8")
            (d / "empty.txt").write_bytes(b"")
            (d / "broken.txt").write_bytes("أطلقت Meta ".encode() + b"\xff\xfe" + b" Llama")
            (d / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
            (d / "dump.jsonl").write_text('{"id": "ok-1", "text": "OpenAI released GPT-4o."}\n{"id": "bad", "text": \n',
                                          encoding="utf-8")
            code, out, err = run("extract", d, d / "missing.txt")
            self.assertEqual(code, 1, err)
            self.assertIn(f"{d / 'empty.txt'}: file is empty", err)
            self.assertIn(f"{d / 'broken.txt'}: invalid UTF-8 at byte 16", err)
            self.assertIn(f"{d / 'image.txt'}: binary data, not text", err)
            self.assertIn(f"{d / 'dump.jsonl'}:2: malformed JSON", err)
            self.assertIn(f"{d / 'missing.txt'}: no such file or folder", err)
            self.assertIn("5 input(s) skipped", err)
            found = triples(out)
            self.assertIn(("Meta", "released", "Llama 3.1"), found)
            self.assertIn(("OpenAI", "released", "GPT-4o"), found)
            self.assertEqual({f["article"] for f in facts(out)}, {"good.txt", "ok-1"})

    def test_only_a_missing_file_is_exit_1_with_no_output(self):
        with ScratchDir() as d:
            code, out, err = run("extract", d / "nope.txt")
            self.assertEqual(code, 1)
            self.assertEqual(out, "")
            self.assertIn("nope.txt: no such file or folder, skipped", err)

    def test_binary_on_stdin(self):
        code, out, err = run("extract", "-", stdin="\x00\x01\x02 binary")
        self.assertEqual(code, 1)
        self.assertIn("<stdin>: binary data, not text", err)


if __name__ == "__main__":
    unittest.main()


class BuildPolicy(unittest.TestCase):
    """A folder mixing good articles with every kind of bad one."""

    def make_folder(self, d):
        (d / "good.txt").write_text(GOOD, encoding="utf-8")
        (d / "page.txt").write_text("<html><body><p>OpenAI released GPT-4o &amp; more.</p><script>var x = 'Meta released Llama 4';</script>"
                                    "<div>Mistral AI released Mixtral 8x7B.</div></body></html>", encoding="utf-8")
        (d / "empty.txt").write_bytes(b"")
        (d / "broken.txt").write_bytes(b"Meta \xff released Llama")
        (d / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
        (d / "numbers.txt").write_text("12345 67890 !!!\n", encoding="utf-8")
        (d / "dump.jsonl").write_text('{"id": "ok-1", "text": "IBM released Granite 3.0."}\n{"id": "cut", "text": "trunc\n', encoding="utf-8")
        with open(d / "huge.txt", "wb") as f:
            f.truncate(17 * 1024 * 1024)  # sparse: over the 16 MiB limit without using the disk

    def test_bad_inputs_are_skipped_recorded_and_a_second_run_changes_nothing(self):
        import sqlite3
        with ScratchDir() as d:
            corpus = d / "in"
            corpus.mkdir()
            self.make_folder(corpus)
            db = d / "kg.db"
            code, _, err = run("build", corpus, "--store", db)
            self.assertEqual(code, 1, err)
            for name, reason in (("empty.txt", "file is empty"), ("broken.txt", "invalid UTF-8 at byte 5"),
                                 ("image.txt", "binary data, not text"), ("huge.txt", "larger than the 16 MiB article limit"),
                                 ("numbers.txt", "no extraction rules for language 'und'"), ("dump.jsonl:2", "malformed JSON")):
                self.assertIn(f"{corpus / name}: {reason}", err)
            self.assertIn("6 input(s) skipped", err)
            con = sqlite3.connect(db)
            rejected = dict(con.execute("SELECT source, reason FROM rejections"))
            facts = set(con.execute("SELECT a.name, f.relation, b.name FROM facts f JOIN entities a ON a.id = f.subject_id"
                                    " JOIN entities b ON b.id = f.object_id"))
            con.close()
            self.assertEqual(len(rejected), 6)
            self.assertIn(str(corpus / "huge.txt"), rejected)
            self.assertIn(("Meta", "released", "Llama 3.1"), facts)
            self.assertIn(("IBM", "released", "Granite 3.0"), facts)
            # HTML: tags and entities are not words, scripts are not text.
            self.assertIn(("OpenAI", "released", "GPT-4o"), facts)
            self.assertIn(("Mistral AI", "released", "Mixtral 8x7B"), facts)
            self.assertNotIn(("Meta", "released", "Llama 4"), facts)
            before = sqlite3.connect(db).execute("SELECT COUNT(*) FROM facts").fetchone()
            code, _, err = run("build", corpus, "--store", db)
            self.assertEqual(code, 1)
            self.assertIn("0 added, 0 replaced, 3 unchanged", err)
            self.assertEqual(sqlite3.connect(db).execute("SELECT COUNT(*) FROM facts").fetchone(), before)

    def test_strict_stops_at_the_first_problem_and_writes_nothing(self):
        import sqlite3
        with ScratchDir() as d:
            corpus = d / "in"
            corpus.mkdir()
            self.make_folder(corpus)
            db = d / "kg.db"
            code, _, err = run("build", corpus, "--strict", "--store", db)
            self.assertEqual(code, 1)
            self.assertIn("--strict: stopped at the first bad input; nothing was written", err)
            # A new store is not created at all, and its side file is gone.
            self.assertFalse(db.exists())
            self.assertEqual([p.name for p in d.iterdir()], ["in"])
            # An existing store is left as it was.
            (d / "good.txt").write_text(GOOD, encoding="utf-8")
            self.assertEqual(run("build", d / "good.txt", "--store", db)[0], 0)
            code, _, err = run("build", corpus, "--strict", "--store", db)
            self.assertEqual(code, 1)
            self.assertIn("nothing was written", err)
            con = sqlite3.connect(db)
            self.assertEqual(con.execute("SELECT id FROM articles").fetchall(), [("good.txt",)])
            self.assertEqual(con.execute("SELECT COUNT(*) FROM facts WHERE article_id != 'good.txt'").fetchone()[0], 0)
            con.close()
