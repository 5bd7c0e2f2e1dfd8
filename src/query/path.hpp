#pragma once
// The shortest connection between two entities, whatever the edges' direction.

#include <optional>
#include <vector>

#include "store/store.hpp"

namespace aikg::query {

// A hop of a path found in the store itself.
struct StoredHop {
    std::int64_t from = 0;
    std::int64_t to = 0;
    store::FactRow fact;  // the first fact stating the edge, as stored (subject may be `to`)
};

// A shortest path found on the store's fact indexes, searching from both
// ends: only entities near the two ends are read, so a path query on a store
// of a million facts does not load the whole graph. Among equally short
// paths the choice is by entity id, so it is the same on every run.
std::optional<std::vector<StoredHop>> shortest_path(store::Store& store, std::int64_t from, std::int64_t to, std::size_t max_hops);

}  // namespace aikg::query
