#include "analysis/structure.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/pending/disjoint_sets.hpp>
#include <boost/graph/core_numbers.hpp>

namespace aikg::analysis {
namespace {

using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

Undirected undirected(const SimpleDigraph& g) {
    const auto neighbours = undirected_neighbours(g);
    Undirected u(neighbours.size());
    for (std::size_t a = 0; a < neighbours.size(); ++a)
        for (const std::size_t b : neighbours[a])
            if (a < b) boost::add_edge(a, b, u);
    return u;
}

}  // namespace

std::vector<std::size_t> weak_components(const SimpleDigraph& g) {
    // Union-find straight over the arcs: building an undirected copy of a
    // million-arc graph for connected_components took ten times longer.
    const std::size_t n = g.out.size();
    std::vector<std::size_t> rank(n), parent(n);
    boost::disjoint_sets<std::size_t*, std::size_t*> sets(rank.data(), parent.data());
    for (std::size_t v = 0; v < n; ++v) sets.make_set(v);
    for (std::size_t u = 0; u < n; ++u)
        for (const std::size_t v : g.out[u]) sets.union_set(u, v);
    // Numbered by smallest vertex, as connected_components does: deterministic.
    constexpr std::size_t kUnnumbered = static_cast<std::size_t>(-1);
    std::vector<std::size_t> number_of_root(n, kUnnumbered), component(n);
    std::size_t next = 0;
    for (std::size_t v = 0; v < n; ++v) {
        std::size_t& number = number_of_root[sets.find_set(v)];
        if (number == kUnnumbered) number = next++;
        component[v] = number;
    }
    return component;
}

std::vector<std::size_t> core_numbers(const SimpleDigraph& g) {
    const Undirected u = undirected(g);
    std::vector<std::size_t> core(g.out.size(), 0);
    boost::core_numbers(u, boost::make_iterator_property_map(core.begin(), boost::get(boost::vertex_index, u)));
    return core;
}

}  // namespace aikg::analysis
