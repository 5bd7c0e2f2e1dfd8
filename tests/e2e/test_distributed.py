"""The Dask driver (src/distributed/aikg_dask.py): a build on a LocalCluster of
two workers gives the store one 'aikg build' gives; bad inputs and bad options
are named and exit as aikg does."""
import json
import re
import subprocess
import unittest

from aikg_cli import AIKG, CORPUS, ROOT, ScratchDir, run, store_content

PYTHON = "/usr/bin/python3"  # Debian's, where python3-distributed lives
DRIVER = ROOT / "src" / "distributed" / "aikg_dask.py"


def has_distributed():
    try:
        return subprocess.run([PYTHON, "-c", "import distributed"], capture_output=True, timeout=60).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def driver(*args, stdin=None):
    """Runs the driver; returns (exit code, stdout, stderr)."""
    proc = subprocess.run([PYTHON, str(DRIVER), *map(str, args), "--aikg", AIKG], input=stdin, capture_output=True,
                          text=True, encoding="utf-8", timeout=180)
    return proc.returncode, proc.stdout, proc.stderr


def content(db):
    """What the store says. Articles: what facts carry (id, date, language);
    source, content_hash, title and url are not in 'aikg extract' output, so
    the reduce step cannot keep them."""
    return store_content(db, article_columns=("id", "date", "lang"))


def problems(stderr):
    """The 'where: reason, skipped' lines."""
    return [line for line in stderr.splitlines() if line.endswith(", skipped")]


@unittest.skipUnless(has_distributed(), f"{PYTHON} cannot import distributed (apt-get install python3-distributed)")
class Distributed(unittest.TestCase):
    def test_a_two_worker_build_equals_one_build(self):
        with ScratchDir() as d:
            # The five sample articles as text files (ids are file names), and
            # copies of them under other ids in a JSONL dump: 25 articles. Then
            # one id given twice with another text (the later copy wins) and
            # once more with the same text (unchanged).
            texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}
            folder = d / "articles"
            folder.mkdir()
            for name, text in texts.items():
                (folder / name).write_text(text, encoding="utf-8")
            records = []
            for k in range(1, 5):
                for i, (name, text) in enumerate(texts.items()):
                    record = {"id": f"copy-{k}/{name}", "text": text}
                    if i % 2:
                        record["date"] = f"2024-0{k}-1{i}"
                    records.append(record)
            names = list(texts)
            records.append({"id": f"copy-1/{names[0]}", "text": texts[names[1]]})
            records.append({"id": f"copy-2/{names[2]}", "text": texts[names[2]]})
            dump = d / "dump.jsonl"
            dump.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")

            single, dask = d / "single.db", d / "dask.db"
            code, _, err = run("build", folder, dump, "--store", single)
            self.assertEqual(code, 0, err)
            self.assertIn("25 added, 1 replaced, 1 unchanged", err)
            code, out, err = driver(folder, dump, "--store", dask, "--workers", 2, "--shard-mb", 0.03)
            self.assertEqual(code, 0, err)
            self.assertEqual(out, "")
            summary = re.search(r"aikg_dask.py: (\d+) shard\(s\), (\d+) article\(s\), (\d+) facts in", err)
            self.assertIsNotNone(summary, err)
            self.assertGreaterEqual(int(summary[1]), 4, err)
            self.assertEqual(int(summary[2]), 27, err)

            expected, got = content(single), content(dask)
            self.assertEqual(len(expected["articles"]), 25)
            self.assertGreater(len(expected["facts"]), 500)
            self.assertEqual(int(summary[3]), len(expected["facts"]))
            for table in expected:
                self.assertEqual(got[table], expected[table], table)
            # The later copy of an id won, as in one build.
            won = {f[4] for f in got["facts"] if f[0] == f"copy-1/{names[0]}"}
            self.assertTrue(won and won <= {f[4] for f in got["facts"] if f[0] == names[1]})

            exports = [run("export", "--format", "json", "--store", db) for db in (single, dask)]
            self.assertEqual(exports[0][0], 0, exports[0][2])
            self.assertEqual(exports[1], exports[0])

    def test_bad_inputs_are_named_as_aikg_names_them_and_exit_1(self):
        with ScratchDir() as d:
            src = d / "in"
            src.mkdir()
            (src / "good.txt").write_text("Meta released Llama 3.1 on Hugging Face.\n", encoding="utf-8")
            (src / "empty.txt").write_bytes(b"")
            (src / "broken.txt").write_bytes("أطلقت Meta ".encode() + b"\xff\xfe" + b" Llama")
            (src / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
            (src / "dump.jsonl").write_text('{"id": "ok-1", "text": "OpenAI released GPT-4o."}\n{"id": "bad", "text": \n'
                                            '{"id": "ok-2", "text": "Mistral AI released Mixtral 8x7B."}\n',
                                            encoding="utf-8")
            single, dask = d / "single.db", d / "dask.db"
            code, _, single_err = run("build", src, d / "missing.txt", "--store", single)
            self.assertEqual(code, 1, single_err)
            code, out, err = driver(src, d / "missing.txt", "--store", dask, "--workers", 2, "--shard-mb", 0.0001)
            self.assertEqual(code, 1, err)
            self.assertEqual(out, "")
            self.assertIn(f"{src / 'dump.jsonl'}:2: malformed JSON", err)
            self.assertIn(f"{src / 'broken.txt'}: invalid UTF-8 at byte 16, skipped", err)
            self.assertIn(f"{d / 'missing.txt'}: no such file or folder, skipped", err)
            self.assertEqual(problems(err), problems(single_err))  # the same lines in the same order
            self.assertIn("5 input(s) skipped", err)
            self.assertEqual(content(dask), content(single))
            self.assertEqual(len(content(dask)["rejections"]), 5)

    def test_a_failing_shard_is_named_and_the_others_loaded(self):
        with ScratchDir() as d:
            # An aikg that crashes on the shard holding the article "boom".
            fake = d / "aikg"
            fake.write_text(f'#!/bin/sh\nif [ "$1" = extract ] && grep -q \'"id": "boom"\' "$2"; then\n'
                            f'  echo "Segmentation fault" >&2; exit 139\nfi\nexec "{AIKG}" "$@"\n')
            fake.chmod(0o755)
            dump = d / "dump.jsonl"
            dump.write_text('{"id": "a", "text": "OpenAI released GPT-4o."}\n'
                            '{"id": "boom", "text": "Meta released Llama 3.1."}\n'
                            '{"id": "c", "text": "Mistral AI released Mixtral 8x7B."}\n', encoding="utf-8")
            proc = subprocess.run([PYTHON, str(DRIVER), dump, "--store", d / "kg.db", "--workers", "1",
                                   "--shard-mb", "0.00001", "--aikg", fake], capture_output=True, text=True, timeout=180)
            self.assertEqual(proc.returncode, 1, proc.stderr)
            self.assertRegex(proc.stderr, rf"shard 2 \({re.escape(str(dump))}:2\) failed on .*: exit code 139: "
                                          r"Segmentation fault; its articles were not loaded")
            self.assertEqual({a for a, *_ in content(d / "kg.db")["articles"]}, {"a", "c"})

    def test_bad_command_lines_exit_2_and_start_nothing(self):
        with ScratchDir() as d:
            dump = d / "dump.jsonl"
            dump.write_text('{"id": "a", "text": "OpenAI released GPT-4o."}\n', encoding="utf-8")
            for args, message in (
                    (("--store", d / "kg.db", "--bogus"), "unrecognized arguments: --bogus"),
                    (("--store", d / "kg.db", "--workers", "0"), "--workers: must be at least 1"),
                    (("--store", d / "kg.db", "--min-confidence", "2"), "--min-confidence: must be a number from 0 to 1"),
                    (("--store", d / "kg.db", "--workers", "2", "--scheduler", "tcp://x:1"), "not allowed with"),
                    ((), "the following arguments are required: --store"),
                    (("--store", d / "kg.db", "--catalog", d / "nowhere"), "--catalog: no such folder")):
                code, out, err = driver(dump, *args)
                self.assertEqual(code, 2, (args, err))
                self.assertIn(message, err, args)
                self.assertFalse((d / "kg.db").exists(), args)
            code, out, err = driver("--help")
            self.assertEqual(code, 0)
            self.assertIn("LocalCluster", out)
            self.assertIn("shared", out)


if __name__ == "__main__":
    unittest.main()
