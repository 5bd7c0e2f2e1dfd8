#pragma once
// Louvain community detection (Blondel et al. 2008): Boost 1.74 has none.
// Greedy modularity moves of single vertices, then the communities become the
// vertices of a smaller graph, until modularity stops rising. Vertices are
// visited in index order, so the result is deterministic.

#include <vector>

namespace aikg::analysis {

struct Communities {
    std::vector<std::size_t> of;  // community per vertex, numbered by first vertex
    double modularity = 0.0;
};

// `neighbours` is an undirected simple graph (each edge listed from both ends), unit weights.
Communities louvain(const std::vector<std::vector<std::size_t>>& neighbours, double resolution = 1.0);

// Newman's modularity of a partition of the same graph.
double modularity(const std::vector<std::vector<std::size_t>>& neighbours, const std::vector<std::size_t>& community,
                  double resolution = 1.0);

}  // namespace aikg::analysis
