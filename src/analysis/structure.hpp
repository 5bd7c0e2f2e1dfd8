#pragma once
// Weakly connected components and k-cores, through Boost.Graph.

#include <vector>

#include "analysis/simple_digraph.hpp"

namespace aikg::analysis {

// Component number per vertex; components are numbered by their smallest
// vertex index, so the numbering is deterministic.
std::vector<std::size_t> weak_components(const SimpleDigraph& g);
// Core number per vertex (boost::core_numbers on the undirected simple graph).
std::vector<std::size_t> core_numbers(const SimpleDigraph& g);

}  // namespace aikg::analysis
