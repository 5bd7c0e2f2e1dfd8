#include "query/neighbours.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace aikg::query {

const char* direction_name(Direction d) {
    switch (d) {
        case Direction::In: return "in";
        case Direction::Out: return "out";
        case Direction::Both: break;
    }
    return "both";
}

std::vector<Link> neighbours(store::Store& store, const NameResolver& names, const kb::Ontology& ontology, std::int64_t entity,
                             const NeighbourQuery& query) {
    auto q = store.db().prepare(
        "SELECT f.relation, f.subject_id, f.object_id, f.article_id, a.date, f.sentence, f.start, f.end, f.rule, f.confidence"
        " FROM facts f JOIN articles a ON a.id = f.article_id"
        " WHERE (f.subject_id = ?1 OR f.object_id = ?1) AND (?2 = '' OR f.relation = ?2)"
        " ORDER BY f.article_id, f.start, f.id");
    q.bind(1, entity).bind(2, query.relation);
    std::map<std::tuple<std::string, int, std::int64_t>, Link> grouped;
    while (q.step()) {
        const std::string relation = q.text(0);
        const kb::EdgeType* type = ontology.edge_type(relation);
        const bool symmetric = type && type->symmetric;
        const bool outgoing = q.integer(1) == entity;
        const Direction direction = symmetric ? Direction::Both : outgoing ? Direction::Out : Direction::In;
        if (query.direction != Direction::Both && direction != Direction::Both && direction != query.direction) continue;
        const EntityRef& other = names.entity(outgoing ? q.integer(2) : q.integer(1));
        if (!query.type.empty() && other.type != query.type) continue;
        Link& link = grouped[{relation, static_cast<int>(direction), other.id}];
        link.direction = direction;
        link.relation = relation;
        link.other = other;
        link.evidence.push_back({q.text(3), q.text(4), q.text(5), q.integer(6), q.integer(7), q.text(8), q.real(9)});
    }
    std::vector<Link> out;
    for (auto& [key, link] : grouped) out.push_back(std::move(link));
    std::stable_sort(out.begin(), out.end(), [](const Link& a, const Link& b) {
        return std::tie(a.relation, a.direction, a.other.name) < std::tie(b.relation, b.direction, b.other.name);
    });
    return out;
}

}  // namespace aikg::query
