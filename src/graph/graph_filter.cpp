#include "graph/graph_filter.hpp"

namespace aikg::graph {

bool GraphFilter::empty() const {
    return relations.empty() && types.empty() && openness.empty() && min_confidence <= 0.0 && since.empty() && until.empty();
}

bool VertexFilter::operator()(const Vertex& v) const {
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
    const VertexFilter vertices{g, filter};
    return vertices(boost::source(e, *g)) && vertices(boost::target(e, *g));
}

FilteredGraph filtered_view(const KnowledgeGraph& kg, const GraphFilter& filter) {
    return FilteredGraph(kg.graph(), EdgeFilter{&kg.graph(), &filter}, VertexFilter{&kg.graph(), &filter});
}

}  // namespace aikg::graph
