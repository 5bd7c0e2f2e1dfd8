#pragma once
// The shortest connection between two entities, whatever the edges' direction.

#include <optional>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace aikg::query {

struct Hop {
    graph::Vertex from;
    graph::Vertex to;
    graph::Edge edge;     // as stored: its source may be `to` when the hop runs against the edge
    bool forward = true;  // the hop follows the edge's direction
};

// Breadth-first search over edges in both directions, neighbours in name
// order so the path found is the same on every run. Nullopt when none within `max_hops`.
std::optional<std::vector<Hop>> shortest_path(const graph::KnowledgeGraph& kg, graph::Vertex from, graph::Vertex to, std::size_t max_hops);

}  // namespace aikg::query
