#pragma once
// The knowledge graph in Boost.Graph: one vertex per entity, one edge per
// (subject, relation, object) with all the evidence that states it. Built from
// the store in one pass.

#include <boost/graph/adjacency_list.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "kb/ontology.hpp"
#include "store/store.hpp"

namespace aikg::graph {

struct Evidence {
    std::string article;
    std::string article_date;
    std::string sentence;
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::string rule;
    double confidence = 0.0;
};

struct NodeProps {
    std::int64_t store_id = 0;
    std::string name;
    std::string type;
    std::string openness;  // empty when unknown
    bool in_catalog = false;
    std::vector<std::string> aliases;
    std::string arabic_name;  // the shortest alias in Arabic script, for labels and tooltips
    std::string first_seen;   // earliest article date among its facts
};

struct EdgeProps {
    std::string relation;
    bool symmetric = false;
    std::vector<Evidence> evidence;  // in article order
    std::size_t articles = 0;        // distinct articles stating it
    std::string first_seen;          // earliest / latest article date, empty when no article is dated
    std::string last_seen;
    double max_confidence = 0.0;
    double confidence = 0.0;  // 1 - prod(1 - best confidence per article): independent articles agreeing
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeProps, EdgeProps>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

class KnowledgeGraph {
public:
    static KnowledgeGraph load(store::Store& store, const kb::Ontology& ontology);

    const Graph& graph() const noexcept { return graph_; }
    std::optional<Vertex> vertex_of_store_id(std::int64_t id) const;
    std::optional<Vertex> vertex_named(const std::string& name) const;
    std::size_t vertex_count() const { return boost::num_vertices(graph_); }
    std::size_t edge_count() const { return boost::num_edges(graph_); }

private:
    Graph graph_;
    std::unordered_map<std::int64_t, Vertex> by_store_id_;
    std::unordered_map<std::string, Vertex> by_name_;
};

}  // namespace aikg::graph
