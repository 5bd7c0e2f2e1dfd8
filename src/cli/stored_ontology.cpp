// The ontology a store was built with, kept in its meta table as JSON under
// the hash of the YAML file's bytes: a query whose --schemas file is
// byte-identical reads that instead of parsing YAML; any other file is parsed.

#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "cli/knowledge.hpp"
#include "kb/ontology_json.hpp"

namespace aikg::cli {

namespace {

constexpr const char* kSourceKey = "ontology_source";
constexpr const char* kJsonKey = "ontology_json";

std::filesystem::path ontology_file(const ProjectPaths& paths) { return paths.schemas_dir / "ontology.yaml"; }

// The JSON form's version goes into the key: a store written by an aikg with
// another form is simply not used.
std::optional<std::string> source_key(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return "json1:" + store::content_hash(bytes.str());
}

}  // namespace

kb::Ontology load_ontology(const ProjectPaths& paths, store::Store& store) {
    const auto file = ontology_file(paths);
    if (const auto key = source_key(file); key && store.meta(kSourceKey) == key) {
        if (const auto json = store.meta(kJsonKey)) {
            try {
                return kb::ontology_from_json(*json);
            } catch (const std::runtime_error&) {
                // A damaged copy is no reason to fail: the YAML file is the source.
            }
        }
    }
    return kb::Ontology::load(file);
}

void remember_ontology(const ProjectPaths& paths, const kb::Ontology& ontology, store::Store& store) {
    const auto key = source_key(ontology_file(paths));
    if (!key || store.meta(kSourceKey) == key) return;
    store::Transaction tx(store.db());
    store.set_meta(kSourceKey, *key);
    store.set_meta(kJsonKey, kb::ontology_to_json(ontology));
    tx.commit();
}

}  // namespace aikg::cli
