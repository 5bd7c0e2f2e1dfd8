#pragma once
// Finds an entity of the store by any of its names, case- and
// script-insensitively ("llama 2", "لاما 2", "LLaMA-2"), with suggestions
// when nothing matches.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "kb/catalog.hpp"
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

class NameResolver {
public:
    NameResolver(store::Store& store, const kb::Catalog& catalog);
    // Throws UnknownName with up to three close names when nothing matches.
    EntityRef resolve(const std::string& name) const;
    const EntityRef& entity(std::int64_t id) const;

private:
    store::Store& store_;
    const kb::Catalog& catalog_;
    std::vector<EntityRef> entities_;
    std::vector<std::pair<std::string, std::int64_t>> keys_;
};

}  // namespace aikg::query
