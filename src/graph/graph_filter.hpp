#pragma once
// Filtered views of the knowledge graph (by relation, node type, openness,
// confidence, date range) through boost::filtered_graph: views, not copies.

#include <boost/graph/filtered_graph.hpp>

#include <memory>
#include <set>
#include <vector>
#include <string>

#include "graph/knowledge_graph.hpp"

namespace aikg::graph {

struct GraphFilter {
    std::set<std::string> relations;  // empty: all
    std::set<std::string> types;
    std::set<std::string> openness;   // applies to models only; other nodes pass
    double min_confidence = 0.0;
    std::string since;  // ISO dates compared as text; an undated edge passes
    std::string until;

    bool empty() const;
};

struct EdgeFilter {
    const Graph* g = nullptr;
    const GraphFilter* filter = nullptr;
    bool operator()(const Edge& e) const;
};

struct VertexFilter {
    const Graph* g = nullptr;
    const GraphFilter* filter = nullptr;
    // With edge filters on (relation, confidence, dates), only entities that keep
    // an edge stay: an entity left without facts would only add noise.
    std::shared_ptr<const std::vector<bool>> has_kept_edge;
    // A further selection (an ego network, the top entities), when set.
    std::shared_ptr<const std::vector<bool>> selected;
    bool operator()(const Vertex& v) const;
};

using FilteredGraph = boost::filtered_graph<Graph, EdgeFilter, VertexFilter>;

FilteredGraph filtered_view(const KnowledgeGraph& kg, const GraphFilter& filter);
// The same view narrowed to the vertices marked in `selected` (indexed by vertex).
FilteredGraph narrowed_view(const FilteredGraph& view, std::vector<bool> selected);

// Edges of a view (boost's num_edges on a filtered_graph counts the whole graph).
std::size_t edge_count(const FilteredGraph& view);

}  // namespace aikg::graph
