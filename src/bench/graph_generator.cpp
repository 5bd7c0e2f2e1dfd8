#include "bench/graph_generator.hpp"

#include <stdexcept>
#include <unordered_set>

#include "bench/random.hpp"

namespace aikg::bench {

std::vector<Arc> random_digraph(std::uint32_t nodes, std::uint64_t edges, std::uint64_t seed) {
    if (nodes < 2 || edges > static_cast<std::uint64_t>(nodes) * (nodes - 1))
        throw std::invalid_argument("a simple digraph on " + std::to_string(nodes) + " vertices cannot have " +
                                    std::to_string(edges) + " arcs");
    Random random(seed);
    std::vector<Arc> arcs;
    arcs.reserve(edges);
    std::unordered_set<std::uint64_t> seen;
    seen.reserve(edges * 2);
    while (arcs.size() < edges) {
        const auto u = static_cast<std::uint32_t>(random.next() % nodes);
        const auto v = static_cast<std::uint32_t>(random.next() % nodes);
        if (u == v) continue;
        if (!seen.insert((static_cast<std::uint64_t>(u) << 32) | v).second) continue;
        arcs.emplace_back(u, v);
    }
    return arcs;
}

}  // namespace aikg::bench
