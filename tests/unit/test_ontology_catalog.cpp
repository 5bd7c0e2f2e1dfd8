#include <doctest/doctest.h>

#include <algorithm>

#include "kb/catalog.hpp"
#include "kb/diagnostics.hpp"
#include "kb/ontology.hpp"
#include "kb/ontology_json.hpp"
#include "same_ontology.hpp"
#include "temp_dir.hpp"

using aikg::kb::Catalog;
using aikg::kb::DataError;
using aikg::kb::Ontology;

namespace {

const Ontology& project_ontology() {
    static const Ontology o = Ontology::load(std::filesystem::path(AIKG_SOURCE_DIR) / "schemas" / "ontology.yaml");
    return o;
}

// Loads a one-file catalog and returns the diagnostics as "name:line: message" with the folder stripped.
std::vector<std::string> catalog_errors(const std::string& yaml) {
    TempDir dir;
    dir.write("c.yaml", yaml);
    try {
        Catalog::load(dir.path(), project_ontology());
    } catch (const DataError& e) {
        std::vector<std::string> out;
        for (const auto& d : e.diagnostics())
            out.push_back(std::filesystem::path(d.file).filename().string() + ":" + std::to_string(d.line) + ": " + d.message);
        return out;
    }
    return {};
}

bool any_starts(const std::vector<std::string>& v, const std::string& prefix) {
    return std::any_of(v.begin(), v.end(), [&](const std::string& s) { return s.rfind(prefix, 0) == 0; });
}

}  // namespace

TEST_CASE("the project's ontology declares every node and edge type") {
    const Ontology& o = project_ontology();
    for (const char* t : {"Organization", "Model", "Product", "Platform", "Dataset", "Person", "License", "Software"})
        CHECK(o.has_node_type(t));
    for (const char* e : {"released", "uses", "competes_with", "derived_from", "available_on", "trained_on", "licensed_under",
                          "partners_with", "affiliated_with", "part_of"})
        CHECK(o.edge_type(e) != nullptr);
    CHECK(o.edge_type("competes_with")->symmetric);
    CHECK_FALSE(o.edge_type("released")->symmetric);
    CHECK(o.allows(*o.edge_type("released"), "Organization", "Model"));
    CHECK_FALSE(o.allows(*o.edge_type("released"), "Model", "Organization"));
}

TEST_CASE("an ontology read back from its stored JSON equals the one loaded from YAML") {
    const Ontology& yaml = project_ontology();
    const Ontology back = aikg::kb::ontology_from_json(aikg::kb::ontology_to_json(yaml));
    check_same_ontology(yaml, back);
    CHECK(back.edge_type("competes_with")->symmetric);
    CHECK_THROWS_AS(aikg::kb::ontology_from_json("{\"node_types\": []}"), std::runtime_error);
    CHECK_THROWS_AS(aikg::kb::ontology_from_json("not json"), std::runtime_error);
}

TEST_CASE("a valid catalog loads and finds entities by any alias, case and script") {
    TempDir dir;
    dir.write("models.yaml",
              "entities:\n"
              "  - {name: Meta, type: Organization, aliases: [ميتا]}\n"
              "  - name: Llama 2\n"
              "    type: Model\n"
              "    aliases: [LLaMA-2, لاما 2]\n"
              "    openness: open-weights\n"
              "    openness_source: weights downloadable under a community licence\n"
              "    maker: Meta\n");
    const Catalog c = Catalog::load(dir.path(), project_ontology());
    REQUIRE(c.entities().size() == 2);
    CHECK(c.find("llama 2") == c.find("LLaMA-2"));
    CHECK(c.find("لاما 2") == c.find("Llama2"));
    CHECK(c.find("ميتا") == c.find("Meta"));
    CHECK_FALSE(c.find("Llama 3").has_value());
}

TEST_CASE("catalog errors carry the file and the 1-based line") {
    const auto errors = catalog_errors(
        "entities:\n"
        "  - {name: Meta, type: Company, aliases: []}\n"          // line 2: unknown type
        "  - {name: Llama, type: Model, aliases: [], openness: free, openness_source: x}\n"  // line 3
        "  - {name: Llama 2, type: Model, aliases: [Llama], colour: red}\n"             // line 4: alias clash + unknown key
        "  - {name: Zoom, type: Organization, aliases: [], openness: open, openness_source: x}\n"  // line 5
        "  - name: IBM\n"
        "    type: Organization\n"
        "    aliases: []\n"
        "    facts:\n"
        "      - [released, Nowhere]\n"                                // line 10: unknown object
        "      - [licensed_under, Llama]\n");                          // line 11: domain violation
    CHECK(any_starts(errors, "c.yaml:2: entity 'Meta' has unknown type 'Company'"));
    CHECK(any_starts(errors, "c.yaml:3: entity 'Llama' has unknown openness 'free'"));
    CHECK(any_starts(errors, "c.yaml:4: unknown key 'colour'"));
    CHECK(any_starts(errors, "c.yaml:4: 'Llama' of entity 'Llama 2' already names 'Llama'"));
    CHECK(any_starts(errors, "c.yaml:5: entity 'Zoom' is a Organization; only models carry openness"));
    CHECK(any_starts(errors, "c.yaml:10: entity 'IBM': fact object 'Nowhere' is not in the catalog"));
    CHECK(any_starts(errors, "c.yaml:11: entity 'IBM' (Organization) licensed_under 'Llama' (Model) violates the ontology"));
}

TEST_CASE("broken YAML is reported with its line") {
    const auto errors = catalog_errors("entities:\n  - name: Meta\n    type: Organization: x\n    aliases: []\n");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find("YAML syntax error") != std::string::npos);
    CHECK(any_starts(errors, "c.yaml:3:"));
}

TEST_CASE("an empty catalog file is an error, not an empty catalog") {
    const auto errors = catalog_errors("");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find("file is empty") != std::string::npos);
}

TEST_CASE("ontology errors name unknown node types with their line") {
    TempDir dir;
    const auto file = dir.write("ontology.yaml",
                                "node_types:\n  - {name: Model}\nedge_types:\n  - {name: uses, domain: [Model], range: [Robot]}\n"
                                "openness: [open]\n");
    try {
        Ontology::load(file);
        FAIL("expected a DataError");
    } catch (const DataError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        CHECK(e.diagnostics()[0].line == 4);
        CHECK(e.diagnostics()[0].message == "edge type 'uses' names unknown node type 'Robot'");
    }
}
