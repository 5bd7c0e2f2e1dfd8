"""The store: idempotent builds, atomic replacement of a changed article,
sharded --facts loading equal to one build, refusal of foreign schemas."""
import json
import shutil
import sqlite3
import unittest

from aikg_cli import CORPUS, ScratchDir, run


def content(db):
    """Everything the store says, by names rather than row ids."""
    con = sqlite3.connect(db)
    try:
        names = {i: n for i, n in con.execute("SELECT id, name FROM entities")}
        return {
            "entities": sorted(con.execute("SELECT name, type, coalesce(openness, ''), in_catalog FROM entities")),
            "aliases": sorted((k, a, names[e]) for k, e, a in con.execute("SELECT key, entity_id, alias FROM aliases")),
            "articles": sorted(con.execute("SELECT id, coalesce(date, '') FROM articles")),
            "facts": sorted(
                (a, names[s], r, names[o], sent, st, en, rule, round(conf, 6), d or "", sa or "", oa or "")
                for a, s, r, o, sent, st, en, rule, conf, d, sa, oa in con.execute(
                    "SELECT article_id, subject_id, relation, object_id, sentence, start, end, rule, confidence, date,"
                    " subject_attributes, object_attributes FROM facts")),
        }
    finally:
        con.close()


class Store(unittest.TestCase):
    def test_building_twice_changes_nothing_and_says_so(self):
        with ScratchDir() as d:
            db = d / "kg.db"
            code, _, err = run("build", CORPUS, "--store", db)
            self.assertEqual(code, 0, err)
            self.assertIn("5 added, 0 replaced, 0 unchanged", err)
            first = content(db)
            self.assertGreater(len(first["facts"]), 100)
            code, _, err = run("build", CORPUS, "--store", db)
            self.assertEqual(code, 0, err)
            self.assertIn("0 added, 0 replaced, 5 unchanged", err)
            self.assertEqual(content(db), first)
            self.assertEqual(len(first["facts"]), len(set(first["facts"])))

    def test_lookup_indexes_after_a_first_build_and_after_a_killed_one(self):
        def indexes(db):
            con = sqlite3.connect(db)
            try:
                return {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'facts'")}
            finally:
                con.close()
        wanted = {"facts_by_subject", "facts_by_object", "facts_by_article"}
        with ScratchDir() as d:
            db = d / "kg.db"
            # A first build loads without the lookup indexes and builds them at the end.
            code, _, err = run("build", CORPUS, "--store", db)
            self.assertEqual(code, 0, err)
            self.assertEqual(indexes(db), wanted)
            built = content(db)
            # What a build killed during that load leaves behind.
            con = sqlite3.connect(db)
            con.executescript("DROP INDEX facts_by_subject; DROP INDEX facts_by_object; DROP INDEX facts_by_article;")
            con.close()
            code, _, err = run("build", CORPUS, "--store", db)
            self.assertEqual(code, 0, err)
            self.assertEqual(indexes(db), wanted)
            self.assertEqual(content(db), built)

    def test_an_article_twice_in_a_first_load_keeps_its_last_version(self):
        # The first build of a store loads without its indexes; an article
        # replaced during that load must still lose its old facts.
        first = {"id": "dup", "lang": "en", "text": "Meta released Llama 3. Mistral AI released Mistral 7B."}
        second = {"id": "dup", "lang": "en", "text": "Google released Gemma. IBM released Granite 3.0."}
        with ScratchDir() as d:
            both, last = d / "both.jsonl", d / "last.jsonl"
            both.write_text(json.dumps(first) + "\n" + json.dumps(second) + "\n", encoding="utf-8")
            last.write_text(json.dumps(second) + "\n", encoding="utf-8")
            code, _, err = run("build", both, "--store", d / "both.db")
            self.assertEqual(code, 0, err)
            self.assertIn("1 added, 1 replaced", err)
            self.assertEqual(run("build", last, "--store", d / "last.db")[0], 0)
            loaded = content(d / "both.db")
            self.assertEqual(loaded["facts"], content(d / "last.db")["facts"])
            self.assertTrue(any(f[2] == "released" and f[3] == "Gemma" for f in loaded["facts"]))

    def test_an_article_given_twice_unchanged_in_a_first_load_is_stored_once(self):
        article = {"id": "same", "lang": "en", "text": "Meta released Llama 3. Mistral AI released Mistral 7B."}
        with ScratchDir() as d:
            (d / "twice.jsonl").write_text((json.dumps(article) + "\n") * 2, encoding="utf-8")
            (d / "once.jsonl").write_text(json.dumps(article) + "\n", encoding="utf-8")
            code, _, err = run("build", d / "twice.jsonl", "--store", d / "twice.db")
            self.assertEqual(code, 0, err)
            self.assertIn("1 added, 0 replaced, 1 unchanged", err)
            self.assertEqual(run("build", d / "once.jsonl", "--store", d / "once.db")[0], 0)
            self.assertEqual(content(d / "twice.db"), content(d / "once.db"))

    def test_a_changed_article_replaces_its_own_facts_only(self):
        with ScratchDir() as d:
            corpus = d / "corpus"
            shutil.copytree(CORPUS, corpus)
            db = d / "kg.db"
            self.assertEqual(run("build", corpus, "--store", db)[0], 0)
            before = content(db)
            article = corpus / "003_e59ffb64ebc73868.txt"
            article.write_text(article.read_text(encoding="utf-8") + "\nوأصبح نموذج Granite 3.0 متاحا عبر منصة AWS.\n", encoding="utf-8")
            code, _, err = run("build", corpus, "--store", db)
            self.assertEqual(code, 0, err)
            self.assertIn("0 added, 1 replaced, 4 unchanged", err)
            after = content(db)
            untouched = lambda facts: [f for f in facts if f[0] != article.name]
            self.assertEqual(untouched(after["facts"]), untouched(before["facts"]))
            new = [f for f in after["facts"] if f[0] == article.name and "AWS" in f[4]]
            self.assertTrue(any(f[1:4] == ("Granite 3.0", "available_on", "AWS") for f in new))

    def test_sharded_facts_give_the_same_store_as_one_build(self):
        with ScratchDir() as d:
            files = sorted(CORPUS.glob("*.txt"))
            shard1, shard2 = d / "s1.jsonl", d / "s2.jsonl"
            for shard, part in ((shard1, files[:2]), (shard2, files[2:])):
                code, out, err = run("extract", *part)
                self.assertEqual(code, 0, err)
                shard.write_text(out, encoding="utf-8")
            whole, sharded = d / "whole.db", d / "sharded.db"
            self.assertEqual(run("build", CORPUS, "--store", whole)[0], 0)
            self.assertEqual(run("build", "--facts", shard1, "--store", sharded)[0], 0)
            code, _, err = run("build", "--facts", shard2, "--store", sharded)
            self.assertEqual(code, 0, err)
            self.assertEqual(content(sharded), content(whole))
            # Loading a shard again changes nothing.
            code, _, err = run("build", "--facts", shard1, "--store", sharded)
            self.assertIn("0 added, 0 replaced, 2 unchanged", err)
            self.assertEqual(content(sharded), content(whole))

    def test_malformed_fact_lines_are_named_and_the_rest_loaded(self):
        with ScratchDir() as d:
            facts = d / "f.jsonl"
            facts.write_text('{"article": "a1", "subject": "Meta", "subject_type": "Organization", "relation": "released",'
                             ' "object": "Llama 2", "object_type": "Model", "sentence": "s", "start": 0, "end": 1,'
                             ' "rule": "r", "confidence": 0.9}\n{"article": \n', encoding="utf-8")
            code, _, err = run("build", "--facts", facts, "--store", d / "kg.db")
            self.assertEqual(code, 1)
            self.assertIn(f"{facts}:2: malformed JSON", err)
            self.assertEqual(len(content(d / "kg.db")["facts"]), 1)

    def test_fact_lines_with_wrong_kinds_of_values_are_named_not_fatal(self):
        good = {"article": "a1", "subject": "Meta", "subject_type": "Organization", "relation": "released",
                "object": "Llama 2", "object_type": "Model", "sentence": "s", "start": 0, "end": 1, "rule": "r",
                "confidence": 0.9}
        bad = [dict(good, article="a2", start="abc"), dict(good, article="a3", end=-4),
               dict(good, article="a4", confidence="high")]
        with ScratchDir() as d:
            facts = d / "f.jsonl"
            lines = [json.dumps(b) for b in bad] + ['{"article": "a5", "subject": "Meta", "relation": "released",'
                                                     ' "object": "Llama 2", "confidence": 1e999}', json.dumps(good)]
            facts.write_text("\n".join(lines) + "\n", encoding="utf-8")
            code, _, err = run("build", "--facts", facts, "--store", d / "kg.db")
            self.assertEqual(code, 1, err)
            self.assertIn(f"{facts}:1: 'start' must be a whole number of bytes", err)
            self.assertIn(f"{facts}:2: 'end' must be a whole number of bytes", err)
            self.assertIn(f"{facts}:3: 'confidence' must be a number", err)
            self.assertIn(f"{facts}:4: malformed JSON", err)
            self.assertIn("4 input(s) skipped", err)
            self.assertEqual([f[0] for f in content(d / "kg.db")["facts"]], ["a1"])

    def test_queries_need_a_store_and_foreign_schemas_are_refused(self):
        with ScratchDir() as d:
            code, _, err = run("query", "entity", "Meta", "--store", d / "none.db")
            self.assertEqual(code, 1)
            self.assertIn("no store here yet; run 'aikg build' first", err)
            db = d / "kg.db"
            self.assertEqual(run("build", CORPUS / "000_38394206e8435dda.txt", "--store", db)[0], 0)
            con = sqlite3.connect(db)
            con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
            con.commit()
            con.close()
            for args in (("build", CORPUS, "--store", db), ("query", "entity", "Meta", "--store", db)):
                code, _, err = run(*args)
                self.assertEqual(code, 1, args)
                self.assertIn("written by a newer aikg (schema 99", err)


if __name__ == "__main__":
    unittest.main()


class OddNames(unittest.TestCase):
    def test_quotes_sql_rtl_marks_and_long_names_are_just_names(self):
        with ScratchDir() as d:
            db = d / "kg.db"
            self.assertEqual(run("build", CORPUS / "000_38394206e8435dda.txt", "--store", db)[0], 0)
            before = content(db)
            for name in ("Robert'); DROP TABLE facts;--", '"Meta"', "x" * 10000, "%", "' OR 1=1 --"):
                code, out, err = run("query", "entity", name, "--store", db)
                self.assertEqual(code, 2, name[:40])
                self.assertIn("no entity named", err)
            # An RTL mark and Arabic script still find the entity.
            code, out, err = run("query", "entity", "\u200fميتا", "--store", db)
            self.assertEqual(code, 0, err)
            self.assertTrue(out.startswith("Meta (Organization)"))
            code, out, _ = run("query", "match", "?x released \"Robert'); DROP TABLE facts;--\"", "--store", db)
            self.assertEqual(code, 2)
            self.assertEqual(content(db), before)
