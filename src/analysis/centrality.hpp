#pragma once

#include <cstdint>
// PageRank and betweenness with NetworkX's semantics, on a SimpleDigraph.

#include <vector>

#include "analysis/simple_digraph.hpp"

namespace aikg::analysis {

struct PageRankOptions {
    double damping = 0.85;
    double tolerance = 1e-6;  // stop when the L1 change is below n * tolerance (NetworkX's test)
    int max_iterations = 100;
};

// Power iteration as networkx.pagerank does it: uniform start and teleport,
// every arc of a vertex weighing the same, the rank of vertices without
// out-arcs spread over all vertices. Boost's page_rank neither normalises nor
// redistributes dangling rank, so it cannot give the same numbers.
std::vector<double> pagerank(const SimpleDigraph& g, const PageRankOptions& options = {});

// Brandes' algorithm on the directed arcs, normalised as
// networkx.betweenness_centrality(normalized=True) does for directed graphs:
// divided by (n-1)(n-2).
std::vector<double> betweenness(const SimpleDigraph& g);

// Betweenness estimated from `pivots` source vertices drawn without
// replacement (seeded, so repeatable), scaled by n / pivots as
// networkx.betweenness_centrality(G, k=pivots) does. Exact betweenness costs
// O(n m); on a million arcs only an estimate finishes. Boost has no sampled
// variant, hence this one: Brandes' accumulation from each pivot (exact
// betweenness is the same with every vertex a pivot).
// With pivots >= n every vertex is a source: it equals betweenness().
std::vector<double> betweenness_sampled(const SimpleDigraph& g, std::size_t pivots, std::uint64_t seed = 1);

}  // namespace aikg::analysis
