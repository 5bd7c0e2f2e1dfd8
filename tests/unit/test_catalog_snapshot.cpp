// A catalog restored from its snapshot must be the catalog loaded from YAML,
// field by field, and a snapshot that does not fit must never be taken for one.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "kb/catalog_snapshot.hpp"
#include "kb/diagnostics.hpp"
#include "project_files.hpp"
#include "temp_dir.hpp"
#include "text/tokenizer.hpp"

using aikg::kb::Catalog;
using aikg::kb::CatalogSnapshot;
using aikg::kb::Ontology;

namespace {

const Ontology& ontology() { return project_ontology(); }

void check_same(const Catalog& a, const Catalog& b) {
    REQUIRE(a.entities().size() == b.entities().size());
    CHECK(a.alias_count() == b.alias_count());
    for (aikg::kb::EntityId id = 0; id < a.entities().size(); ++id) {
        const auto& x = a.entity(id);
        const auto& y = b.entity(id);
        CAPTURE(x.name);
        CHECK(x.name == y.name);
        CHECK(x.type == y.type);
        CHECK(x.aliases == y.aliases);
        CHECK(x.openness == y.openness);
        CHECK(x.openness_source == y.openness_source);
        CHECK(x.maker == y.maker);
        CHECK(x.company == y.company);
        CHECK(x.maker_id == y.maker_id);
        CHECK(x.company_id == y.company_id);
        CHECK(x.case_sensitive == y.case_sensitive);
        CHECK(x.category == y.category);
        CHECK(x.senses == y.senses);
        CHECK(x.keys == y.keys);
        // The keys the store files an entity under: its name's, then each alias's.
        REQUIRE(y.keys.size() == y.aliases.size() + 1);
        CHECK(y.keys.front() == aikg::text::matching_key(y.name));
        for (std::size_t k = 0; k < y.aliases.size(); ++k) CHECK(y.keys[k + 1] == aikg::text::matching_key(y.aliases[k]));
        CHECK(b.find_key(y.keys.front()) == std::optional<aikg::kb::EntityId>(id));
        CHECK(x.pos.file == y.pos.file);
        CHECK(x.pos.line == y.pos.line);
        REQUIRE(x.facts.size() == y.facts.size());
        for (std::size_t f = 0; f < x.facts.size(); ++f) {
            CHECK(x.facts[f].relation == y.facts[f].relation);
            CHECK(x.facts[f].object == y.facts[f].object);
            CHECK(x.facts[f].object_id == y.facts[f].object_id);
            CHECK(x.facts[f].pos.line == y.facts[f].pos.line);
        }
        CHECK(a.ancestors_of(id) == b.ancestors_of(id));
        CHECK(a.parents_of(id) == b.parents_of(id));
        CHECK(a.company_of(id) == b.company_of(id));
        // Every surface form finds the same entity.
        CHECK(b.find(x.name) == std::optional<aikg::kb::EntityId>(id));
        for (const auto& alias : x.aliases) CHECK(b.find(alias) == a.find(alias));
    }
}

}  // namespace

TEST_CASE("the project's catalog comes back from its snapshot whole") {
    const Catalog loaded = Catalog::load(kSource / "graph", ontology());
    const std::string bytes = CatalogSnapshot::save(loaded);
    const auto restored = CatalogSnapshot::restore(bytes);
    REQUIRE(restored.has_value());
    check_same(loaded, *restored);
}

TEST_CASE("a cut or damaged snapshot is refused, never half read") {
    const Catalog loaded = Catalog::load(kSource / "graph", ontology());
    const std::string bytes = CatalogSnapshot::save(loaded);
    // Cut anywhere (sampled, every 997 bytes, and the very last bytes).
    for (std::size_t cut = 0; cut < bytes.size(); cut += 997) CHECK_FALSE(CatalogSnapshot::restore(bytes.substr(0, cut)).has_value());
    CHECK_FALSE(CatalogSnapshot::restore(bytes.substr(0, bytes.size() - 1)).has_value());
    CHECK_FALSE(CatalogSnapshot::restore(bytes + "x").has_value());
    // An entity count far beyond the bytes that follow.
    std::string huge = bytes;
    huge[3] = '\x7f';
    CHECK_FALSE(CatalogSnapshot::restore(huge).has_value());
}

TEST_CASE("a load saves a snapshot, the next load of the same files takes it, an edited file is read again") {
    TempDir scratch;
    const auto cache = scratch.path() / "cache";
    const auto catalog_dir = scratch.path() / "graph";
    std::filesystem::create_directories(catalog_dir);
    for (const auto& entry : std::filesystem::directory_iterator(kSource / "graph"))
        std::filesystem::copy_file(entry.path(), catalog_dir / entry.path().filename());
    const auto ontology_file = kSource / "schemas" / "ontology.yaml";

    const Catalog first = aikg::kb::load_catalog(catalog_dir, ontology(), ontology_file, cache);
    std::size_t snapshots = 0;
    for (const auto& entry : std::filesystem::directory_iterator(cache)) snapshots += entry.path().extension() == ".bin";
    CHECK(snapshots == 1);
    const Catalog second = aikg::kb::load_catalog(catalog_dir, ontology(), ontology_file, cache);
    check_same(first, second);

    // A new entity in one file: the old snapshot no longer fits these files.
    {
        std::ofstream more(catalog_dir / "zz_more.yaml");
        more << "entities:\n  - name: Zyxwv Labs\n    type: Organization\n";
    }
    const Catalog edited = aikg::kb::load_catalog(catalog_dir, ontology(), ontology_file, cache);
    CHECK(edited.entities().size() == first.entities().size() + 1);
    CHECK(edited.find("Zyxwv Labs").has_value());
    CHECK_FALSE(first.find("Zyxwv Labs").has_value());

    // A catalog with a problem is reported, and leaves no snapshot behind.
    {
        std::ofstream bad(catalog_dir / "zz_more.yaml");
        bad << "entities:\n  - name: Zyxwv Labs\n    type: NoSuchType\n";
    }
    std::size_t before = 0;
    for (const auto& entry : std::filesystem::directory_iterator(cache)) before += entry.path().extension() == ".bin";
    CHECK_THROWS_AS(aikg::kb::load_catalog(catalog_dir, ontology(), ontology_file, cache), aikg::kb::DataError);
    std::size_t after = 0;
    for (const auto& entry : std::filesystem::directory_iterator(cache)) after += entry.path().extension() == ".bin";
    CHECK(after == before);
}
