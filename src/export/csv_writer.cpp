#include "export/writers.hpp"

namespace aikg::exporting {
namespace {

// RFC 4180: quote a field holding a comma, quote or line break; double the quotes.
std::string field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (const char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

void write_nodes_csv(std::ostream& out, const graph::KnowledgeGraph& kg, const Selection& s) {
    const graph::Graph& g = kg.graph();
    out << "Id,Label,Type,Openness,Arabic,PageRank,Community\r\n";
    for (const graph::Vertex v : s.nodes) {
        const auto& n = g[v];
        out << field(n.name) << ',' << field(n.name) << ',' << field(n.type) << ',' << field(n.openness.empty() ? "unknown" : n.openness) << ','
            << field(n.arabic_name) << ',' << fixed6(s.pagerank.at(v)) << ',' << s.community.at(v) << "\r\n";
    }
}

void write_edges_csv(std::ostream& out, const graph::KnowledgeGraph& kg, const Selection& s) {
    const graph::Graph& g = kg.graph();
    out << "Source,Target,Type,Label,Weight,Relation,Confidence,Articles,First seen,Last seen,Evidence\r\n";
    for (const graph::Edge& e : s.edges) {
        const auto& p = g[e];
        out << field(g[boost::source(e, g)].name) << ',' << field(g[boost::target(e, g)].name) << ',' << (p.symmetric ? "Undirected" : "Directed")
            << ',' << field(p.relation) << ',' << p.articles << ',' << field(p.relation) << ',' << fixed6(p.confidence) << ',' << p.articles << ','
            << field(p.first_seen) << ',' << field(p.last_seen) << ',' << field(p.evidence.front().sentence) << "\r\n";
    }
}

}  // namespace aikg::exporting
