#include "analysis/louvain.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <numeric>

namespace aikg::analysis {
namespace {

// A weighted undirected graph with self-loops, as the aggregation steps need.
// Adjacency lists are sorted by neighbour: every sum below runs in the same
// order on every run, so ties are broken the same way.
struct Weighted {
    std::vector<std::vector<std::pair<std::size_t, double>>> adj;  // a self-loop counts once in adj[u]
    double total = 0.0;                                            // sum of all edge weights (m)
    std::vector<double> degree;                                    // weighted degree; a self-loop adds twice its weight
};

Weighted from_neighbours(const std::vector<std::vector<std::size_t>>& neighbours) {
    Weighted w;
    w.adj.resize(neighbours.size());
    w.degree.assign(neighbours.size(), 0.0);
    for (std::size_t u = 0; u < neighbours.size(); ++u) {
        for (const std::size_t v : neighbours[u]) w.adj[u].emplace_back(v, 1.0);
        w.degree[u] = static_cast<double>(neighbours[u].size());
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
    // Weight from the vertex in hand to each neighbouring community: a dense
    // array with the touched entries listed, cleared after each vertex.
    std::vector<double> link(n, 0.0);
    std::vector<char> touched_flag(n, 0);
    std::vector<std::size_t> touched;
    for (bool improved = true; improved;) {
        improved = false;
        for (std::size_t u = 0; u < n; ++u) {
            const std::size_t current = community[u];
            for (const auto& [v, weight] : g.adj[u]) {
                if (v == u) continue;
                const std::size_t c = community[v];
                if (!touched_flag[c]) {
                    touched_flag[c] = 1;
                    touched.push_back(c);
                }
                link[c] += weight;
            }
            community_degree[current] -= g.degree[u];
            // Gain of joining community c: k_u,in(c) - resolution * Σtot(c) * k_u / 2m (constant terms dropped).
            std::size_t best = current;
            double best_gain = link[current] - resolution * community_degree[current] * g.degree[u] / m2;
            std::sort(touched.begin(), touched.end());  // candidates in community order: the first best wins
            for (const std::size_t c : touched) {
                const double gain = link[c] - resolution * community_degree[c] * g.degree[u] / m2;
                if (gain > best_gain + 1e-12) {
                    best_gain = gain;
                    best = c;
                }
            }
            for (const std::size_t c : touched) {
                link[c] = 0.0;
                touched_flag[c] = 0;
            }
            touched.clear();
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
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::size_t largest = 0;
    for (const std::size_t c : community) largest = std::max(largest, c);
    std::vector<std::size_t> first(community.empty() ? 0 : largest + 1, kNone);
    std::vector<std::size_t> out(community.size());
    std::size_t next = 0;
    for (std::size_t u = 0; u < community.size(); ++u) {
        if (first[community[u]] == kNone) first[community[u]] = next++;
        out[u] = first[community[u]];
    }
    return out;
}

Weighted aggregate(const Weighted& g, const std::vector<std::size_t>& community, std::size_t count) {
    Weighted a;
    a.adj.resize(count);
    a.degree.assign(count, 0.0);
    a.total = g.total;
    // Entries in (u, v) order; a stable sort by community pair keeps that order
    // within each pair, so the sums come out the same on every run.
    struct Entry {
        std::size_t from, to;
        double weight;
    };
    std::vector<Entry> entries;
    for (std::size_t u = 0; u < g.adj.size(); ++u) {
        a.degree[community[u]] += g.degree[u];
        for (const auto& [v, weight] : g.adj[u]) {
            // Each undirected edge is listed from both ends; inside a community that makes the loop weight count twice, halve it.
            if (community[u] == community[v]) entries.push_back({community[u], community[u], u == v ? weight : weight / 2.0});
            else entries.push_back({community[u], community[v], weight});
        }
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& x, const Entry& y) { return std::tie(x.from, x.to) < std::tie(y.from, y.to); });
    for (const Entry& e : entries) {
        auto& list = a.adj[e.from];
        if (!list.empty() && list.back().first == e.to) list.back().second += e.weight;
        else list.emplace_back(e.to, e.weight);
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
