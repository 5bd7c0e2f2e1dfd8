#pragma once
// The ontology, from a snapshot of the very same file when one was saved:
// yaml-cpp took 5.7M instructions on its 3 KB, a fifth of the start-up of
// every command that extracts (about 2 ms of each run, and of each shard's).
// The snapshot holds the ontology as the store keeps it (kb/ontology_json.hpp),
// under a fingerprint of the file's path and bytes and of this program.

#include <filesystem>
#include <optional>

#include "kb/ontology.hpp"

namespace aikg::kb {

// Ontology::load(file), from a snapshot in `cache` when one was saved from
// the same file; a load from YAML is saved there when it succeeds (a load
// with problems throws, as Ontology::load does, and saves nothing).
Ontology load_ontology(const std::filesystem::path& file, const std::optional<std::filesystem::path>& cache);

}  // namespace aikg::kb
