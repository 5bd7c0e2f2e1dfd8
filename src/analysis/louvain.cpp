#include "analysis/louvain.hpp"

#include <map>
#include <numeric>

namespace aikg::analysis {
namespace {

// A weighted undirected graph with self-loops, as the aggregation steps need.
struct Weighted {
    std::vector<std::map<std::size_t, double>> adj;  // adj[u][v] = weight; a self-loop counts once in adj[u][u]
    double total = 0.0;                              // sum of all edge weights (m)
    std::vector<double> degree;                      // weighted degree; a self-loop adds twice its weight
};

Weighted from_neighbours(const std::vector<std::vector<std::size_t>>& neighbours) {
    Weighted w;
    w.adj.resize(neighbours.size());
    w.degree.assign(neighbours.size(), 0.0);
    for (std::size_t u = 0; u < neighbours.size(); ++u)
        for (const std::size_t v : neighbours[u]) {
            w.adj[u][v] += 1.0;
            w.degree[u] += 1.0;
        }
    for (const double d : w.degree) w.total += d;
    w.total /= 2.0;
    return w;
}

// One level: move vertices while modularity improves. Returns community per vertex.
std::vector<std::size_t> one_level(const Weighted& g, double resolution, bool& moved_any) {
    const std::size_t n = g.adj.size();
    std::vector<std::size_t> community(n);
    std::iota(community.begin(), community.end(), std::size_t{0});
    std::vector<double> community_degree = g.degree;
    moved_any = false;
    if (g.total <= 0.0) return community;
    const double m2 = 2.0 * g.total;
    for (bool improved = true; improved;) {
        improved = false;
        for (std::size_t u = 0; u < n; ++u) {
            const std::size_t current = community[u];
            std::map<std::size_t, double> links;  // weight from u to each neighbouring community
            for (const auto& [v, weight] : g.adj[u])
                if (v != u) links[community[v]] += weight;
            community_degree[current] -= g.degree[u];
            // Gain of joining community c: k_u,in(c) - resolution * Σtot(c) * k_u / 2m (constant terms dropped).
            std::size_t best = current;
            double best_gain = links[current] - resolution * community_degree[current] * g.degree[u] / m2;
            for (const auto& [c, weight] : links) {
                const double gain = weight - resolution * community_degree[c] * g.degree[u] / m2;
                if (gain > best_gain + 1e-12) {
                    best_gain = gain;
                    best = c;
                }
            }
            community_degree[best] += g.degree[u];
            if (best != current) {
                community[u] = best;
                improved = true;
                moved_any = true;
            }
        }
    }
    return community;
}

std::vector<std::size_t> renumber(const std::vector<std::size_t>& community) {
    std::map<std::size_t, std::size_t> first;
    std::vector<std::size_t> out(community.size());
    for (std::size_t u = 0; u < community.size(); ++u) {
        auto [it, inserted] = first.emplace(community[u], first.size());
        out[u] = it->second;
    }
    return out;
}

Weighted aggregate(const Weighted& g, const std::vector<std::size_t>& community, std::size_t count) {
    Weighted a;
    a.adj.resize(count);
    a.degree.assign(count, 0.0);
    a.total = g.total;
    for (std::size_t u = 0; u < g.adj.size(); ++u) {
        a.degree[community[u]] += g.degree[u];
        for (const auto& [v, weight] : g.adj[u]) {
            // Each undirected edge is listed from both ends; inside a community that makes the loop weight count twice, halve it.
            if (community[u] == community[v]) a.adj[community[u]][community[u]] += (u == v ? weight : weight / 2.0);
            else a.adj[community[u]][community[v]] += weight;
        }
    }
    return a;
}

}  // namespace

double modularity(const std::vector<std::vector<std::size_t>>& neighbours, const std::vector<std::size_t>& community,
                  double resolution) {
    const Weighted g = from_neighbours(neighbours);
    if (g.total <= 0.0) return 0.0;
    std::map<std::size_t, double> inside, degree;
    for (std::size_t u = 0; u < neighbours.size(); ++u) {
        degree[community[u]] += g.degree[u];
        for (const std::size_t v : neighbours[u])
            if (community[u] == community[v]) inside[community[u]] += 1.0;  // counted from both ends: 2 * edges inside
    }
    double q = 0.0;
    for (const auto& [c, d] : degree) {
        const double l = inside[c] / 2.0;
        q += l / g.total - resolution * (d / (2.0 * g.total)) * (d / (2.0 * g.total));
    }
    return q;
}

Communities louvain(const std::vector<std::vector<std::size_t>>& neighbours, double resolution) {
    Communities result;
    result.of.resize(neighbours.size());
    std::iota(result.of.begin(), result.of.end(), std::size_t{0});
    Weighted level = from_neighbours(neighbours);
    for (;;) {
        bool moved = false;
        const std::vector<std::size_t> community = renumber(one_level(level, resolution, moved));
        if (!moved) break;
        std::size_t count = 0;
        for (const std::size_t c : community) count = std::max(count, c + 1);
        for (std::size_t& c : result.of) c = community[c];
        level = aggregate(level, community, count);
    }
    result.of = renumber(result.of);
    result.modularity = modularity(neighbours, result.of, resolution);
    return result;
}

}  // namespace aikg::analysis
