"""`aikg analyze` against networkx on the same graph: the store's facts turned
into a networkx DiGraph with the semantics `aikg analyze --help` states (an
arc per stated direction, both arcs for symmetric relations, parallel facts
collapsed). PageRank and betweenness must agree to 1e-6."""
import json
import sqlite3
import unittest

import networkx as nx
import yaml

from aikg_cli import CORPUS, ROOT, ScratchDir, run


def networkx_graph(db):
    ontology = yaml.safe_load((ROOT / "schemas" / "ontology.yaml").read_text(encoding="utf-8"))
    symmetric = {e["name"] for e in ontology["edge_types"] if e.get("symmetric")}
    con = sqlite3.connect(db)
    names = {i: n for i, n in con.execute("SELECT id, name FROM entities")}
    g = nx.DiGraph()
    g.add_nodes_from(names.values())
    for s, r, o in con.execute("SELECT subject_id, relation, object_id FROM facts"):
        if s == o:
            continue
        g.add_edge(names[s], names[o])
        if r in symmetric:
            g.add_edge(names[o], names[s])
    con.close()
    return g


class AgainstNetworkx(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.scratch = ScratchDir()
        d = cls.scratch.__enter__()
        cls.db = d / "kg.db"
        code, _, err = run("build", CORPUS, "--store", cls.db)
        assert code == 0, err
        code, out, err = run("analyze", "--format", "json", "--store", cls.db)
        assert code == 0, err
        cls.report = json.loads(out)
        cls.nodes = {n["name"]: n for n in cls.report["nodes"]}
        cls.g = networkx_graph(cls.db)

    @classmethod
    def tearDownClass(cls):
        cls.scratch.__exit__(None, None, None)

    def test_same_graph(self):
        self.assertEqual(set(self.nodes), set(self.g.nodes))
        self.assertEqual(self.report["graph"]["arcs"], self.g.number_of_edges())

    def test_pagerank(self):
        try:
            expected = nx.pagerank(self.g, alpha=0.85, tol=1e-6)
        except ImportError:
            # networkx's default implementation needs numpy/scipy; its reference
            # pure-Python implementation computes the same thing.
            from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
            expected = _pagerank_python(self.g, alpha=0.85, tol=1e-6)
        for name, value in expected.items():
            self.assertAlmostEqual(self.nodes[name]["pagerank"], value, delta=1e-6, msg=name)

    def test_betweenness(self):
        expected = nx.betweenness_centrality(self.g, normalized=True)
        for name, value in expected.items():
            self.assertAlmostEqual(self.nodes[name]["betweenness"], value, delta=1e-6, msg=name)

    def test_components_cores_and_modularity(self):
        self.assertEqual(self.report["components"]["count"], nx.number_weakly_connected_components(self.g))
        undirected = nx.Graph(self.g.to_undirected())
        cores = nx.core_number(undirected)
        for name, core in cores.items():
            self.assertEqual(self.nodes[name]["core"], core, name)
        communities = {}
        for name, node in self.nodes.items():
            communities.setdefault(node["community"], set()).add(name)
        q = nx.community.modularity(undirected, communities.values())
        self.assertAlmostEqual(self.report["communities"]["modularity"], q, delta=1e-9)
        # Louvain should do at least as well as networkx's own greedy modularity.
        greedy = nx.community.modularity(undirected, nx.community.greedy_modularity_communities(undirected))
        self.assertGreaterEqual(q, greedy - 0.02)


if __name__ == "__main__":
    unittest.main()
