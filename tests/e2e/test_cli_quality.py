"""Extraction quality on the sample corpus, scored by the project's yardstick
(../shared/eval/score.py against seeds.gold.yaml). The floors are the measured
figures rounded down, so a change that loses quality fails here."""
import json
import subprocess
import sys
import tempfile
import unittest

from aikg_cli import CORPUS, SHARED, run

SCORER = SHARED / "eval" / "score.py"
GOLD = SHARED / "eval" / "seeds.gold.yaml"
MIN_PRECISION = 0.90
MIN_RECALL = 0.85
MIN_RELATION_RECALL = 0.6   # for every relation with at least 5 gold triples


@unittest.skipUnless(SCORER.exists() and GOLD.exists(), f"the scorer is not at {SCORER}")
class SampleCorpusQuality(unittest.TestCase):
    def test_precision_and_recall_floors(self):
        code, out, err = run("extract", CORPUS, "--format", "jsonl")
        self.assertEqual(code, 0, err)
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as facts:
            facts.write(out)
            facts.flush()
            scored = subprocess.run([sys.executable, str(SCORER), str(GOLD), facts.name, "--json", "--per-relation"],
                                    capture_output=True, text=True, check=True)
        report = json.loads(scored.stdout)
        overall = report["overall"]
        print(f"precision {overall['precision']:.3f} recall {overall['recall']:.3f}", file=sys.stderr)
        self.assertGreaterEqual(overall["precision"], MIN_PRECISION)
        self.assertGreaterEqual(overall["recall"], MIN_RECALL)
        per_relation = report.get("per_relation") or {}
        self.assertTrue(per_relation, "the scorer printed no per-relation figures")
        for relation, figures in per_relation.items():
            if figures["tp"] + figures["fn"] >= 5:
                self.assertGreaterEqual(figures["recall"], MIN_RELATION_RECALL, relation)


if __name__ == "__main__":
    unittest.main()
