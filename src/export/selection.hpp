#pragma once
// What an export or a diagram shows: the filtered view, optionally narrowed to
// an ego network (--around NAME --hops K) or to the N entities of highest
// PageRank (--top N, keeping the edges among them), with PageRank and
// community computed on what is shown. Nodes and edges come sorted by name so
// that every export is deterministic.

#include <map>
#include <optional>
#include <vector>

#include "graph/graph_filter.hpp"

namespace aikg::exporting {

struct Selection {
    graph::FilteredGraph view;
    std::vector<graph::Vertex> nodes;  // by name
    std::vector<graph::Edge> edges;    // by source name, relation, target name
    std::map<graph::Vertex, double> pagerank;
    std::map<graph::Vertex, std::size_t> community;
    std::map<graph::Vertex, std::size_t> index;  // position in `nodes`: the export id n<index>
};

// `filter` must outlive the selection (the view points to it).
Selection select(const graph::KnowledgeGraph& kg, const graph::GraphFilter& filter, std::optional<graph::Vertex> around,
                 std::size_t hops, std::size_t top);

// "2024-07" -> "2024-07-01", "2024" -> "2024-01-01": the full dates GEXF and Gephi's timeline need.
std::string full_date(const std::string& date);

}  // namespace aikg::exporting
