#include "analysis/simple_digraph.hpp"

#include <algorithm>
#include <unordered_map>

namespace aikg::analysis {

std::size_t SimpleDigraph::arc_count() const {
    std::size_t n = 0;
    for (const auto& o : out) n += o.size();
    return n;
}

SimpleDigraph simple_digraph(const graph::FilteredGraph& view) {
    SimpleDigraph g;
    for (auto [v, end] = boost::vertices(view); v != end; ++v) g.vertices.push_back(*v);
    // Name order makes every output independent of insertion order in the store.
    std::sort(g.vertices.begin(), g.vertices.end(),
              [&view](graph::Vertex a, graph::Vertex b) { return view[a].name < view[b].name; });
    std::unordered_map<graph::Vertex, std::size_t> index;
    for (std::size_t i = 0; i < g.vertices.size(); ++i) index.emplace(g.vertices[i], i);
    g.out.resize(g.vertices.size());
    for (auto [e, end] = boost::edges(view); e != end; ++e) {
        const std::size_t s = index.at(boost::source(*e, view));
        const std::size_t t = index.at(boost::target(*e, view));
        if (s == t) continue;
        g.out[s].push_back(t);
        if (view[*e].symmetric) g.out[t].push_back(s);
    }
    for (auto& o : g.out) {
        std::sort(o.begin(), o.end());
        o.erase(std::unique(o.begin(), o.end()), o.end());
    }
    return g;
}

std::vector<std::vector<std::size_t>> undirected_neighbours(const SimpleDigraph& g) {
    std::vector<std::vector<std::size_t>> n(g.out.size());
    for (std::size_t u = 0; u < g.out.size(); ++u)
        for (const std::size_t v : g.out[u]) {
            n[u].push_back(v);
            n[v].push_back(u);
        }
    for (auto& list : n) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    return n;
}

}  // namespace aikg::analysis
