#include "graph/knowledge_graph.hpp"

#include <map>
#include <set>
#include <tuple>

namespace aikg::graph {

KnowledgeGraph KnowledgeGraph::load(store::Store& store, const kb::Ontology& ontology) {
    KnowledgeGraph kg;
    for (const auto& e : store.entities()) {
        const Vertex v = boost::add_vertex(NodeProps{e.id, e.name, e.type, e.openness, e.in_catalog, {}, {}, {}}, kg.graph_);
        kg.by_store_id_.emplace(e.id, v);
        kg.by_name_.emplace(e.name, v);
    }
    for (auto& [id, alias] : store.all_aliases()) {
        const auto v = kg.by_store_id_.find(id);
        if (v == kg.by_store_id_.end()) continue;
        NodeProps& n = kg.graph_[v->second];
        const auto lead = alias.empty() ? 0 : static_cast<unsigned char>(alias[0]);
        const bool arabic = lead >= 0xD8 && lead <= 0xDB;  // UTF-8 lead bytes of U+0600..U+06FF
        // The shortest Arabic alias is the plain name (لاما rather than عائلة لاما).
        if (arabic && (n.arabic_name.empty() || alias.size() < n.arabic_name.size())) n.arabic_name = alias;
        if (alias != n.name) n.aliases.push_back(std::move(alias));
    }
    // Facts arrive ordered by article; the first fact of a triple creates its edge.
    std::map<std::tuple<std::int64_t, std::string, std::int64_t>, Edge> edges;
    std::map<Edge, std::map<std::string, double>> best_per_article;
    for (const auto& f : store.facts()) {
        const auto s = kg.by_store_id_.find(f.subject);
        const auto o = kg.by_store_id_.find(f.object);
        if (s == kg.by_store_id_.end() || o == kg.by_store_id_.end()) continue;
        const auto key = std::make_tuple(f.subject, f.relation, f.object);
        auto it = edges.find(key);
        if (it == edges.end()) {
            EdgeProps props;
            props.relation = f.relation;
            const kb::EdgeType* type = ontology.edge_type(f.relation);
            props.symmetric = type && type->symmetric;
            it = edges.emplace(key, boost::add_edge(s->second, o->second, props, kg.graph_).first).first;
        }
        EdgeProps& e = kg.graph_[it->second];
        e.evidence.push_back({f.article, f.article_date, f.sentence, f.start, f.end, f.rule, f.confidence});
        e.max_confidence = std::max(e.max_confidence, f.confidence);
        double& best = best_per_article[it->second][f.article];
        best = std::max(best, f.confidence);
        if (!f.article_date.empty()) {
            for (const Vertex end : {s->second, o->second}) {
                std::string& seen = kg.graph_[end].first_seen;
                if (seen.empty() || f.article_date < seen) seen = f.article_date;
            }
            if (e.first_seen.empty() || f.article_date < e.first_seen) e.first_seen = f.article_date;
            if (e.last_seen.empty() || f.article_date > e.last_seen) e.last_seen = f.article_date;
        }
    }
    for (auto& [edge, per_article] : best_per_article) {
        EdgeProps& e = kg.graph_[edge];
        e.articles = per_article.size();
        double miss = 1.0;
        for (const auto& [article, confidence] : per_article) miss *= 1.0 - confidence;
        e.confidence = 1.0 - miss;
    }
    return kg;
}

std::optional<Vertex> KnowledgeGraph::vertex_of_store_id(std::int64_t id) const {
    const auto it = by_store_id_.find(id);
    if (it == by_store_id_.end()) return std::nullopt;
    return it->second;
}

std::optional<Vertex> KnowledgeGraph::vertex_named(const std::string& name) const {
    const auto it = by_name_.find(name);
    if (it == by_name_.end()) return std::nullopt;
    return it->second;
}

}  // namespace aikg::graph
