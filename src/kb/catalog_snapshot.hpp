#pragma once
// A loaded catalog saved whole, so that the next command reading the very
// same files starts from it instead of parsing YAML again. yaml-cpp takes
// about 1,500 instructions a byte: the catalog was most of every command's
// start-up (50 ms), a twelfth of extracting 20 MB and most of a small shard's run.
//
// A snapshot is named after a fingerprint of everything the load read (the
// ontology file and every catalog file, paths and bytes) and of its own
// format, so an edited file, a moved folder or a new aikg never meets an old
// one. Only a load without a single problem is saved, so restoring one can
// report none either.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "kb/catalog.hpp"
#include "kb/ontology.hpp"
#include "kb/snapshot_file.hpp"

namespace aikg::kb {

struct CatalogSnapshot {
    static std::string save(const Catalog& catalog);
    // nullopt when `bytes` is not a whole snapshot of this format.
    static std::optional<Catalog> restore(std::string_view bytes);
};

// Catalog::load(dir, ontology), from a snapshot in `cache` when one was saved
// from the same files; a load from YAML is saved there (atomically: a rename)
// when it succeeds. Snapshots that cannot be read or written are ignored.
Catalog load_catalog(const std::filesystem::path& dir, const Ontology& ontology, const std::filesystem::path& ontology_file,
                     const std::optional<std::filesystem::path>& cache);

}  // namespace aikg::kb
