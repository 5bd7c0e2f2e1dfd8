#include "export/selection.hpp"

#include <algorithm>
#include <deque>
#include <tuple>

#include "analysis/centrality.hpp"
#include "analysis/louvain.hpp"
#include "analysis/simple_digraph.hpp"

namespace aikg::exporting {
namespace {

std::vector<bool> ego_network(const graph::FilteredGraph& view, graph::Vertex center, std::size_t hops, std::size_t vertex_count) {
    std::vector<bool> keep(vertex_count, false);
    std::vector<std::size_t> depth(vertex_count, 0);
    keep[center] = true;
    std::deque<graph::Vertex> queue{center};
    while (!queue.empty()) {
        const graph::Vertex u = queue.front();
        queue.pop_front();
        if (depth[u] == hops) continue;
        auto visit = [&](graph::Vertex v) {
            if (keep[v]) return;
            keep[v] = true;
            depth[v] = depth[u] + 1;
            queue.push_back(v);
        };
        for (auto [e, end] = boost::out_edges(u, view); e != end; ++e) visit(boost::target(*e, view));
        for (auto [e, end] = boost::in_edges(u, view); e != end; ++e) visit(boost::source(*e, view));
    }
    return keep;
}

}  // namespace

std::string full_date(const std::string& date) {
    if (date.size() == 4) return date + "-01-01";
    if (date.size() == 7) return date + "-01";
    return date;
}

Selection select(const graph::KnowledgeGraph& kg, const graph::GraphFilter& filter, std::optional<graph::Vertex> around, std::size_t hops,
                 std::size_t top) {
    const graph::FilteredGraph base = graph::filtered_view(kg, filter);
    const std::size_t n = kg.vertex_count();
    std::vector<bool> keep = around ? ego_network(base, *around, hops, n) : std::vector<bool>(n, true);
    if (top > 0) {
        const auto digraph = analysis::simple_digraph(graph::narrowed_view(base, keep));
        const auto rank = analysis::pagerank(digraph);
        std::vector<std::size_t> order(rank.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        // Ties broken by name (the digraph's vertices are in name order).
        std::stable_sort(order.begin(), order.end(), [&rank](std::size_t a, std::size_t b) { return rank[a] > rank[b]; });
        std::vector<bool> best(n, false);
        for (std::size_t k = 0; k < std::min(top, order.size()); ++k) best[digraph.vertices[order[k]]] = true;
        if (around) best[*around] = true;
        keep = std::move(best);
    }
    Selection s{graph::narrowed_view(base, std::move(keep)), {}, {}, {}, {}, {}};
    const auto digraph = analysis::simple_digraph(s.view);
    const auto rank = analysis::pagerank(digraph);
    const auto communities = analysis::louvain(analysis::undirected_neighbours(digraph));
    s.nodes = digraph.vertices;
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        s.pagerank[s.nodes[i]] = rank[i];
        s.community[s.nodes[i]] = communities.of[i];
        s.index[s.nodes[i]] = i;
    }
    for (auto [e, end] = boost::edges(s.view); e != end; ++e) s.edges.push_back(*e);
    const graph::Graph& g = kg.graph();
    std::sort(s.edges.begin(), s.edges.end(), [&g](const graph::Edge& a, const graph::Edge& b) {
        return std::tie(g[boost::source(a, g)].name, g[a].relation, g[boost::target(a, g)].name) <
               std::tie(g[boost::source(b, g)].name, g[b].relation, g[boost::target(b, g)].name);
    });
    return s;
}

}  // namespace aikg::exporting
