#include "kb/catalog_snapshot.hpp"

#include "kb/snapshot_file.hpp"

namespace aikg::kb {
namespace {

using snapshot::Reader;
using snapshot::Writer;

constexpr std::string_view kEnd = "END1";
// Bumped whenever what is saved changes shape.
constexpr std::string_view kFormat = "aikg catalog snapshot, format 2";
constexpr std::string_view kKind = "catalog";

// One list of an entity's fields for both directions: a field saved is a
// field restored. `E` is Entity for a Reader, const Entity for a Writer.
template <class Io, class E>
void entity_fields(Io& io, E& e) {
    io.field(e.name);
    io.field(e.type);
    io.field(e.aliases);
    io.field(e.openness);
    io.field(e.openness_source);
    io.field(e.maker);
    io.field(e.company);
    io.field(e.maker_id);
    io.field(e.company_id);
    io.field(e.case_sensitive);
    io.field(e.category);
    io.field(e.senses);
    io.field(e.keys);
    io.size_of(e.facts, 20);
    for (auto& f : e.facts) {
        io.field(f.relation);
        io.field(f.object);
        io.field(f.pos);
        io.field(f.object_id);
    }
    io.field(e.pos);
}

}  // namespace

std::string CatalogSnapshot::save(const Catalog& catalog) {
    Writer w;
    w.size_of(catalog.entities_, 0);
    for (const Entity& e : catalog.entities_) entity_fields(w, e);
    for (const auto* chains : {&catalog.ancestors_, &catalog.parents_}) {
        w.size_of(*chains, 0);
        for (const auto& chain : *chains) w.field(chain);
    }
    w.u32(static_cast<std::uint32_t>(catalog.by_key_.size()));
    for (const auto& [key, id] : catalog.by_key_) {
        w.field(key);
        w.u32(id);
    }
    w.raw(kEnd);
    return w.take();
}

std::optional<Catalog> CatalogSnapshot::restore(std::string_view bytes) {
    Reader r(bytes);
    Catalog catalog;
    r.size_of(catalog.entities_, 40);
    for (Entity& e : catalog.entities_) entity_fields(r, e);
    for (auto* chains : {&catalog.ancestors_, &catalog.parents_}) {
        r.size_of(*chains, 4);
        for (auto& chain : *chains) r.field(chain);
    }
    const std::uint32_t keys = r.count(8);
    catalog.by_key_.reserve(keys);
    for (std::uint32_t i = 0; i < keys; ++i) {
        std::string key;
        r.field(key);
        const EntityId id = r.u32();
        catalog.by_key_.emplace(std::move(key), id);
    }
    if (!r.expect(kEnd) || !r.ok() || !r.at_end()) return std::nullopt;
    // Every id must name an entity: extraction indexes by them without checks.
    const std::size_t n = catalog.entities_.size();
    auto valid = [n](const std::optional<EntityId>& id) { return !id || *id < n; };
    if (catalog.ancestors_.size() != n || catalog.parents_.size() != n) return std::nullopt;
    for (const Entity& e : catalog.entities_) {
        if (!valid(e.maker_id) || !valid(e.company_id)) return std::nullopt;
        for (const CatalogFact& f : e.facts)
            if (!valid(f.object_id)) return std::nullopt;
    }
    for (const auto* chains : {&catalog.ancestors_, &catalog.parents_})
        for (const auto& chain : *chains)
            for (const EntityId id : chain)
                if (id >= n) return std::nullopt;
    for (const auto& [key, id] : catalog.by_key_)
        if (id >= n) return std::nullopt;
    return catalog;
}

Catalog load_catalog(const std::filesystem::path& dir, const Ontology& ontology, const std::filesystem::path& ontology_file,
                     const std::optional<std::filesystem::path>& cache) {
    return snapshot::load_through(
        cache, kKind, kFormat, dir, ontology_file, [&] { return Catalog::load(dir, ontology); },
        [](const Catalog& catalog) { return CatalogSnapshot::save(catalog); }, [](std::string_view body) { return CatalogSnapshot::restore(body); });
}

}  // namespace aikg::kb
