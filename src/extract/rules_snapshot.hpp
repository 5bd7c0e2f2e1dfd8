#pragma once
// Compiled rule sets saved whole, so that the next command reading the very
// same rule files starts from them instead of parsing YAML again: with the
// catalog restored from its own snapshot (kb/catalog_snapshot.hpp), the two
// rule files (33 KB of YAML, about 55M instructions in yaml-cpp) were most
// of every extracting command's start-up, on the path a run of --jobs N
// cannot divide, and most of a small shard's run.
//
// Named after a fingerprint of the ontology file, every rule file and this
// program (kb/snapshot_file.hpp). Only a load without a single problem is
// saved, so restoring one can report none either.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/rules.hpp"
#include "kb/ontology.hpp"

namespace aikg::kb::snapshot {
class Writer;
class Reader;
}  // namespace aikg::kb::snapshot

namespace aikg::extract {

struct RulesSnapshot {
    static std::string save(const std::vector<RuleSet>& sets);
    // nullopt when `bytes` is not a whole snapshot of this format, or names a
    // relation `ontology` does not have. Each rule set's WordIndex gets a new
    // generation, as a freshly built one would.
    static std::optional<std::vector<RuleSet>> restore(std::string_view bytes, const kb::Ontology& ontology);

private:
    // The word index's frozen arrays are its own (WordIndex befriends this).
    template <class Io, class I>
    static void index_fields(Io& io, I& index);
    static void restore_index(kb::snapshot::Reader& r, WordIndex& index);
};

// load_rules(dir, ontology), from a snapshot in `cache` when one was saved
// from the same files; a load from YAML is saved there when it succeeds.
std::vector<RuleSet> load_rules(const std::filesystem::path& dir, const kb::Ontology& ontology, const std::filesystem::path& ontology_file,
                                const std::optional<std::filesystem::path>& cache);

}  // namespace aikg::extract
