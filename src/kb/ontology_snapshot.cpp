#include "kb/ontology_snapshot.hpp"

#include <stdexcept>
#include <string_view>

#include "kb/ontology_json.hpp"
#include "kb/snapshot_file.hpp"

namespace aikg::kb {
namespace {

// Bumped whenever what is saved changes shape.
constexpr std::string_view kFormat = "aikg ontology snapshot, format 1";
constexpr std::string_view kKind = "ontology";

}  // namespace

Ontology load_ontology(const std::filesystem::path& file, const std::optional<std::filesystem::path>& cache) {
    const auto print = cache ? snapshot::fingerprint(kFormat, {file}) : std::nullopt;
    if (print) {
        if (const auto body = snapshot::load(*cache, kKind, *print)) {
            try {
                return ontology_from_json(*body);
            } catch (const std::runtime_error&) {
                // Not a snapshot this program can read: the file is read instead.
            }
        }
    }
    Ontology ontology = Ontology::load(file);
    if (print) snapshot::save(*cache, kKind, *print, ontology_to_json(ontology));
    return ontology;
}

}  // namespace aikg::kb
