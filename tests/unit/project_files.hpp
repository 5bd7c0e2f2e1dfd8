#pragma once
// The project's own data files, for tests that check loaders against them.

#include <filesystem>

#include "kb/ontology.hpp"

inline const std::filesystem::path kSource(AIKG_SOURCE_DIR);

// schemas/ontology.yaml, loaded once per test run.
inline const aikg::kb::Ontology& project_ontology() {
    static const aikg::kb::Ontology ontology = aikg::kb::Ontology::load(kSource / "schemas" / "ontology.yaml");
    return ontology;
}
