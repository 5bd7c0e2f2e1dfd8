"""Exports and diagrams: every GEXF and GraphML validates against the official
schemas in ../shared/formats, loads in networkx with the store's node and
edge counts and attributes; the DOT renders with `dot` without warnings; CSV
round-trips through Python's csv module; exports are byte-for-byte stable."""
import csv
import json
import os
import shutil
import sqlite3
import subprocess
import unittest

import networkx as nx

from aikg_cli import SHARED, ScratchDir, TEST_DATA, run

FORMATS = SHARED / "formats"


def store_counts(db):
    con = sqlite3.connect(db)
    nodes = con.execute("SELECT COUNT(*) FROM entities").fetchone()[0]
    edges = con.execute("SELECT COUNT(*) FROM (SELECT DISTINCT subject_id, relation, object_id FROM facts)").fetchone()[0]
    symmetric = con.execute("SELECT COUNT(*) FROM (SELECT DISTINCT subject_id, relation, object_id FROM facts"
                            " WHERE relation IN ('competes_with', 'partners_with'))").fetchone()[0]
    con.close()
    return nodes, edges, symmetric


class Exports(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.scratch = ScratchDir()
        cls.dir = cls.scratch.__enter__()
        cls.db = cls.dir / "kg.db"
        inputs = sorted((TEST_DATA / "golden").glob("*.txt")) + [TEST_DATA / "dated.jsonl"]
        code, _, err = run("build", *inputs, "--store", cls.db, "--catalog", TEST_DATA / "catalog")
        assert code == 0, err
        cls.nodes, cls.edges, cls.symmetric = store_counts(cls.db)

    @classmethod
    def tearDownClass(cls):
        cls.scratch.__exit__(None, None, None)

    def export(self, fmt, *extra):
        path = self.dir / f"graph.{fmt}"
        code, _, err = run("export", "--format", fmt, "-o", path, "--store", self.db, "--catalog", TEST_DATA / "catalog", *extra)
        self.assertEqual(code, 0, err)
        return path

    def xmllint(self, *args):
        env = dict(os.environ, XML_CATALOG_FILES=str(FORMATS / "catalog.xml"))
        return subprocess.run(["xmllint", "--noout", "--nonet", *map(str, args)], capture_output=True, text=True, env=env)

    @unittest.skipUnless((FORMATS / "gexf-1.3-rng-wrapper").exists(), "no schemas in ../shared/formats")
    def test_gexf_validates_and_loads(self):
        path = self.export("gexf")
        for schema in (["--relaxng", FORMATS / "gexf-1.3-rng-wrapper" / "gexf-xsi.rng"], ["--schema", FORMATS / "gexf-1.3-xsd-fixed" / "gexf.xsd"]):
            result = self.xmllint(*schema, path)
            self.assertEqual(result.returncode, 0, result.stderr)
        g = nx.read_gexf(path)
        self.assertEqual(g.number_of_nodes(), self.nodes)
        # A symmetric edge is written once as "mutual"; networkx reads it both ways.
        self.assertEqual(g.number_of_edges(), self.edges + self.symmetric)
        by_label = {d["label"]: d for _, d in g.nodes(data=True)}
        self.assertEqual(by_label["Meta"]["type"], "Organization")
        self.assertEqual(by_label["Llama 3.1"]["openness"], "open-weights")
        self.assertIn("viz", by_label["Meta"])
        # Dynamic mode: dated articles give nodes a start on Gephi's timeline.
        text = path.read_text(encoding="utf-8")
        self.assertIn('mode="dynamic" timeformat="date"', text)
        self.assertIn('start="2023-02-24"', text)
        self.assertIn("<spell start=", text)  # Llama 2 available on Azure / used by Shopify on two dates

    @unittest.skipUnless((FORMATS / "graphml").exists(), "no schemas in ../shared/formats")
    def test_graphml_validates_and_loads(self):
        path = self.export("graphml")
        result = self.xmllint("--schema", FORMATS / "graphml" / "1.0" / "graphml.xsd", path)
        self.assertEqual(result.returncode, 0, result.stderr)
        g = nx.read_graphml(path)
        self.assertEqual(g.number_of_nodes(), self.nodes)
        self.assertEqual(g.number_of_edges(), self.edges)
        names = {d["name"]: d for _, d in g.nodes(data=True)}
        self.assertEqual(names["Shopify"]["type"], "Organization")
        self.assertIsInstance(names["Shopify"]["pagerank"], float)
        relations = {d["relation"] for _, _, d in g.edges(data=True)}
        self.assertIn("uses", relations)

    def test_json_node_link(self):
        data = json.loads(self.export("json").read_text(encoding="utf-8"))
        g = nx.node_link_graph(data, edges="links")
        self.assertEqual(g.number_of_nodes(), self.nodes)
        self.assertEqual(g.number_of_edges(), self.edges)
        self.assertTrue(g.has_edge("Shopify", "Llama 2"))
        self.assertEqual(g.nodes["Llama 2"]["arabic"], "لاما 2")

    def test_csv_round_trips(self):
        folder = self.dir / "csv"
        code, _, err = run("export", "--format", "csv", "-o", folder, "--store", self.db, "--catalog", TEST_DATA / "catalog")
        self.assertEqual(code, 0, err)
        with open(folder / "nodes.csv", newline="", encoding="utf-8") as f:
            nodes = list(csv.DictReader(f))
        with open(folder / "edges.csv", newline="", encoding="utf-8") as f:
            edges = list(csv.DictReader(f))
        self.assertEqual(len(nodes), self.nodes)
        self.assertEqual(len(edges), self.edges)
        self.assertEqual(list(nodes[0])[:2], ["Id", "Label"])
        self.assertEqual(list(edges[0])[:5], ["Source", "Target", "Type", "Label", "Weight"])
        arabic = [e for e in edges if "،" in e["Evidence"]]
        self.assertTrue(arabic, "an Arabic sentence with a comma survives the round trip")
        self.assertTrue(any("," in e["Evidence"] for e in edges))

    def test_dot_renders_without_warnings_and_has_the_diagram_parts(self):
        path = self.export("dot")
        result = subprocess.run(["dot", "-Tsvg", str(path)], capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr, "")
        text = path.read_text(encoding="utf-8")
        for part in ("subgraph cluster_open", "subgraph cluster_closed", "subgraph cluster_legend", "tooltip="):
            self.assertIn(part, text)

    def test_exports_are_stable(self):
        for fmt in ("gexf", "graphml", "json", "dot"):
            first = self.export(fmt).read_bytes()
            self.assertEqual(self.export(fmt).read_bytes(), first, fmt)

    def test_ego_network_and_top(self):
        data = json.loads(self.export("json", "--around", "Shopify", "--hops", "1").read_text(encoding="utf-8"))
        names = {n["id"] for n in data["nodes"]}
        self.assertIn("Shopify", names)
        self.assertIn("Llama 2", names)
        self.assertNotIn("GPT-4o", names)
        data = json.loads(self.export("json", "--top", "3").read_text(encoding="utf-8"))
        self.assertEqual(len(data["nodes"]), 3)
        code, _, err = run("export", "--format", "json", "--around", "Nobody", "--store", self.db, "--catalog", TEST_DATA / "catalog")
        self.assertEqual(code, 2)
        self.assertIn("no entity named 'Nobody'", err)

    def test_render_png_and_svg(self):
        png, svg = self.dir / "d.png", self.dir / "d.svg"
        for out in (png, svg):
            code, _, err = run("render", "-o", out, "--store", self.db, "--catalog", TEST_DATA / "catalog")
            self.assertEqual(code, 0, err)
        self.assertEqual(png.read_bytes()[:8], b"\x89PNG\r\n\x1a\n")
        text = svg.read_text(encoding="utf-8")
        self.assertIn("<svg", text)
        self.assertIn("لاما", text)
        code, _, err = run("render", "-o", self.dir / "d.bmp", "--store", self.db)
        self.assertEqual(code, 2)
        self.assertIn(".svg, .png or .pdf", err)


if __name__ == "__main__":
    unittest.main()
