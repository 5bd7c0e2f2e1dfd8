#include <nlohmann/json.hpp>

#include "export/writers.hpp"

namespace aikg::exporting {

void write_json(std::ostream& out, const graph::KnowledgeGraph& kg, const Selection& s) {
    const graph::Graph& g = kg.graph();
    nlohmann::ordered_json j;
    j["directed"] = true;
    j["multigraph"] = true;
    j["graph"] = {{"name", "aikg"}};
    j["nodes"] = nlohmann::ordered_json::array();
    for (const graph::Vertex v : s.nodes) {
        const auto& n = g[v];
        j["nodes"].push_back({{"id", n.name},
                              {"type", n.type},
                              {"openness", n.openness.empty() ? "unknown" : n.openness},
                              {"arabic", n.arabic_name},
                              {"aliases", n.aliases},
                              {"pagerank", s.pagerank.at(v)},
                              {"community", s.community.at(v)}});
    }
    j["links"] = nlohmann::ordered_json::array();
    for (const graph::Edge& e : s.edges) {
        const auto& p = g[e];
        nlohmann::ordered_json evidence = nlohmann::ordered_json::array();
        for (const auto& ev : p.evidence)
            evidence.push_back({{"article", ev.article}, {"sentence", ev.sentence}, {"start", ev.start}, {"end", ev.end}, {"rule", ev.rule},
                                {"confidence", ev.confidence}});
        j["links"].push_back({{"source", g[boost::source(e, g)].name},
                              {"target", g[boost::target(e, g)].name},
                              {"key", p.relation},
                              {"relation", p.relation},
                              {"symmetric", p.symmetric},
                              {"confidence", p.confidence},
                              {"articles", p.articles},
                              {"first_seen", p.first_seen},
                              {"last_seen", p.last_seen},
                              {"evidence", evidence}});
    }
    out << j.dump(2) << '\n';
}

}  // namespace aikg::exporting
