#include "analysis/centrality.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>

#include <cmath>

namespace aikg::analysis {

std::vector<double> pagerank(const SimpleDigraph& g, const PageRankOptions& options) {
    const std::size_t n = g.out.size();
    if (n == 0) return {};
    const double uniform = 1.0 / static_cast<double>(n);
    std::vector<double> rank(n, uniform), next(n);
    for (int iteration = 0; iteration < options.max_iterations; ++iteration) {
        double dangling = 0.0;
        for (std::size_t u = 0; u < n; ++u)
            if (g.out[u].empty()) dangling += rank[u];
        const double base = options.damping * dangling * uniform + (1.0 - options.damping) * uniform;
        std::fill(next.begin(), next.end(), base);
        for (std::size_t u = 0; u < n; ++u) {
            if (g.out[u].empty()) continue;
            const double share = options.damping * rank[u] / static_cast<double>(g.out[u].size());
            for (const std::size_t v : g.out[u]) next[v] += share;
        }
        double change = 0.0;
        for (std::size_t u = 0; u < n; ++u) change += std::fabs(next[u] - rank[u]);
        rank.swap(next);
        if (change < static_cast<double>(n) * options.tolerance) break;
    }
    return rank;
}

std::vector<double> betweenness(const SimpleDigraph& g) {
    using Directed = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    const std::size_t n = g.out.size();
    Directed d(n);
    for (std::size_t u = 0; u < n; ++u)
        for (const std::size_t v : g.out[u]) boost::add_edge(u, v, d);
    std::vector<double> centrality(n, 0.0);
    boost::brandes_betweenness_centrality(
        d, boost::centrality_map(boost::make_iterator_property_map(centrality.begin(), boost::get(boost::vertex_index, d))));
    if (n > 2) {
        const double scale = 1.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
        for (double& c : centrality) c *= scale;
    } else {
        std::fill(centrality.begin(), centrality.end(), 0.0);
    }
    return centrality;
}

}  // namespace aikg::analysis
