"""Scale features: the corpus generator, --jobs, store-side paths, sampled betweenness, the bench command."""
import json
import os
import random
import re
import sqlite3
import unittest

import networkx as nx

from aikg_cli import CORPUS, ScratchDir, facts, run, store_content


class Generator(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.scratch = ScratchDir()
        cls.dir = cls.scratch.__enter__()
        cls.corpus = cls.dir / "gen.jsonl"
        code, _, err = run("bench", "--generate", cls.corpus, "--mb", "1", "--seed", "7")
        assert code == 0, err
        cls.records = [json.loads(line) for line in cls.corpus.read_text(encoding="utf-8").splitlines()]

    @classmethod
    def tearDownClass(cls):
        cls.scratch.__exit__(None, None, None)

    def test_same_seed_same_bytes_other_seed_other_bytes(self):
        again, other = self.dir / "again.jsonl", self.dir / "other.jsonl"
        self.assertEqual(run("bench", "--generate", again, "--mb", "1", "--seed", "7")[0], 0)
        self.assertEqual(run("bench", "--generate", other, "--mb", "1", "--seed", "8")[0], 0)
        self.assertEqual(again.read_bytes(), self.corpus.read_bytes())
        self.assertNotEqual(other.read_bytes(), self.corpus.read_bytes())

    def test_new_words_make_another_corpus_that_extracts_alike_with_any_jobs(self):
        new, again = self.dir / "new.jsonl", self.dir / "new-again.jsonl"
        for path in (new, again):
            self.assertEqual(run("bench", "--generate", path, "--mb", "1", "--seed", "7", "--new-words", "7")[0], 0)
        self.assertEqual(new.read_bytes(), again.read_bytes())
        self.assertNotEqual(new.read_bytes(), self.corpus.read_bytes())
        words = lambda path: [w for line in path.read_text(encoding="utf-8").splitlines()
                              for w in re.findall(r"[a-z]{4,}", json.loads(line)["text"])]
        self.assertGreater(len(set(words(new))), len(set(words(self.corpus))) + 1000)
        outputs = []
        for jobs in ("1", "2"):
            code, out, err = run("extract", new, "--jobs", jobs)
            self.assertEqual(code, 0, err)
            outputs.append(out)
        self.assertGreater(len(facts(outputs[0])), 1000)
        self.assertEqual(outputs[0], outputs[1])

    def test_articles_are_mixed_arabic_and_english_with_dates(self):
        text_bytes = sum(len(r["text"].encode("utf-8")) for r in self.records)
        self.assertGreaterEqual(text_bytes, 1_000_000)
        langs = {r["lang"] for r in self.records}
        self.assertEqual(langs, {"ar", "en"})
        self.assertTrue(all(len(r["date"]) == 10 for r in self.records))
        arabic_share = sum(r["lang"] == "ar" for r in self.records) / len(self.records)
        self.assertTrue(0.4 < arabic_share < 0.8, arabic_share)
        # Clitics glued to names and diacritics are there for the text layer to undo.
        arabic_text = " ".join(r["text"] for r in self.records if r["lang"] == "ar")
        self.assertIn("\u064e", arabic_text)  # fatha
        self.assertRegex(arabic_text, r"\bو[A-Z]")

    def test_extraction_finds_every_relation_in_both_languages(self):
        code, out, err = run("extract", self.corpus, "--jobs", "2")
        self.assertEqual(code, 0, err)
        found = {(f["relation"], f["lang"]) for f in facts(out)}
        relations = ["released", "uses", "competes_with", "derived_from", "available_on", "trained_on",
                     "licensed_under", "partners_with", "affiliated_with", "part_of"]
        for relation in relations:
            for lang in ("ar", "en"):
                self.assertIn((relation, lang), found)


class Jobs(unittest.TestCase):
    def test_extract_output_is_identical_for_any_number_of_jobs(self):
        with ScratchDir() as d:
            corpus = d / "gen.jsonl"
            self.assertEqual(run("bench", "--generate", corpus, "--mb", "1", "--seed", "3")[0], 0)
            outputs = []
            for jobs in ("1", "2", "3"):
                code, out, err = run("extract", corpus, CORPUS, "--jobs", jobs)
                self.assertEqual(code, 0, err)
                outputs.append(out)
            self.assertGreater(len(facts(outputs[0])), 1000)
            self.assertEqual(outputs[0], outputs[1])
            self.assertEqual(outputs[0], outputs[2])

    def test_build_stores_are_identical_for_one_and_two_jobs(self):
        with ScratchDir() as d:
            corpus = d / "gen.jsonl"
            self.assertEqual(run("bench", "--generate", corpus, "--mb", "1", "--seed", "4")[0], 0)
            for jobs in ("1", "2"):
                code, _, err = run("build", corpus, CORPUS, "--jobs", jobs, "--store", d / f"jobs{jobs}.db")
                self.assertEqual(code, 0, err)
            self.assertEqual(store_content(d / "jobs1.db"), store_content(d / "jobs2.db"))

    def test_bad_jobs_values_are_usage_errors(self):
        for bad in ("0", "-1", "two", "1000"):
            code, _, err = run("extract", CORPUS, "--jobs", bad)
            self.assertEqual(code, 2, bad)
            self.assertIn("--jobs", err)


class StorePaths(unittest.TestCase):
    """Paths are searched in the store: lengths must equal networkx's on the same facts."""

    def test_path_lengths_match_networkx(self):
        rng = random.Random(11)
        graph = nx.Graph()
        lines = []
        for i in range(400):
            s, o = f"Org {rng.randrange(60):03d}", f"Model {rng.randrange(240):03d}"
            relation = rng.choice(["released", "uses"])
            graph.add_edge(s, o)
            lines.append(json.dumps({"article": f"a{i // 20}", "subject": s, "subject_type": "Organization",
                                     "relation": relation, "object": o, "object_type": "Model",
                                     "sentence": f"{s} {relation} {o}.", "start": (i % 20) * 30,
                                     "end": (i % 20) * 30 + 29, "rule": "test", "confidence": 0.9}))
        with ScratchDir() as d:
            (d / "facts.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
            self.assertEqual(run("build", "--facts", d / "facts.jsonl", "--store", d / "s.db")[0], 0)
            nodes = sorted(graph.nodes)
            pairs = [(rng.choice(nodes), rng.choice(nodes)) for _ in range(25)]
            for a, b in pairs:
                code, out, err = run("query", "path", a, b, "--format", "json", "--max-hops", "12", "--store", d / "s.db")
                self.assertEqual(code, 0, err)
                result = json.loads(out)
                if not nx.has_path(graph, a, b):
                    self.assertFalse(result["found"])
                    continue
                self.assertTrue(result["found"], (a, b))
                self.assertEqual(len(result["hops"]), nx.shortest_path_length(graph, a, b), (a, b))
                # The hops chain from a to b through real facts.
                at = a
                for hop in result["hops"]:
                    self.assertIn(at, (hop["subject"], hop["object"]))
                    self.assertTrue(graph.has_edge(hop["subject"], hop["object"]))
                    self.assertEqual(hop["evidence"]["sentence"], f'{hop["subject"]} {hop["relation"]} {hop["object"]}.')
                    at = hop["object"] if hop["subject"] == at else hop["subject"]
                self.assertEqual(at, b)


class FactsLoading(unittest.TestCase):
    def test_the_same_facts_given_twice_are_stored_once(self):
        with ScratchDir() as d:
            code, out, _ = run("extract", CORPUS)
            self.assertEqual(code, 0)
            (d / "once.jsonl").write_text(out, encoding="utf-8")
            (d / "twice.jsonl").write_text(out + out, encoding="utf-8")
            self.assertEqual(run("build", "--facts", d / "once.jsonl", "--store", d / "once.db")[0], 0)
            self.assertEqual(run("build", "--facts", d / "twice.jsonl", d / "once.jsonl", "--store", d / "twice.db")[0], 0)
            once, twice = store_content(d / "once.db"), store_content(d / "twice.db")
            self.assertEqual((once["facts"], once["entities"]), (twice["facts"], twice["entities"]))


class SampledBetweenness(unittest.TestCase):
    def test_pivots_all_is_exact_and_k_pivots_are_reported(self):
        with ScratchDir() as d:
            store = d / "s.db"
            self.assertEqual(run("build", CORPUS, "--store", store)[0], 0)
            code, exact, err = run("analyze", "--format", "json", "--store", store)
            self.assertEqual(code, 0, err)
            exact = json.loads(exact)
            self.assertIsNone(exact["graph"]["betweenness_pivots"])
            code, all_pivots, _ = run("analyze", "--format", "json", "--pivots", "all", "--store", store)
            self.assertEqual(json.loads(all_pivots), exact)
            code, sampled, err = run("analyze", "--format", "json", "--pivots", "10", "--store", store)
            self.assertEqual(code, 0, err)
            sampled = json.loads(sampled)
            self.assertEqual(sampled["graph"]["betweenness_pivots"], 10)
            self.assertEqual([n["pagerank"] for n in sampled["nodes"]], [n["pagerank"] for n in exact["nodes"]])
            code, _, err = run("analyze", "--pivots", "0", "--store", store)
            self.assertEqual(code, 2)
            self.assertIn("--pivots", err)


class Bench(unittest.TestCase):
    def test_graph_and_render_sections_print_their_tables(self):
        with ScratchDir() as d:
            code, out, err = run("bench", "--only", "graph,query,render", "--graphs", "300:1200", "--query-facts", "3000",
                                 "--no-peers", "--work-dir", d)
            self.assertEqual(code, 0, err)
            for row in ("PageRank", "weakly connected components", "betweenness, exact", "sampled pivots",
                        "communities (Louvain)", "aikg query entity", "aikg query path", "aikg render"):
                self.assertIn(row, out)
            # The machine's state before and after, to judge the figures by.
            start = re.search(r"^memory: (\d+\.\d) ns a load in a 4 MB pointer chase", out, re.M)
            end = re.search(r"^memory at the end: (\d+\.\d) ns a load \((\d+\.\d) at the start\)$", out, re.M)
            self.assertTrue(start and end, out)
            self.assertEqual(start.group(1), end.group(2))
            self.assertGreater(float(start.group(1)), 0)
            self.assertLess(out.index("memory:"), out.index("PageRank"))
            self.assertLess(out.index("aikg render"), out.index("memory at the end"))

    def test_text_section_measures_stages_and_both_commands(self):
        with ScratchDir() as d:
            code, out, err = run("bench", "--only", "text", "--mb", "1", "--jobs", "2", "--no-peers", "--work-dir", d,
                                 "--repeat", "2")
            self.assertEqual(code, 0, err)
            # Every command ran twice, in rounds; the table shows medians.
            self.assertIn("aikg extract (run 2 of 2)", err)
            self.assertIn("aikg build (with the store) --jobs 2 (run 2 of 2)", err)
            self.assertLess(err.index("aikg build (with the store) --jobs 2 (run 1 of 2)"), err.index("aikg extract (run 2 of 2)"))
            self.assertIn("seconds (median)", out)
            for row in ("read JSONL", "normalise", "segment", "mentions", "relations", "store (SQLite", "aikg extract", "aikg build"):
                self.assertIn(row, out)
            # One and two jobs find the same facts.
            rows = [[c.strip() for c in line.split("|")[1:-1]] for line in out.splitlines() if line.startswith("| aikg extract ")]
            self.assertEqual([r[1] for r in rows], ["1", "2"])
            self.assertEqual(rows[0][4], rows[1][4])
            self.assertGreater(int(rows[0][4]), 1000)
            # The store stage wrote every one of those facts, and its indexes.
            with sqlite3.connect(os.path.join(d, "bench-stages.db")) as db:
                self.assertEqual(db.execute("SELECT COUNT(*) FROM facts").fetchone()[0], int(rows[0][4]))
                indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
                self.assertTrue({"facts_by_subject", "facts_by_object", "facts_by_article"} <= indexes)
            # Two one-job runs side by side: the ceiling --jobs 2 is judged against.
            ceiling = [[c.strip() for c in line.split("|")[1:-1]] for line in out.splitlines()
                       if line.startswith("| 2 x aikg extract --jobs 1 at once")]
            self.assertEqual(len(ceiling), 1)
            self.assertEqual(ceiling[0][4], rows[0][4])
            self.assertRegex(out, r"scaling: extract --jobs 2 runs \d+\.\d\dx as fast as --jobs 1; 2 one-job runs side by side get \d+\.\d\dx")

    def test_python_peer_is_timed_whole_and_by_its_own_timer(self):
        with ScratchDir() as d:
            code, out, err = run("bench", "--only", "text", "--mb", "1", "--jobs", "1", "--work-dir", d, "--repeat", "1")
            self.assertEqual(code, 0, err)
            rows = {r[0]: r for r in ([c.strip() for c in line.split("|")[1:-1]] for line in out.splitlines()
                                      if line.startswith("| peer: Python pipeline"))}
            own = rows["peer: Python pipeline (PyICU, pyahocorasick, regex), its own timer (reading and matching)"]
            whole = rows["peer: Python pipeline (PyICU, pyahocorasick, regex), whole process (interpreter, imports, catalog load)"]
            # Same run, same candidates; the whole process takes longer than its timer.
            self.assertEqual(own[4], whole[4])
            self.assertGreater(int(own[4]), 0)
            self.assertGreater(float(whole[2]), float(own[2]))
            match = re.search(r"against the Python pipeline: extract --jobs 1 runs (\d+\.\d\d)x as fast, both timed from process "
                              r"start to exit; (\d+\.\d\d)x both by their own clocks, .*; (\d+\.\d\d)x aikg's whole process "
                              r"against the pipeline's own timer", out)
            self.assertIsNotNone(match, out)
            whole_ratio, own_ratio, mixed_ratio = (float(match.group(i)) for i in (1, 2, 3))
            self.assertGreater(whole_ratio, mixed_ratio)
            # aikg's own clock leaves out its start-up too: a shorter time than its whole process, a larger ratio.
            self.assertGreater(own_ratio, mixed_ratio)
            table = [[c.strip() for c in line.split("|")[1:-1]] for line in out.splitlines() if line.startswith("| aikg extract")]
            whole_row = [r for r in table if r[0] == "aikg extract"]
            own_row = [r for r in table if r[0].startswith("aikg extract, its own clock")]
            self.assertEqual(len(whole_row), 1)
            self.assertEqual(len(own_row), 1)
            self.assertEqual(own_row[0][4], whole_row[0][4])  # the same runs: the same facts
            self.assertLessEqual(float(own_row[0][2]), float(whole_row[0][2]))
            # What each run wrote is removed with the run.
            self.assertEqual([f for f in os.listdir(d) if f.endswith("facts.jsonl") or f.startswith("python-candidates")], [])

    def test_bad_options_are_usage_errors(self):
        for args in (["--only", "everything"], ["--mb", "0"], ["--graphs", "10"], ["--corpus", "/no/such.jsonl"], ["--repeat", "0"],
                     ["--new-words", "101"], ["--new-words", "seven"]):
            code, _, err = run("bench", *args)
            self.assertEqual(code, 2, args)
            self.assertTrue(err.strip())


if __name__ == "__main__":
    unittest.main()
