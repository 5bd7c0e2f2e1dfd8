#pragma once
// Finds an entity of the store by any of its names, case- and
// script-insensitively ("llama 2", "لاما 2", "LLaMA-2"), with suggestions
// when nothing matches.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "kb/catalog.hpp"

#include <functional>
#include <unordered_map>
#include "store/store.hpp"

namespace aikg::query {

class UnknownName : public std::runtime_error {
public:
    UnknownName(const std::string& name, std::vector<std::string> suggestions);
    const std::vector<std::string>& suggestions() const noexcept { return suggestions_; }

private:
    std::vector<std::string> suggestions_;
};

struct EntityRef {
    std::int64_t id = 0;
    std::string name;
    std::string type;
    std::string openness;
};

// Names to store entities. Everything is looked up on demand through the
// store's indexes: a query on a store of a million facts must not read every
// entity first. The catalog is asked for (and loaded, by the caller's
// function) only when the store does not know a name.
class NameResolver {
public:
    using CatalogSource = std::function<const kb::Catalog&()>;
    NameResolver(store::Store& store, CatalogSource catalog);
    NameResolver(store::Store& store, const kb::Catalog& catalog);
    // Throws UnknownName with up to three close names when nothing matches.
    EntityRef resolve(const std::string& name) const;
    const EntityRef& entity(std::int64_t id) const;

private:
    store::Store& store_;
    CatalogSource catalog_;
    mutable std::unordered_map<std::int64_t, EntityRef> entities_;  // references stay valid as it grows
};

}  // namespace aikg::query
