#include "graph/graph_filter.hpp"

namespace aikg::graph {

bool GraphFilter::empty() const {
    return relations.empty() && types.empty() && openness.empty() && min_confidence <= 0.0 && since.empty() && until.empty();
}

bool VertexFilter::operator()(const Vertex& v) const {
    if (has_kept_edge && !(*has_kept_edge)[v]) return false;
    if (selected && !(*selected)[v]) return false;
    const NodeProps& n = (*g)[v];
    if (!filter->types.empty() && !filter->types.count(n.type)) return false;
    if (!filter->openness.empty() && n.type == "Model" && !filter->openness.count(n.openness.empty() ? "unknown" : n.openness))
        return false;
    return true;
}

bool EdgeFilter::operator()(const Edge& e) const {
    const EdgeProps& p = (*g)[e];
    if (!filter->relations.empty() && !filter->relations.count(p.relation)) return false;
    if (p.confidence < filter->min_confidence) return false;
    if (!filter->since.empty() && !p.last_seen.empty() && p.last_seen < filter->since) return false;
    if (!filter->until.empty() && !p.first_seen.empty() && p.first_seen > filter->until) return false;
    // An edge shows only when both its ends do.
    const VertexFilter vertices{g, filter, nullptr, nullptr};
    return vertices(boost::source(e, *g)) && vertices(boost::target(e, *g));
}

FilteredGraph filtered_view(const KnowledgeGraph& kg, const GraphFilter& filter) {
    const Graph& g = kg.graph();
    VertexFilter vertices{&g, &filter, nullptr, nullptr};
    const bool edge_filters = !filter.relations.empty() || filter.min_confidence > 0.0 || !filter.since.empty() || !filter.until.empty();
    if (edge_filters) {
        auto kept = std::make_shared<std::vector<bool>>(boost::num_vertices(g), false);
        const EdgeFilter edges{&g, &filter};
        for (auto [e, end] = boost::edges(g); e != end; ++e) {
            if (!edges(*e)) continue;
            (*kept)[boost::source(*e, g)] = true;
            (*kept)[boost::target(*e, g)] = true;
        }
        vertices.has_kept_edge = std::move(kept);
    }
    return FilteredGraph(g, EdgeFilter{&g, &filter}, vertices);
}

FilteredGraph narrowed_view(const FilteredGraph& view, std::vector<bool> selected) {
    VertexFilter vertices = view.m_vertex_pred;
    vertices.selected = std::make_shared<const std::vector<bool>>(std::move(selected));
    // filtered_graph checks both ends of every edge against the vertex filter, so edges follow.
    return FilteredGraph(view.m_g, view.m_edge_pred, vertices);
}

std::size_t edge_count(const FilteredGraph& view) {
    std::size_t n = 0;
    for (auto [e, end] = boost::edges(view); e != end; ++e) ++n;
    return n;
}

}  // namespace aikg::graph
