#include "analysis/structure.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
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
    const Undirected u = undirected(g);
    std::vector<std::size_t> component(g.out.size(), 0);
    boost::connected_components(u, component.data());
    // Boost numbers components in discovery order, which follows vertex order: already deterministic.
    return component;
}

std::vector<std::size_t> core_numbers(const SimpleDigraph& g) {
    const Undirected u = undirected(g);
    std::vector<std::size_t> core(g.out.size(), 0);
    boost::core_numbers(u, boost::make_iterator_property_map(core.begin(), boost::get(boost::vertex_index, u)));
    return core;
}

}  // namespace aikg::analysis
