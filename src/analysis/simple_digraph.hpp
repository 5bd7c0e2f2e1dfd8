#pragma once
// The graph the centralities are computed on, with its semantics fixed in one
// place: the entities of a (filtered) view as vertices, in name order; an arc
// u -> v when some fact states u -relation-> v; a symmetric relation
// (competes_with, partners_with) gives both arcs; several facts or relations
// between the same ordered pair give one arc. This is exactly a networkx
// DiGraph built from the same facts.

#include <cstddef>
#include <string>
#include <vector>

#include "graph/graph_filter.hpp"

namespace aikg::analysis {

struct SimpleDigraph {
    std::vector<graph::Vertex> vertices;          // index -> vertex of the knowledge graph
    std::vector<std::vector<std::size_t>> out;    // sorted, no duplicates, no self-loops
    std::size_t arc_count() const;
};

SimpleDigraph simple_digraph(const graph::FilteredGraph& view);
// The same arcs without direction, for components, cores and communities.
std::vector<std::vector<std::size_t>> undirected_neighbours(const SimpleDigraph& g);

}  // namespace aikg::analysis
