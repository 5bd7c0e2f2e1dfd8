#pragma once
// Filtered views of the knowledge graph (by relation, node type, openness,
// confidence, date range) through boost::filtered_graph: views, not copies.

#include <boost/graph/filtered_graph.hpp>

#include <set>
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
    bool operator()(const Vertex& v) const;
};

using FilteredGraph = boost::filtered_graph<Graph, EdgeFilter, VertexFilter>;

FilteredGraph filtered_view(const KnowledgeGraph& kg, const GraphFilter& filter);

}  // namespace aikg::graph
