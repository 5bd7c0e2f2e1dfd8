#pragma once
// Checks that two ontologies say the same, field by field (a YAML load
// against one taken back from JSON or from a snapshot).

#include <doctest/doctest.h>

#include <cstddef>

#include "kb/ontology.hpp"

inline void check_same_ontology(const aikg::kb::Ontology& expected, const aikg::kb::Ontology& got) {
    CHECK(got.node_types() == expected.node_types());
    CHECK(got.openness_levels() == expected.openness_levels());
    REQUIRE(got.edge_types().size() == expected.edge_types().size());
    for (std::size_t i = 0; i < expected.edge_types().size(); ++i) {
        const auto& a = expected.edge_types()[i];
        const auto& b = got.edge_types()[i];
        CHECK(b.name == a.name);
        CHECK(b.domain == a.domain);
        CHECK(b.range == a.range);
        CHECK(b.symmetric == a.symmetric);
        CHECK(b.categories == a.categories);
        CHECK(b.overrides == a.overrides);
        CHECK(b.description == a.description);
    }
}
