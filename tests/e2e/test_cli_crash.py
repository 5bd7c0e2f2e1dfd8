"""Nothing lost, nothing corrupted: builds killed with SIGKILL at several points,
interrupted with Ctrl-C, or racing each other and readers."""
import json
import signal
import sqlite3
import subprocess
import time
import unittest

from aikg_cli import AIKG, CORPUS, ScratchDir, run

ARTICLES = 400


def generate_corpus(path):
    """Paragraphs of the sample articles, each a separate article with its own id."""
    paragraphs = []
    for article in sorted(CORPUS.glob("*.txt")):
        paragraphs += [p for p in article.read_text(encoding="utf-8").split("\n") if len(p) > 200]
    with open(path, "w", encoding="utf-8") as f:
        for i in range(ARTICLES):
            text = paragraphs[i % len(paragraphs)] + f"\nنسخة {i}."
            f.write(json.dumps({"id": f"gen-{i:04d}", "date": f"2024-{1 + i % 12:02d}-01", "text": text}, ensure_ascii=False) + "\n")


def integrity(db):
    con = sqlite3.connect(db)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def facts_per_article(db):
    con = sqlite3.connect(db)
    try:
        # Killed before its first commit, a new store holds no tables yet: that is an empty store.
        if not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchone():
            return {}
        articles = [a for (a,) in con.execute("SELECT id FROM articles")]
        counts = dict(con.execute("SELECT article_id, COUNT(*) FROM facts GROUP BY article_id"))
        return {a: counts.get(a, 0) for a in articles}
    finally:
        con.close()


class Crashes(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.scratch = ScratchDir()
        cls.dir = cls.scratch.__enter__()
        cls.corpus = cls.dir / "corpus.jsonl"
        generate_corpus(cls.corpus)
        cls.reference = cls.dir / "reference.db"
        start = time.monotonic()
        code, _, err = run("build", cls.corpus, "--store", cls.reference)
        cls.full_build_seconds = time.monotonic() - start
        assert code == 0, err
        cls.expected = facts_per_article(cls.reference)

    @classmethod
    def tearDownClass(cls):
        cls.scratch.__exit__(None, None, None)

    def build_killed_at(self, db, fraction):
        """Starts a build into `db` and kills it (SIGKILL) after `fraction` of a full build's time."""
        proc = subprocess.Popen([AIKG, "build", str(self.corpus), "--store", str(db)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(self.full_build_seconds * fraction)
        proc.send_signal(signal.SIGKILL)
        proc.wait()

    def assert_whole_articles(self, db):
        self.assertEqual(integrity(db), "ok")
        for article, count in facts_per_article(db).items():
            self.assertEqual(count, self.expected[article], article)

    def test_sigkill_at_several_points_then_rerun_completes(self):
        db = self.dir / "killed.db"
        db.touch()  # an existing store, even an empty file, is written in place and keeps what each run committed
        for fraction in (0.1, 0.35, 0.6, 0.85):
            self.build_killed_at(db, fraction)
            if db.exists():
                self.assert_whole_articles(db)
        code, _, err = run("build", self.corpus, "--store", db)
        self.assertEqual(code, 0, err)
        self.assert_whole_articles(db)
        self.assertEqual(facts_per_article(db), self.expected)

    def test_sigkill_of_a_first_build_leaves_no_store_then_rerun_completes(self):
        db = self.dir / "first.db"
        for fraction in (0.3, 0.7):
            self.build_killed_at(db, fraction)
            # Written beside the path and moved there only when whole: a kill
            # that lands after the move (near the end of a short build) leaves
            # the complete store, any other kill none at all.
            if db.exists():
                self.assert_whole_articles(db)
                self.assertEqual(facts_per_article(db), self.expected)
        code, _, err = run("build", self.corpus, "--store", db)
        self.assertEqual(code, 0, err)
        self.assert_whole_articles(db)
        self.assertEqual(facts_per_article(db), self.expected)
        # What the killed builds wrote beside the store is gone.
        self.assertEqual(sorted(p.name for p in self.dir.glob(".first.db*")), [])

    def test_ctrl_c_stops_after_the_current_article(self):
        db = self.dir / "interrupted.db"
        proc = subprocess.Popen([AIKG, "build", str(self.corpus), "--store", str(db)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        time.sleep(self.full_build_seconds * 0.4)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        if proc.returncode == 1:
            self.assertIn("interrupted after", err)
        else:  # the build was faster than the signal
            self.assertEqual(proc.returncode, 0, err)
        self.assert_whole_articles(db)
        self.assertEqual(run("build", self.corpus, "--store", db)[0], 0)
        self.assertEqual(facts_per_article(db), self.expected)

    def test_readers_and_a_second_writer_during_a_build(self):
        db = self.dir / "busy.db"
        self.assertEqual(run("build", CORPUS / "000_38394206e8435dda.txt", "--store", db)[0], 0)
        writer = subprocess.Popen([AIKG, "build", str(self.corpus), "--store", str(db)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        second = subprocess.Popen([AIKG, "build", str(self.corpus), "--store", str(db)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        readings = 0
        while writer.poll() is None and readings < 20:
            code, out, err = run("query", "entity", "Meta", "--store", db)
            self.assertEqual(code, 0, err)
            self.assertIn("Meta (Organization)", out)
            readings += 1
        for proc in (writer, second):
            _, err = proc.communicate(timeout=120)
            self.assertIn(proc.returncode, (0, 1), err)
            if proc.returncode == 1:
                self.assertIn("locked", err)
        self.assertEqual(integrity(db), "ok")
        self.assertEqual(run("build", self.corpus, "--store", db)[0], 0)
        got = facts_per_article(db)
        for article, count in self.expected.items():
            self.assertEqual(got[article], count, article)


if __name__ == "__main__":
    unittest.main()
