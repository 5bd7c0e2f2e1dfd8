#pragma once
// The entities one document can name: the whole catalog, plus names the
// catalog does not know, found in this document (a Latin-script name in
// Arabic text, a person introduced by a role). Ids past the catalog's are local.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/catalog.hpp"

namespace aikg::extract {

// The type of a name found without a cue: it takes the type a relation slot asks for.
inline const std::string kUntyped = "Unknown";

class EntityTable {
public:
    explicit EntityTable(const kb::Catalog& catalog);
    ~EntityTable();
    EntityTable(const EntityTable&) = delete;
    EntityTable& operator=(const EntityTable&) = delete;

    // Inline, as the next four: every stage asks them for every name.
    const kb::Entity& entity(kb::EntityId id) const { return is_local(id) ? local_entity(id) : catalog_.entity(id); }
    bool is_local(kb::EntityId id) const noexcept { return id >= catalog_.entities().size(); }
    // Asks the cache for a catalog entity's record ahead of entity(): see
    // Extractor::sentence_mentions.
    void prefetch(kb::EntityId id) const noexcept {
        if (!is_local(id)) __builtin_prefetch(catalog_.entities().data() + id);
    }
    // The local entity with this name (compared by matching key), created when new.
    // An untyped entity takes the first real type it is given.
    kb::EntityId local(std::string_view name, const std::string& type);
    // Gives an untyped local entity its type once the text reveals it, for its later mentions too.
    void reveal_type(kb::EntityId id, const std::string& type);

    // Types given to untyped entities are stamped with the caller's step (a
    // sentence's number): a stage that reads a sentence's names only after
    // every sentence's names were found asks whether one of them was still
    // untyped when its own sentence ended.
    void set_step(std::uint32_t step) noexcept { step_ = step; }
    bool typed_after(kb::EntityId id, std::uint32_t step) const;

    std::optional<kb::EntityId> company_of(kb::EntityId id) const {
        return is_local(id) ? std::nullopt : catalog_.company_of(id);
    }
    const std::vector<kb::EntityId>& ancestors_of(kb::EntityId id) const { return is_local(id) ? kNone : catalog_.ancestors_of(id); }
    const std::vector<kb::EntityId>& parents_of(kb::EntityId id) const { return is_local(id) ? kNone : catalog_.parents_of(id); }

    // The local entities and their keys, kept per thread from one document's
    // table to the next: every document brings new names, and each one's
    // entity (a score of members), key and map node were allocations that
    // outnumbered the rest of extraction's. Only names and types are ever
    // set on local entities, so one is reused by assigning those two.
    struct LocalStore;

private:
    const kb::Entity& local_entity(kb::EntityId id) const;
    kb::Entity& local_entity(kb::EntityId id);

    static inline const std::vector<kb::EntityId> kNone;
    const kb::Catalog& catalog_;
    std::unique_ptr<LocalStore> store_;
    std::uint32_t step_ = 0;
};

}  // namespace aikg::extract
