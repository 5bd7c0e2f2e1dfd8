#pragma once
// The curated entity catalog (graph/*.yaml): canonical names, types, aliases in
// every script, openness and facts known ahead of any article.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kb/ontology.hpp"

namespace aikg::kb {

using EntityId = std::uint32_t;

struct SourcePos {
    std::string file;
    int line = 0;
};

struct CatalogFact {
    std::string relation;
    std::string object;  // canonical name of another catalog entity
    SourcePos pos;
    std::optional<EntityId> object_id;  // `object` resolved at load time
};

// What extraction reads of an entity for every mention (its type, whether
// it is a category, its company) comes first and the record starts a cache
// line, so that one line holds them and one prefetch brings them
// (EntityTable::prefetch): spread over the 350-byte record they were two
// lines, and waiting for them was 2.5% of `aikg extract` on the bench corpus.
struct alignas(64) Entity {
    std::string type;
    std::optional<EntityId> maker_id, company_id;  // `maker` and `company` resolved at load time
    bool case_sensitive = false;  // Latin aliases are also common words: match them capitalised only
    bool category = false;        // a side of the divide ("open models"), not a single thing
    std::string name;  // canonical English name
    std::vector<std::string> aliases;
    std::string openness;  // empty when unknown
    std::string openness_source;
    std::string maker;     // canonical name of the releasing organisation, may be empty
    // For platforms and products named like their company (Hugging Face, AWS):
    // the organisation that stands behind it when the text uses the name for
    // the company ("Hugging Face released StarCoder").
    std::string company;
    // Other types the name takes when the words around it say so (StarCoder,
    // a model, is also the dataset it was trained on).
    std::vector<std::string> senses;
    // text::matching_key of the name, then of each alias in order, one per
    // form even when empty (set by the catalog's load for every entity it
    // keeps; empty for entities found in text): the store files an entity
    // under them, and normalising them again per new entity was ICU work.
    std::vector<std::string> keys;
    std::vector<CatalogFact> facts;
    SourcePos pos;
};

class Catalog {
public:
    // Loads every *.yaml file of `dir` (sorted by name) and checks it against
    // the ontology; throws DataError listing every problem with file:line.
    static Catalog load(const std::filesystem::path& dir, const Ontology& ontology);

    const std::vector<Entity>& entities() const noexcept { return entities_; }
    const Entity& entity(EntityId id) const { return entities_.at(id); }
    // By canonical name or alias, compared through text::matching_key.
    std::optional<EntityId> find(std::string_view name) const;
    // The same by a text::matching_key already worked out.
    std::optional<EntityId> find_key(const std::string& key) const;
    // Resolved cross-references, filled at load time: extraction asks for
    // them for every name in every sentence, and resolving names (normalising
    // them) each time was 3% of extraction.
    std::optional<EntityId> company_of(EntityId id) const { return entities_.at(id).company_id; }
    // Ancestors through derived_from facts, nearest first (Code Llama: Llama 2, Llama).
    const std::vector<EntityId>& ancestors_of(EntityId id) const { return ancestors_.at(id); }
    // Parents through part_of facts, nearest first (FAIR: Meta).
    const std::vector<EntityId>& parents_of(EntityId id) const { return parents_.at(id); }
    std::size_t alias_count() const noexcept { return by_key_.size(); }
    // Every name and alias by its matching key (unique: the loader refuses a
    // key naming two entities), in no particular order.
    const std::unordered_map<std::string, EntityId>& ids_by_key() const noexcept { return by_key_; }

private:
    friend struct CatalogSnapshot;  // saves and restores these members whole
    std::vector<EntityId> chain(EntityId id, std::string_view relation) const;
    void resolve_chains();

    std::vector<Entity> entities_;
    std::vector<std::vector<EntityId>> ancestors_, parents_;  // by entity id
    std::unordered_map<std::string, EntityId> by_key_;
};

}  // namespace aikg::kb
