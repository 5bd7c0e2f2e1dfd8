"""Golden outputs of `aikg query` and `aikg analyze` on a store built from the
golden fixture articles with the test catalog. Expected stdout and exit code
live in tests/data/query/<case>.out; after an intended change regenerate them
with AIKG_REGENERATE=1 and review the diff."""
import json
import os
import shutil
import sqlite3
import unittest

from aikg_cli import CORPUS, ROOT, ScratchDir, TEST_DATA, run

EXPECTED = TEST_DATA / "query"
CASES = {
    "entity_llama_31": ["query", "entity", "Llama 3.1"],
    "entity_arabic_alias": ["query", "entity", "لاما 2", "--format", "json"],
    "neighbors_llama2_users": ["query", "neighbors", "LLaMA-2", "--relation", "uses", "--direction", "in"],
    "neighbors_meta_out_models": ["query", "neighbors", "meta", "--direction", "out", "--type", "Model"],
    "path_sami_to_mixtral": ["query", "path", "Sami Noor", "Mixtral 8x7B", "--max-hops", "5"],
    "path_json": ["query", "path", "Zoom", "Mistral AI", "--format", "json"],
    "match_open_users": ["query", "match", "?org uses ?m ; ?m:Model side=open", "--format", "csv"],
    "match_people": ["query", "match", "?p affiliated_with ?o", "--format", "json"],
    "unknown_name": ["query", "entity", "Lama 3"],
    "bad_pattern": ["query", "match", "?a loves ?b"],
    "analyze_table": ["analyze", "--top", "10"],
    "analyze_json": ["analyze", "--format", "json"],
    "analyze_uses_only": ["analyze", "--relation", "uses", "--top", "5"],
}


class QueryGoldens(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.scratch = ScratchDir()
        cls.dir = cls.scratch.__enter__()
        cls.store = cls.dir / "golden.db"
        articles = sorted((TEST_DATA / "golden").glob("*.txt"))
        code, _, err = run("build", *articles, "--store", cls.store, "--catalog", TEST_DATA / "catalog")
        assert code == 0, err

    @classmethod
    def tearDownClass(cls):
        cls.scratch.__exit__(None, None, None)

    def test_cases(self):
        regenerate = os.environ.get("AIKG_REGENERATE") == "1"
        for name, args in CASES.items():
            with self.subTest(case=name):
                code, out, err = run(*args, "--store", self.store, "--catalog", TEST_DATA / "catalog")
                got = f"exit {code}\n{out}" + (f"stderr: {err}" if code != 0 else "")
                path = EXPECTED / f"{name}.out"
                if regenerate:
                    path.write_text(got, encoding="utf-8")
                self.assertEqual(got, path.read_text(encoding="utf-8"))


class SampleCorpusAdopters(unittest.TestCase):
    def test_the_adopters_of_llama_2_with_their_sentences(self):
        with ScratchDir() as d:
            store = d / "kg.db"
            self.assertEqual(run("build", CORPUS, "--store", store)[0], 0)
            code, out, err = run("query", "neighbors", "Llama 2", "--relation", "uses", "--direction", "in", "--store", store)
            self.assertEqual(code, 0, err)
            for adopter, evidence in (("Shopify", "Shopify: تقوم بتطبيق Llama 2"), ("Wells Fargo", "Wells Fargo: تستخدم نموذج Llama 2"),
                                      ("Niantic", "Niantic: تستخدم Llama 2")):
                self.assertIn(f"in\tuses\t{adopter} (Organization)", out)
                self.assertIn(evidence, out)


if __name__ == "__main__":
    unittest.main()


class StoredOntology(unittest.TestCase):
    """A build keeps its ontology in the store so that `query` skips the YAML
    parser; a query must still follow the ontology file it is given."""

    def setUp(self):
        self.scratch = ScratchDir()
        self.dir = self.scratch.__enter__()
        self.schemas = self.dir / "schemas"
        shutil.copytree(ROOT / "schemas", self.schemas)
        self.store = self.dir / "kg.db"
        code, _, err = run("build", CORPUS, "--store", self.store, "--schemas", self.schemas)
        self.assertEqual(code, 0, err)

    def tearDown(self):
        self.scratch.__exit__(None, None, None)

    def neighbours_of_type(self, node_type):
        return run("query", "neighbors", "Meta", "--type", node_type, "--store", self.store, "--schemas", self.schemas)

    def test_an_edited_ontology_file_is_read_again(self):
        code, _, err = self.neighbours_of_type("Robot")
        self.assertEqual(code, 2)
        self.assertIn("unknown node type 'Robot'", err)
        ontology = self.schemas / "ontology.yaml"
        text = ontology.read_text(encoding="utf-8")
        ontology.write_text(text.replace("node_types:\n", "node_types:\n  - name: Robot\n    description: added after the build\n", 1),
                            encoding="utf-8")
        code, out, err = self.neighbours_of_type("Robot")
        self.assertEqual(code, 0, err)
        self.assertIn("Meta", out)

    def test_the_stored_copy_is_what_an_unchanged_file_reads(self):
        with sqlite3.connect(self.store) as db:
            stored = json.loads(db.execute("SELECT value FROM meta WHERE key = 'ontology_json'").fetchone()[0])
            stored["node_types"].append("OnlyInTheStore")
            db.execute("UPDATE meta SET value = ? WHERE key = 'ontology_json'", (json.dumps(stored),))
        self.assertEqual(self.neighbours_of_type("OnlyInTheStore")[0], 0)

    def test_a_damaged_stored_copy_falls_back_to_the_file(self):
        with sqlite3.connect(self.store) as db:
            db.execute("UPDATE meta SET value = '{broken' WHERE key = 'ontology_json'")
        code, out, err = run("query", "entity", "Meta", "--store", self.store, "--schemas", self.schemas)
        self.assertEqual(code, 0, err)
        self.assertIn("released", out)
