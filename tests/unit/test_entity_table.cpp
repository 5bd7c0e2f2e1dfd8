// A document's local entities: names the catalog does not know, found in the text.
#include <doctest/doctest.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "extract/entity_table.hpp"
#include "kb/catalog.hpp"
#include "kb/ontology.hpp"

using aikg::extract::EntityTable;
using aikg::extract::kUntyped;

namespace {

const aikg::kb::Catalog& catalog() {
    static const aikg::kb::Ontology ontology =
        aikg::kb::Ontology::load(std::filesystem::path(AIKG_SOURCE_DIR) / "schemas" / "ontology.yaml");
    static const aikg::kb::Catalog c = aikg::kb::Catalog::load(std::filesystem::path(AIKG_TEST_DATA) / "catalog", ontology);
    return c;
}

}  // namespace

TEST_CASE("a name spelt two ways is one local entity, numbered after the catalog, typed once a type is known") {
    EntityTable table(catalog());
    const auto first = static_cast<aikg::kb::EntityId>(catalog().entities().size());
    const auto korlum = table.local("KorLum AI", kUntyped);
    CHECK(korlum == first);
    CHECK(table.is_local(korlum));
    CHECK(table.local("KORLUM ai", "Organization") == korlum);  // same matching key
    CHECK(table.entity(korlum).name == "KorLum AI");
    CHECK(table.entity(korlum).type == "Organization");
    CHECK(table.local("korlum AI", "Model") == korlum);  // a real type stays
    CHECK(table.entity(korlum).type == "Organization");
    const auto priya = table.local("Priya Castillo", "Person");
    CHECK(priya == first + 1);
    CHECK(table.entity(priya).type == "Person");
}

TEST_CASE("each document's table starts empty, though the storage of an earlier one is reused") {
    const auto first = static_cast<aikg::kb::EntityId>(catalog().entities().size());
    {
        EntityTable earlier(catalog());
        for (int i = 0; i < 200; ++i) earlier.local("Name" + std::to_string(i), i % 2 ? "Person" : kUntyped);
        CHECK(earlier.entity(first + 199).name == "Name199");
    }
    EntityTable later(catalog());
    CHECK_THROWS_AS(later.entity(first), std::out_of_range);  // nothing of the earlier document shows through
    const auto zed = later.local("Zed Labs", kUntyped);
    CHECK(zed == first);
    CHECK(later.entity(zed).name == "Zed Labs");
    CHECK(later.entity(zed).type == kUntyped);
    CHECK(later.local("Name7", kUntyped) == first + 1);  // new here, not the earlier document's 7
    CHECK(later.entity(first + 1).type == kUntyped);
}

TEST_CASE("two tables alive at once on one thread keep their own names") {
    EntityTable a(catalog());
    EntityTable b(catalog());
    const auto first = static_cast<aikg::kb::EntityId>(catalog().entities().size());
    CHECK(a.local("Alpha", kUntyped) == first);
    CHECK(b.local("Beta", "Person") == first);
    CHECK(a.entity(first).name == "Alpha");
    CHECK(b.entity(first).name == "Beta");
    b.reveal_type(first, "Organization");  // Beta already has a type
    CHECK(b.entity(first).type == "Person");
    a.reveal_type(first, "Organization");
    CHECK(a.entity(first).type == "Organization");
}

TEST_CASE("names keep their entity after the thread's memo of matching keys fills up and starts over") {
    EntityTable table(catalog());
    const auto first = static_cast<aikg::kb::EntityId>(catalog().entities().size());
    // More names than the memo keeps (2^16): it starts over on the way.
    constexpr int kNames = 70'000;
    for (int i = 0; i < kNames; ++i) REQUIRE(table.local("Org" + std::to_string(i), kUntyped) == first + static_cast<aikg::kb::EntityId>(i));
    CHECK(table.local("ORG0", kUntyped) == first);
    CHECK(table.local("org69999", kUntyped) == first + kNames - 1);
    CHECK(table.entity(first + 12345).name == "Org12345");
    CHECK(table.local("Org70000", kUntyped) == first + kNames);
}

TEST_CASE("a type given to an untyped name is stamped with the step it was given at") {
    EntityTable table(catalog());
    table.set_step(2);
    const auto zed = table.local("Zed Nova", kUntyped);
    const auto priya = table.local("Priya Castillo", "Person");  // typed when first seen
    table.set_step(5);
    table.local("Zed Nova", "Person");
    CHECK(table.typed_after(zed, 4));  // still untyped when step 4 ended
    CHECK_FALSE(table.typed_after(zed, 5));
    CHECK_FALSE(table.typed_after(priya, 0));
    table.set_step(7);
    table.local("Zed Nova", "Organization");  // a real type stays, and so does its stamp
    CHECK_FALSE(table.typed_after(zed, 6));
    const auto acme = table.local("Acme Robotics", kUntyped);
    table.set_step(9);
    table.reveal_type(acme, "Organization");
    CHECK(table.typed_after(acme, 8));
    CHECK_FALSE(table.typed_after(0, 0));  // catalog entities never change
}
