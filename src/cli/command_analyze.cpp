// aikg analyze: centralities, components, cores, communities and the open/closed divide.

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdio>
#include <iostream>
#include <map>
#include <set>

#include "analysis/centrality.hpp"
#include "analysis/divide.hpp"
#include "analysis/louvain.hpp"
#include "analysis/structure.hpp"
#include "cli/command.hpp"
#include "cli/graph_options.hpp"
#include "cli/knowledge.hpp"
#include "graph/graph_filter.hpp"

namespace aikg::cli {
namespace {

using nlohmann::ordered_json;

constexpr const char* kHelp =
    "usage: aikg analyze [--format table|json] [--top N] [--pivots K|all] [filters]\n\n"
    "Analyses the graph in the store (or the part the filters keep):\n"
    "  - PageRank and betweenness of every entity,\n"
    "  - in/out degree per relation, weakly connected components, k-core numbers,\n"
    "  - communities (Louvain, modularity-maximising, deterministic),\n"
    "  - the open-vs-closed divide: each model's openness, each organisation's\n"
    "    share of open models among those it released, adopters per side,\n"
    "    organisations on both sides, rivalries across the divide, most-used models.\n\n"
    "Semantics, the same as networkx on a DiGraph of the same facts:\n"
    "  graph      one vertex per entity; an arc u->v when a fact states u -r-> v;\n"
    "             symmetric relations (competes_with, partners_with) give both arcs;\n"
    "             several facts or relations between the same pair give one arc.\n"
    "  PageRank   damping 0.85, uniform start and teleport, the rank of vertices\n"
    "             without out-arcs spread uniformly over all vertices, power\n"
    "             iteration until the L1 change < n * 1e-6 (at most 100 rounds);\n"
    "             networkx.pagerank(G).\n"
    "  betweenness  Brandes on the directed arcs, normalised by (n-1)(n-2);\n"
    "             networkx.betweenness_centrality(G). Exact up to 20,000 entities;\n"
    "             above, or with --pivots K, estimated from K sampled sources and\n"
    "             scaled by n/K (networkx.betweenness_centrality(G, k=K)); the\n"
    "             JSON output says which (graph.betweenness_pivots, null = exact).\n"
    "  components, cores, communities  on the same arcs without direction.\n"
    "  sides      open side: openness open, open-weights or restricted (weights can\n"
    "             be downloaded); closed side: closed.\n\n"
    "options:\n";

constexpr const char* kExamples =
    "\nexamples:\n"
    "  aikg analyze\n"
    "  aikg analyze --format json > output/analysis.json\n"
    "  aikg analyze --relation uses,released --top 20\n"
    "  aikg analyze --store big.db --pivots 100     # betweenness estimated from 100 sources\n";

// Above this many entities exact betweenness (O(n m)) takes minutes: estimate.
constexpr std::size_t kExactBetweennessLimit = 20000;
constexpr std::size_t kDefaultPivots = 256;

std::string fixed(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6f", v);
    return buffer;
}

}  // namespace

int run_analyze(const std::vector<std::string>& args) {
    CommonOptions common;
    GraphFilterOptions filters;
    std::string format = "table", top = "15";
    ArgParser parser;
    parser.option("--format", &format, "table|json", "output format (default: table)");
    parser.option("--top", &top, "N", "table: how many entities to list by PageRank (default: 15)");
    std::string pivots_text;
    parser.option("--pivots", &pivots_text, "K|all",
                  "betweenness from K sampled sources, or 'all' for exact (default: exact up to 20,000 entities, else 256)");
    filters.declare(parser);
    common.declare(parser);
    if (!parser.parse(args)) {
        std::cout << kHelp << parser.options_help() << kExamples;
        return kSuccess;
    }
    if (format != "table" && format != "json") throw UsageError("--format must be table or json, not '" + format + "'");
    std::size_t top_n = 0;
    auto [ptr, ec] = std::from_chars(top.data(), top.data() + top.size(), top_n);
    if (ec != std::errc() || ptr != top.data() + top.size()) throw UsageError("--top must be a number, not '" + top + "'");

    std::size_t pivots = 0;  // 0: exact
    if (!pivots_text.empty() && pivots_text != "all") {
        std::size_t k = 0;
        auto [kptr, kec] = std::from_chars(pivots_text.data(), pivots_text.data() + pivots_text.size(), k);
        if (kec != std::errc() || kptr != pivots_text.data() + pivots_text.size() || k == 0)
            throw UsageError("--pivots must be a positive number or 'all', not '" + pivots_text + "'");
        pivots = k;
    }

    const ProjectPaths paths = common.paths();
    const auto knowledge = load_knowledge(paths, WithRules::No);
    const graph::GraphFilter filter = filters.validate(knowledge->ontology);
    store::Store store(paths.store.string(), store::Store::Mode::Read);
    const auto kg = graph::KnowledgeGraph::load(store, knowledge->ontology);
    const auto view = graph::filtered_view(kg, filter);

    const analysis::SimpleDigraph g = analysis::simple_digraph(view);
    const auto rank = analysis::pagerank(g);
    if (pivots_text.empty() && g.vertices.size() > kExactBetweennessLimit) {
        pivots = kDefaultPivots;
        std::cerr << "aikg analyze: " << g.vertices.size() << " entities: betweenness estimated from " << kDefaultPivots
                  << " sampled sources (--pivots all for exact)\n";
    }
    if (pivots >= g.vertices.size()) pivots = 0;
    const auto between = pivots ? analysis::betweenness_sampled(g, pivots) : analysis::betweenness(g);
    const auto component = analysis::weak_components(g);
    const auto core = analysis::core_numbers(g);
    const auto neighbours = analysis::undirected_neighbours(g);
    const auto communities = analysis::louvain(neighbours);
    const auto divide = analysis::open_closed_divide(view);

    std::map<graph::Vertex, std::map<std::string, std::size_t>> in_degree, out_degree;
    for (auto [e, end] = boost::edges(view); e != end; ++e) {
        const auto s = boost::source(*e, view), t = boost::target(*e, view);
        const std::string& r = view[*e].relation;
        ++out_degree[s][r];
        ++in_degree[t][r];
        if (view[*e].symmetric) {
            ++out_degree[t][r];
            ++in_degree[s][r];
        }
    }
    std::map<std::size_t, std::size_t> component_sizes;
    for (const std::size_t c : component) ++component_sizes[c];
    std::size_t largest = 0;
    for (const auto& [c, size] : component_sizes) largest = std::max(largest, size);
    std::set<std::size_t> community_ids(communities.of.begin(), communities.of.end());

    if (format == "json") {
        ordered_json j;
        j["graph"] = {{"nodes", g.vertices.size()}, {"edges", graph::edge_count(view)}, {"arcs", g.arc_count()},
                      {"betweenness_pivots", pivots ? ordered_json(pivots) : ordered_json(nullptr)}};
        j["components"] = {{"count", component_sizes.size()}, {"largest", largest}};
        j["communities"] = {{"count", community_ids.size()}, {"modularity", communities.modularity}};
        ordered_json nodes = ordered_json::array();
        for (std::size_t i = 0; i < g.vertices.size(); ++i) {
            const auto& n = kg.graph()[g.vertices[i]];
            ordered_json node;
            node["name"] = n.name;
            node["type"] = n.type;
            node["openness"] = n.openness.empty() ? "unknown" : n.openness;
            node["pagerank"] = rank[i];
            node["betweenness"] = between[i];
            node["component"] = component[i];
            node["core"] = core[i];
            node["community"] = communities.of[i];
            node["in_degree"] = in_degree[g.vertices[i]];
            node["out_degree"] = out_degree[g.vertices[i]];
            nodes.push_back(node);
        }
        j["nodes"] = nodes;
        ordered_json d;
        d["models"] = ordered_json::object();
        for (const auto& [name, openness] : divide.models) d["models"][name] = openness;
        d["organisations"] = ordered_json::array();
        for (const auto& o : divide.organisations)
            d["organisations"].push_back({{"name", o.name}, {"open_models", o.open_models}, {"closed_models", o.closed_models}, {"open_share", o.open_share}});
        d["open_adopters"] = divide.open_adopters;
        d["closed_adopters"] = divide.closed_adopters;
        d["bridges"] = divide.bridges;
        d["rivalries"] = ordered_json::array();
        for (const auto& r : divide.rivalries) d["rivalries"].push_back({{"open", r.open_side}, {"closed", r.closed_side}});
        for (const auto* side : {"open", "closed"}) {
            ordered_json used = ordered_json::array();
            for (const auto& m : side[0] == 'o' ? divide.most_used_open : divide.most_used_closed) used.push_back({{"model", m.name}, {"users", m.users}});
            d[std::string("most_used_") + side] = used;
        }
        j["divide"] = d;
        std::cout << j.dump(2) << '\n';
        return kSuccess;
    }

    std::cout << "graph: " << g.vertices.size() << " entities, " << graph::edge_count(view) << " edges (" << g.arc_count() << " arcs)\n";
    std::cout << "components: " << component_sizes.size() << " (largest " << largest << " entities)\n";
    std::cout << "communities: " << community_ids.size() << " (modularity " << fixed(communities.modularity) << ")\n\n";
    std::vector<std::size_t> order(g.vertices.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&rank](std::size_t a, std::size_t b) { return rank[a] > rank[b]; });
    std::cout << "rank\tpagerank\tbetweenness\tcore\tcommunity\tentity\n";
    for (std::size_t k = 0; k < std::min(top_n, order.size()); ++k) {
        const std::size_t i = order[k];
        const auto& n = kg.graph()[g.vertices[i]];
        std::cout << k + 1 << "\t" << fixed(rank[i]) << "\t" << fixed(between[i]) << "\t" << core[i] << "\t" << communities.of[i] << "\t" << n.name
                  << " (" << n.type << ")\n";
    }
    std::cout << "\nopen vs closed\n  organisations (open share of the models they released):\n";
    for (const auto& o : divide.organisations)
        std::cout << "    " << o.name << "\t" << fixed(o.open_share) << "\t(" << o.open_models << " open, " << o.closed_models << " closed)\n";
    auto list = [](const char* title, const std::vector<std::string>& names) {
        std::cout << "  " << title << ":";
        for (const auto& n : names) std::cout << " " << n << ";";
        std::cout << "\n";
    };
    list("adopters of open models", divide.open_adopters);
    list("adopters of closed models", divide.closed_adopters);
    list("on both sides", divide.bridges);
    std::cout << "  rivalries across the divide:";
    for (const auto& r : divide.rivalries) std::cout << " " << r.open_side << " vs " << r.closed_side << ";";
    std::cout << "\n  most-used open models:";
    for (const auto& m : divide.most_used_open) std::cout << " " << m.name << " (" << m.users << ");";
    std::cout << "\n  most-used closed models:";
    for (const auto& m : divide.most_used_closed) std::cout << " " << m.name << " (" << m.users << ");";
    std::cout << "\n";
    return kSuccess;
}

}  // namespace aikg::cli
