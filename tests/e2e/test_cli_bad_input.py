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
