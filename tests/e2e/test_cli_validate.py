import re
import shutil
import unittest

from aikg_cli import ROOT, ScratchDir, run

LINE_ERROR = re.compile(r"^(\S+\.yaml):(\d+): ", re.M)


class Validate(unittest.TestCase):
    def test_the_repository_validates(self):
        code, out, err = run("validate")
        self.assertEqual(code, 0, err)
        self.assertRegex(out, r"^ok: 8 node types, 10 edge types, \d+ entities")

    def broken_copy(self, scratch, relative, old, new):
        catalog, schemas = scratch / "graph", scratch / "schemas"
        shutil.copytree(ROOT / "graph", catalog)
        shutil.copytree(ROOT / "schemas", schemas)
        target = scratch / relative
        text = target.read_text(encoding="utf-8")
        self.assertIn(old, text)
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
        line = text[: text.index(old)].count("\n") + 1
        return catalog, schemas, target, line

    def test_a_broken_catalog_is_reported_with_file_and_line(self):
        with ScratchDir() as scratch:
            catalog, schemas, target, line = self.broken_copy(
                scratch, "graph/organizations.yaml", "type: Organization", "type: Organisation")
            code, out, err = run("validate", "--catalog", catalog, "--schemas", schemas)
            self.assertEqual(code, 2)
            self.assertEqual(out, "")
            self.assertIn(f"{target}:{line}: entity ", err)
            self.assertIn("unknown type 'Organisation'", err)

    def test_broken_yaml_in_a_rule_file(self):
        with ScratchDir() as scratch:
            catalog, schemas, target, line = self.broken_copy(
                scratch, "schemas/rules/en.yaml", "language: en", "language: [en")
            code, _, err = run("validate", "--catalog", catalog, "--schemas", schemas)
            self.assertEqual(code, 2)
            self.assertRegex(err, re.escape(str(target)) + r":\d+: YAML syntax error")

    def test_extract_refuses_to_start_on_broken_rules(self):
        with ScratchDir() as scratch:
            catalog, schemas, target, line = self.broken_copy(
                scratch, "schemas/rules/ar.yaml", "relation: released", "relation: releases")
            code, out, err = run("extract", ROOT / "data" / "corpus", "--catalog", catalog, "--schemas", schemas)
            self.assertEqual(code, 2)
            self.assertEqual(out, "")
            self.assertIn(f"{target}:{line}: rule ", err)
            self.assertIn("unknown relation 'releases'", err)

    def test_a_missing_catalog_folder(self):
        with ScratchDir() as scratch:
            code, _, err = run("validate", "--catalog", scratch / "nowhere")
            self.assertEqual(code, 2)
            self.assertIn("catalog directory not found", err)


if __name__ == "__main__":
    unittest.main()
