#pragma once
// An entity's facts in and out, grouped by neighbour, with their evidence.

#include <string>
#include <vector>

#include "graph/knowledge_graph.hpp"
#include "kb/ontology.hpp"
#include "query/name_resolver.hpp"

namespace aikg::query {

enum class Direction { In, Out, Both };

struct Link {
    Direction direction = Direction::Out;  // Both for symmetric relations
    std::string relation;
    EntityRef other;
    std::vector<graph::Evidence> evidence;
};

struct NeighbourQuery {
    std::string relation;  // empty: any
    Direction direction = Direction::Both;
    std::string type;      // of the neighbour; empty: any
};

// Sorted by relation, then direction, then neighbour name.
std::vector<Link> neighbours(store::Store& store, const NameResolver& names, const kb::Ontology& ontology, std::int64_t entity,
                             const NeighbourQuery& query);

const char* direction_name(Direction d);

}  // namespace aikg::query
