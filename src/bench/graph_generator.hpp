#pragma once
// Random directed graphs for the analysis benchmarks: `edges` distinct arcs
// over `nodes` vertices, no self-loops, drawn with bench::Random so that
// tests/bench/graph_baseline.py draws the very same graph.

#include <cstdint>
#include <utility>
#include <vector>

namespace aikg::bench {

using Arc = std::pair<std::uint32_t, std::uint32_t>;

std::vector<Arc> random_digraph(std::uint32_t nodes, std::uint64_t edges, std::uint64_t seed);

}  // namespace aikg::bench
