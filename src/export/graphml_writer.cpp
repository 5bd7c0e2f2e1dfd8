#include <boost/graph/graphml.hpp>
#include <boost/property_map/function_property_map.hpp>

#include "export/writers.hpp"

namespace aikg::exporting {

void write_graphml(std::ostream& out, const graph::KnowledgeGraph& kg, const Selection& s) {
    const graph::Graph& g = kg.graph();
    using graph::Edge;
    using graph::Vertex;
    // Read-only maps computed on the fly: Boost's dynamic_properties writes them with typed keys.
    boost::dynamic_properties dp(boost::ignore_other_properties);
    dp.property("name", boost::make_function_property_map<Vertex, std::string>([&g](Vertex v) { return g[v].name; }));
    dp.property("type", boost::make_function_property_map<Vertex, std::string>([&g](Vertex v) { return g[v].type; }));
    dp.property("openness", boost::make_function_property_map<Vertex, std::string>(
                                [&g](Vertex v) { return g[v].openness.empty() ? std::string("unknown") : g[v].openness; }));
    dp.property("arabic", boost::make_function_property_map<Vertex, std::string>([&g](Vertex v) { return g[v].arabic_name; }));
    dp.property("pagerank", boost::make_function_property_map<Vertex, double>([&s](Vertex v) { return s.pagerank.at(v); }));
    dp.property("community", boost::make_function_property_map<Vertex, int>([&s](Vertex v) { return static_cast<int>(s.community.at(v)); }));
    dp.property("relation", boost::make_function_property_map<Edge, std::string>([&g](Edge e) { return g[e].relation; }));
    dp.property("confidence", boost::make_function_property_map<Edge, double>([&g](Edge e) { return g[e].confidence; }));
    dp.property("articles", boost::make_function_property_map<Edge, int>([&g](Edge e) { return static_cast<int>(g[e].articles); }));
    dp.property("evidence", boost::make_function_property_map<Edge, std::string>([&g](Edge e) { return g[e].evidence.front().sentence; }));
    // Vertex ids n<index> follow the selection's name order; Boost numbers edges e0, e1, ... in view order.
    const auto index = boost::make_function_property_map<Vertex, std::size_t>([&s](Vertex v) { return s.index.at(v); });
    boost::write_graphml(out, s.view, index, dp, true);
}

}  // namespace aikg::exporting
