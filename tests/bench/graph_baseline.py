#!/usr/bin/python3
"""Peer baseline for `aikg bench`: graph algorithms in python3-igraph (C core).

The graph is either generated here with the SAME xorshift64* generator as the
C++ bench (--nodes N --edges M --seed S), or read from --edges-file (lines
"u v", written by the C++ side) so both sides time the same graph.

Usage: /usr/bin/python3 tests/bench/graph_baseline.py --nodes N --edges M [--seed S]
       /usr/bin/python3 tests/bench/graph_baseline.py --edges-file PATH [--nodes N]
stdout: ONE JSON line {"tool": "igraph", "nodes", "edges", "load_s",
"pagerank_s", "components_s", "betweenness_exact_s" (null if N > 20000),
"betweenness_estimate_s" (always null, see below), "communities_s", ...},
then the same for graph-tool only if `import graph_tool` works (it is not
packaged in Debian, so normally nothing).
"""
import os

# One core: igraph's C core is single-threaded, but pin any BLAS/OpenMP the
# Debian build may link so a peer never gets more cores than aikg.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import argparse, json, random, sys, time

import igraph

MASK = (1 << 64) - 1


def xorshift64star(seed):
    """Must stay bit-identical to the C++ bench's generator."""
    x = (seed & MASK) or 88172645463325252
    while True:
        x ^= x >> 12
        x ^= (x << 25) & MASK
        x ^= x >> 27
        yield (x * 2685821657736338717) & MASK


def generate(n, m, seed):
    """u = next() % N, v = next() % N; self-loops and duplicates: draw again."""
    if n < 2 or m > n * (n - 1):
        sys.exit("cannot draw %d distinct non-loop edges on %d nodes" % (m, n))
    rng = xorshift64star(seed)
    seen, edges = set(), []
    while len(edges) < m:
        u, v = next(rng) % n, next(rng) % n
        if u == v or (u, v) in seen:
            continue
        seen.add((u, v))
        edges.append((u, v))
    return edges


def read_edges(path):
    edges = []
    with open(path) as f:
        for line in f:
            p = line.split()
            if len(p) >= 2 and not p[0].startswith("#"):
                edges.append((int(p[0]), int(p[1])))
    return edges


def timed(fn):
    t = time.perf_counter()
    r = fn()
    return r, round(time.perf_counter() - t, 6)


def run_igraph(n, edges, edges_file, pivots):
    if edges_file:  # load_s = parse the file + build, as the C++ side must
        def load():
            es = read_edges(edges_file)
            nn = n or (1 + max(max(e) for e in es) if es else 0)
            return igraph.Graph(n=nn, edges=es, directed=True)
    else:           # load_s = build from the in-memory edge list
        def load():
            return igraph.Graph(n=n, edges=edges, directed=True)
    g, load_s = timed(load)
    n = g.vcount()
    _, pr_s = timed(lambda: g.pagerank(damping=0.85, directed=True))
    cc, cc_s = timed(lambda: g.connected_components(mode="weak"))
    if n <= 20000:
        _, bc_s = timed(lambda: g.betweenness(directed=True))
    else:
        bc_s = None
    # Louvain on the undirected version; the conversion is billed too, since
    # aikg also has to build the undirected view.  igraph draws from Python's
    # `random`, so seed it for a repeatable partition.
    random.seed(0)
    comm, comm_s = timed(lambda: g.as_undirected(mode="collapse").community_multilevel())
    return {"tool": "igraph", "version": igraph.__version__,
            "nodes": n, "edges": g.ecount(),
            "load_s": load_s, "pagerank_s": pr_s, "components_s": cc_s,
            "betweenness_exact_s": bc_s,
            # python-igraph 0.10.2 has no source-sampled (Brandes-Pich)
            # betweenness: betweenness(cutoff=) bounds path length, which is
            # a different quantity, and sources= is not exposed.  So: null.
            "betweenness_estimate_s": None, "pivots": pivots,
            "communities_s": comm_s,
            # sanity figures to compare with aikg's on the same graph
            "components": len(cc), "communities": len(comm),
            "modularity": round(comm.modularity, 6)}


def run_graph_tool(gt, n, edges):
    """Same measures with graph-tool (untested here: not in Debian)."""
    from graph_tool import centrality, topology

    def load():
        g = gt.Graph(directed=True)
        g.add_vertex(n)
        g.add_edge_list(edges)
        return g
    g, load_s = timed(load)
    _, pr_s = timed(lambda: centrality.pagerank(g, damping=0.85))
    _, cc_s = timed(lambda: topology.label_components(g, directed=False))
    bc_s = timed(lambda: centrality.betweenness(g))[1] if n <= 20000 else None
    # graph-tool has no Louvain (its community detection is SBM inference).
    return {"tool": "graph-tool", "nodes": n, "edges": g.num_edges(),
            "load_s": load_s, "pagerank_s": pr_s, "components_s": cc_s,
            "betweenness_exact_s": bc_s, "betweenness_estimate_s": None,
            "communities_s": None}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nodes", type=int, default=0)
    ap.add_argument("--edges", type=int, default=0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--edges-file", help='read "u v" lines instead of generating')
    ap.add_argument("--pivots", type=int, default=100)
    ap.add_argument("--dump-edges", help='write the generated graph as "u v" lines '
                    "(to check it against the C++ generator)")
    args = ap.parse_args()

    edges = None
    if not args.edges_file:
        if args.nodes <= 0 or args.edges <= 0:
            ap.error("give --nodes and --edges, or --edges-file")
        edges = generate(args.nodes, args.edges, args.seed)  # not timed
        if args.dump_edges:
            with open(args.dump_edges, "w") as f:
                f.writelines("%d %d\n" % e for e in edges)

    res = run_igraph(args.nodes, edges, args.edges_file, args.pivots)
    print(json.dumps(res))
    try:
        import graph_tool as gt
    except ImportError:
        return
    if edges is None:
        edges = read_edges(args.edges_file)
    print(json.dumps(run_graph_tool(gt, res["nodes"], edges)))


if __name__ == "__main__":
    main()
