// Graph algorithms on tiny graphs with answers worked out by hand.
#include <doctest/doctest.h>

#include <cmath>
#include <numeric>

#include "analysis/centrality.hpp"
#include "analysis/louvain.hpp"
#include "analysis/structure.hpp"

using aikg::analysis::SimpleDigraph;

namespace {

SimpleDigraph digraph(std::size_t n, const std::vector<std::pair<std::size_t, std::size_t>>& arcs) {
    SimpleDigraph g;
    g.vertices.resize(n);
    g.out.resize(n);
    for (const auto& [u, v] : arcs) g.out[u].push_back(v);
    return g;
}

}  // namespace

TEST_CASE("PageRank on a 3-cycle is uniform") {
    //  0 -> 1 -> 2 -> 0
    const auto rank = aikg::analysis::pagerank(digraph(3, {{0, 1}, {1, 2}, {2, 0}}));
    for (const double r : rank) CHECK(r == doctest::Approx(1.0 / 3.0).epsilon(1e-9));
}

TEST_CASE("PageRank spreads a dangling vertex's rank over all vertices") {
    //  0 -> 1      (1 has no out-arcs)
    // Fixed point: r1 = 0.15/2 + 0.85*(r0 + r1/2), r0 = 0.15/2 + 0.85*r1/2, r0 + r1 = 1
    //   => r0 = 1/2.85 * (0.075 + 0.425) ... solved: r0 = 0.350877, r1 = 0.649123
    const auto rank = aikg::analysis::pagerank(digraph(2, {{0, 1}}));
    CHECK(rank[0] + rank[1] == doctest::Approx(1.0).epsilon(1e-9));
    CHECK(rank[0] == doctest::Approx(0.5 / 1.425).epsilon(1e-5));
    CHECK(rank[1] == doctest::Approx(1.0 - 0.5 / 1.425).epsilon(1e-5));
}

TEST_CASE("betweenness of the middle of a directed path") {
    //  0 -> 1 -> 2 : only 1 lies on a shortest path (0 to 2); normalised by (n-1)(n-2) = 2
    const auto b = aikg::analysis::betweenness(digraph(3, {{0, 1}, {1, 2}}));
    CHECK(b[0] == doctest::Approx(0.0));
    CHECK(b[1] == doctest::Approx(0.5));
    CHECK(b[2] == doctest::Approx(0.0));
}

TEST_CASE("weak components ignore direction; cores count neighbours") {
    //  0 -> 1   2 <- 3     4 (alone)      and a triangle 5-6-7
    const auto g = digraph(8, {{0, 1}, {3, 2}, {5, 6}, {6, 7}, {7, 5}});
    const auto c = aikg::analysis::weak_components(g);
    CHECK(c[0] == c[1]);
    CHECK(c[2] == c[3]);
    CHECK(c[0] != c[2]);
    CHECK(c[4] != c[0]);
    CHECK(c[5] == c[7]);
    const auto core = aikg::analysis::core_numbers(g);
    CHECK(core[4] == 0);
    CHECK(core[0] == 1);
    CHECK(core[5] == 2);
}

TEST_CASE("Louvain finds two cliques joined by one edge") {
    //  0-1-2-3 all linked (K4)  --  4-5-6-7 all linked (K4), bridge 3-4
    std::vector<std::vector<std::size_t>> n(8);
    auto link = [&n](std::size_t a, std::size_t b) {
        n[a].push_back(b);
        n[b].push_back(a);
    };
    for (std::size_t a = 0; a < 4; ++a)
        for (std::size_t b = a + 1; b < 4; ++b) {
            link(a, b);
            link(a + 4, b + 4);
        }
    link(3, 4);
    const auto result = aikg::analysis::louvain(n);
    for (std::size_t v = 1; v < 4; ++v) CHECK(result.of[v] == result.of[0]);
    for (std::size_t v = 5; v < 8; ++v) CHECK(result.of[v] == result.of[4]);
    CHECK(result.of[0] != result.of[4]);
    // 13 edges; each clique holds 6, degree sums 13 each: Q = 2 * (6/13 - (13/26)^2) = 0.423077
    CHECK(result.modularity == doctest::Approx(2.0 * (6.0 / 13.0 - 0.25)).epsilon(1e-9));
}

TEST_CASE("Louvain keeps a ring of cliques apart and handles an empty graph") {
    // Four triangles in a ring, each joined to the next by one edge.
    std::vector<std::vector<std::size_t>> n(12);
    auto link = [&n](std::size_t a, std::size_t b) {
        n[a].push_back(b);
        n[b].push_back(a);
    };
    for (std::size_t t = 0; t < 4; ++t) {
        link(3 * t, 3 * t + 1);
        link(3 * t + 1, 3 * t + 2);
        link(3 * t + 2, 3 * t);
        link(3 * t + 2, (3 * t + 3) % 12);
    }
    const auto result = aikg::analysis::louvain(n);
    for (std::size_t t = 0; t < 4; ++t) {
        CHECK(result.of[3 * t] == result.of[3 * t + 1]);
        CHECK(result.of[3 * t] == result.of[3 * t + 2]);
    }
    CHECK(result.of[0] != result.of[3]);
    CHECK(aikg::analysis::louvain({}).of.empty());
}

TEST_CASE("sampled betweenness: all pivots is exact, a seed repeats, the estimate is unbiased") {
    //  0 -> 1 -> 2 -> 3 -> 0   (a directed 4-cycle)
    // Per source s: s+1 lies inside the paths to s+2 and s+3 (2), s+2 inside
    // the path to s+3 (1). Every vertex: 2 + 1 = 3 over all sources, over
    // (n-1)(n-2) = 6 pairs: 0.5.
    const auto g = digraph(4, {{0, 1}, {1, 2}, {2, 3}, {3, 0}});
    const auto exact = aikg::analysis::betweenness(g);
    for (double b : exact) CHECK(b == doctest::Approx(0.5));
    const auto all_sources = aikg::analysis::betweenness_sampled(g, 4);
    for (std::size_t v = 0; v < 4; ++v) CHECK(all_sources[v] == doctest::Approx(exact[v]));
    CHECK(aikg::analysis::betweenness_sampled(g, 2, 9) == aikg::analysis::betweenness_sampled(g, 2, 9));
    // One pivot p gives p+1 a scaled 2 * 4 / 6, p+2 1 * 4 / 6, the rest 0:
    // averaged over many seeds each vertex tends to 0.5.
    std::vector<double> mean(4, 0.0);
    constexpr int kSeeds = 400;
    for (int seed = 1; seed <= kSeeds; ++seed) {
        const auto b = aikg::analysis::betweenness_sampled(g, 1, static_cast<std::uint64_t>(seed));
        double total = 0;
        for (std::size_t v = 0; v < 4; ++v) {
            mean[v] += b[v] / kSeeds;
            total += b[v];
        }
        CHECK(total == doctest::Approx(2.0));  // (2 + 1) * 4 / 6
    }
    for (double m : mean) CHECK(m == doctest::Approx(0.5).epsilon(0.15));
}
