#include "query/path.hpp"

#include <algorithm>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

namespace aikg::query {

namespace {

// An entity's neighbours through the fact indexes, with the two statements
// prepared once for the whole search.
class StoredAdjacency {
public:
    explicit StoredAdjacency(store::Store& store)
        : out_(store.db().prepare("SELECT object_id, relation FROM facts WHERE subject_id = ?")),
          in_(store.db().prepare("SELECT subject_id, relation FROM facts WHERE object_id = ?")) {}

    struct Link {
        std::int64_t neighbour;
        std::string relation;
        bool forward;  // the fact runs from the entity to the neighbour
        auto operator<=>(const Link&) const = default;
    };

    // Distinct links in (neighbour id, relation, outgoing first) order.
    std::vector<Link> links(std::int64_t entity) {
        std::vector<Link> links;
        for (auto* q : {&out_, &in_}) {
            q->reset();
            q->bind(1, entity);
            while (q->step()) links.push_back({q->integer(0), q->text(1), q == &out_});
        }
        std::sort(links.begin(), links.end(), [](const Link& a, const Link& b) {
            return std::tie(a.neighbour, a.relation, b.forward) < std::tie(b.neighbour, b.relation, a.forward);
        });
        links.erase(std::unique(links.begin(), links.end()), links.end());
        return links;
    }

private:
    store::Statement out_;
    store::Statement in_;
};

}  // namespace

std::optional<std::vector<StoredHop>> shortest_path(store::Store& store, std::int64_t from, std::int64_t to, std::size_t max_hops) {
    if (from == to) return std::vector<StoredHop>{};
    StoredAdjacency adjacency(store);
    // The search grows from both ends, a whole level at a time on the side
    // with the smaller frontier, until the two meet: a random graph of a
    // million facts is then crossed by reading thousands of links, not millions.
    struct Reached {
        std::int64_t previous;  // the entity it was reached from, on its side
        std::string relation;
        bool forward;  // the fact runs from `previous` to it
        std::size_t depth;
    };
    std::unordered_map<std::int64_t, Reached> side[2];
    side[0].emplace(from, Reached{from, {}, true, 0});
    side[1].emplace(to, Reached{to, {}, true, 0});
    std::vector<std::int64_t> frontier[2] = {{from}, {to}};
    for (std::size_t hops = 0; hops < max_hops && !frontier[0].empty() && !frontier[1].empty(); ++hops) {
        const int s = frontier[1].size() < frontier[0].size() ? 1 : 0;
        std::vector<std::int64_t> next;
        std::vector<std::int64_t> meetings;
        for (const std::int64_t u : frontier[s]) {
            const std::size_t depth = side[s].at(u).depth + 1;
            for (auto& link : adjacency.links(u)) {
                if (side[s].count(link.neighbour)) continue;
                side[s].emplace(link.neighbour, Reached{u, std::move(link.relation), link.forward, depth});
                next.push_back(link.neighbour);
                if (side[1 - s].count(link.neighbour)) meetings.push_back(link.neighbour);
            }
        }
        if (!meetings.empty()) {
            // The shortest whole path; equal lengths: the smallest meeting entity.
            const auto best = *std::min_element(meetings.begin(), meetings.end(), [&](std::int64_t a, std::int64_t b) {
                return std::make_pair(side[1 - s].at(a).depth, a) < std::make_pair(side[1 - s].at(b).depth, b);
            });
            // (entity reached, from where, relation, fact direction seen from `from`'s side)
            std::vector<std::tuple<std::int64_t, std::int64_t, std::string, bool>> chain;
            for (std::int64_t v = best; v != from;) {
                const Reached& r = side[0].at(v);
                chain.emplace_back(v, r.previous, r.relation, r.forward);
                v = r.previous;
            }
            std::reverse(chain.begin(), chain.end());
            for (std::int64_t v = best; v != to;) {
                const Reached& r = side[1].at(v);
                // Reached from `r.previous` on to's side: walking towards `to` runs against that step.
                chain.emplace_back(r.previous, v, r.relation, !r.forward);
                v = r.previous;
            }
            std::vector<StoredHop> path;
            for (const auto& [reached, previous, relation, forward] : chain) {
                const std::int64_t subject = forward ? previous : reached;
                const std::int64_t object = forward ? reached : previous;
                auto fact = store.first_fact(subject, relation, object);
                if (!fact) throw std::runtime_error("the store changed while a path was searched");
                path.push_back({previous, reached, std::move(*fact)});
            }
            return path;
        }
        std::sort(next.begin(), next.end());
        frontier[s] = std::move(next);
    }
    return std::nullopt;
}

}  // namespace aikg::query
