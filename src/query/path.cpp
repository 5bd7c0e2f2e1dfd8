#include "query/path.hpp"

#include <algorithm>
#include <deque>
#include <map>

namespace aikg::query {

std::optional<std::vector<Hop>> shortest_path(const graph::KnowledgeGraph& kg, graph::Vertex from, graph::Vertex to, std::size_t max_hops) {
    const graph::Graph& g = kg.graph();
    if (from == to) return std::vector<Hop>{};
    std::map<graph::Vertex, Hop> came_from;
    std::map<graph::Vertex, std::size_t> depth{{from, 0}};
    std::deque<graph::Vertex> queue{from};
    while (!queue.empty()) {
        const graph::Vertex u = queue.front();
        queue.pop_front();
        if (depth[u] >= max_hops) continue;
        std::vector<Hop> steps;
        for (auto [e, end] = boost::out_edges(u, g); e != end; ++e) steps.push_back({u, boost::target(*e, g), *e, true});
        for (auto [e, end] = boost::in_edges(u, g); e != end; ++e) steps.push_back({u, boost::source(*e, g), *e, false});
        std::stable_sort(steps.begin(), steps.end(), [&g](const Hop& a, const Hop& b) {
            return std::tie(g[a.to].name, g[a.edge].relation) < std::tie(g[b.to].name, g[b.edge].relation);
        });
        for (const Hop& step : steps) {
            if (depth.count(step.to)) continue;
            depth[step.to] = depth[u] + 1;
            came_from[step.to] = step;
            if (step.to == to) {
                std::vector<Hop> path;
                for (graph::Vertex v = to; v != from; v = came_from.at(v).from) path.push_back(came_from.at(v));
                std::reverse(path.begin(), path.end());
                return path;
            }
            queue.push_back(step.to);
        }
    }
    return std::nullopt;
}

}  // namespace aikg::query
