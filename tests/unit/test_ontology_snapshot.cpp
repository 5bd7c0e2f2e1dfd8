// The ontology taken from its snapshot must be the ontology read from YAML,
// and a file that changed (or a snapshot that cannot be read) is read again.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "kb/diagnostics.hpp"
#include "kb/ontology_snapshot.hpp"
#include "project_files.hpp"
#include "same_ontology.hpp"
#include "temp_dir.hpp"

using aikg::kb::Ontology;

namespace {

std::size_t snapshots_in(const std::filesystem::path& cache) {
    std::size_t n = 0;
    for (const auto& entry : std::filesystem::directory_iterator(cache)) n += entry.path().extension() == ".bin";
    return n;
}

}  // namespace

TEST_CASE("the ontology is saved once, then taken from its snapshot equal to the YAML; an edited file is read again") {
    TempDir scratch;
    const auto cache = scratch.path() / "cache";
    const auto file = scratch.path() / "ontology.yaml";
    std::filesystem::copy_file(kSource / "schemas" / "ontology.yaml", file);
    const Ontology from_yaml = Ontology::load(file);

    const Ontology first = aikg::kb::load_ontology(file, cache);
    CHECK(snapshots_in(cache) == 1);
    const Ontology second = aikg::kb::load_ontology(file, cache);
    CHECK(snapshots_in(cache) == 1);
    check_same_ontology(from_yaml, first);
    check_same_ontology(from_yaml, second);

    // One node type more: the old snapshot no longer fits the file.
    std::string text;
    {
        std::ifstream in(file);
        text.assign(std::istreambuf_iterator<char>(in), {});
    }
    const auto at = text.find("node_types:\n");
    REQUIRE(at != std::string::npos);
    text.insert(at + std::string("node_types:\n").size(), "  - name: Zyxwv\n    description: a type added by the test\n");
    std::ofstream(file, std::ios::trunc) << text;
    const Ontology after_edit = aikg::kb::load_ontology(file, cache);
    CHECK(after_edit.has_node_type("Zyxwv"));
    CHECK(after_edit.node_types().size() == from_yaml.node_types().size() + 1);
    CHECK(snapshots_in(cache) == 2);

    // A broken file is reported as the YAML load reports it, and saves nothing.
    std::ofstream(file, std::ios::trunc) << "node_types: [Organization\n";
    CHECK_THROWS_AS(aikg::kb::load_ontology(file, cache), aikg::kb::DataError);
    CHECK(snapshots_in(cache) == 2);
}

TEST_CASE("a snapshot whose body is not an ontology is passed over and the file read") {
    TempDir scratch;
    const auto cache = scratch.path() / "cache";
    const auto file = scratch.path() / "ontology.yaml";
    std::filesystem::copy_file(kSource / "schemas" / "ontology.yaml", file);
    aikg::kb::load_ontology(file, cache);
    REQUIRE(snapshots_in(cache) == 1);
    for (const auto& entry : std::filesystem::directory_iterator(cache)) {
        std::string bytes;
        {
            std::ifstream in(entry.path(), std::ios::binary);
            bytes.assign(std::istreambuf_iterator<char>(in), {});
        }
        // Keep the header, spoil the JSON body's last bytes.
        REQUIRE(bytes.size() > 8);
        bytes.replace(bytes.size() - 8, 8, "@@@@@@@@");
        std::ofstream(entry.path(), std::ios::binary | std::ios::trunc) << bytes;
    }
    check_same_ontology(Ontology::load(file), aikg::kb::load_ontology(file, cache));
}
