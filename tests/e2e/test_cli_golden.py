"""Golden files: fixture articles of our own, extracted with the test catalog,
compared byte for byte with the expected JSONL beside them. After an
intended change, regenerate with:
  build/aikg extract tests/data/golden/X.txt --catalog tests/data/catalog > tests/data/golden/X.expected.jsonl
and review the diff."""
import unittest

from aikg_cli import TEST_DATA, run

GOLDEN = TEST_DATA / "golden"


class Golden(unittest.TestCase):
    def test_each_fixture_matches_its_expected_output(self):
        fixtures = sorted(GOLDEN.glob("*.txt"))
        self.assertGreaterEqual(len(fixtures), 2)
        for article in fixtures:
            with self.subTest(article=article.name):
                expected = article.with_suffix(".expected.jsonl").read_text(encoding="utf-8")
                code, out, err = run("extract", article, "--catalog", TEST_DATA / "catalog")
                self.assertEqual(code, 0, err)
                self.assertEqual(out, expected)

    def test_output_is_deterministic(self):
        first = run("extract", GOLDEN, "--catalog", TEST_DATA / "catalog")[1]
        second = run("extract", GOLDEN, "--catalog", TEST_DATA / "catalog")[1]
        self.assertEqual(first, second)


if __name__ == "__main__":
    unittest.main()
