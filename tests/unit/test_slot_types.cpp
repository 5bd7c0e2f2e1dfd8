// Type bits (extract/slot_types.hpp) decide which names fill a rule's slots.
// They must give what comparing type names gives, which stays the answer
// when an ontology has more types than bits.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

#include "bench/corpus_generator.hpp"
#include "corpus/document_reader.hpp"
#include "extract/extractor.hpp"
#include "extract/fact_writer.hpp"
#include "extract/slot_types.hpp"
#include "kb/catalog.hpp"
#include "kb/ontology.hpp"

namespace fs = std::filesystem;
using aikg::extract::TypeBits;
using aikg::kb::Ontology;

namespace {

const fs::path kRoot(AIKG_SOURCE_DIR);

Ontology project_ontology() { return Ontology::load(kRoot / "schemas" / "ontology.yaml"); }

// The project's ontology with invented node types added until the types outnumber the bits.
Ontology padded_ontology(const Ontology& base) {
    std::vector<std::string> types = base.node_types();
    for (int i = 0; types.size() <= 64; ++i) types.push_back("Padding" + std::to_string(i));
    return Ontology::from_parts(types, base.edge_types(), base.openness_levels());
}

std::string extracted(const aikg::extract::Extractor& extractor, const std::vector<aikg::corpus::Document>& docs) {
    std::ostringstream out;
    for (const auto& doc : docs)
        for (const auto& fact : extractor.extract(doc)) aikg::extract::write_jsonl(out, fact);
    return out.str();
}

}  // namespace

TEST_CASE("type bits: one bit per type, none for a type no slot asks for") {
    const Ontology ontology = project_ontology();
    const auto rules = aikg::extract::load_rules(kRoot / "schemas" / "rules", ontology);
    const TypeBits bits(ontology, rules);
    REQUIRE(bits.exact());
    std::uint64_t seen = 0;
    for (const std::string& type : ontology.node_types()) {
        CAPTURE(type);
        const std::uint64_t bit = bits.bit(type);
        CHECK(bit != 0);
        CHECK((bit & (bit - 1)) == 0);  // a single bit
        CHECK((seen & bit) == 0);       // not another type's
        seen |= bit;
    }
    CHECK(bits.bit("NoSuchType") == 0);
    CHECK(bits.bits({"Organization", "Model"}) == (bits.bit("Organization") | bits.bit("Model")));
    CHECK_FALSE(TypeBits(padded_ontology(ontology), rules).exact());
}

TEST_CASE("type bits and type names give the same facts") {
    const Ontology exact_ontology = project_ontology();
    const Ontology padded = padded_ontology(exact_ontology);
    const auto catalog = aikg::kb::Catalog::load(kRoot / "graph", exact_ontology);
    const aikg::extract::Extractor with_bits(catalog, exact_ontology, aikg::extract::load_rules(kRoot / "schemas" / "rules", exact_ontology));
    const aikg::extract::Extractor with_names(catalog, padded, aikg::extract::load_rules(kRoot / "schemas" / "rules", padded));

    // The sample corpus, and generated articles in both languages with every relation template.
    std::vector<aikg::corpus::Document> docs;
    const auto keep = [&docs](aikg::corpus::Document&& d) { docs.push_back(std::move(d)); };
    aikg::corpus::read_documents({(kRoot / "data" / "corpus").string()}, keep, [](const auto&) {});
    const aikg::bench::CorpusGenerator generator(catalog, kRoot / "data" / "bench" / "templates.yaml");
    std::stringstream generated;
    generator.write(generated, {.bytes = 300'000, .seed = 11});
    aikg::corpus::read_jsonl(generated, "generated", keep, [](const auto&) {});
    REQUIRE(docs.size() > 50);

    const std::string facts = extracted(with_bits, docs);
    CHECK(std::count(facts.begin(), facts.end(), '\n') > 500);
    CHECK(facts == extracted(with_names, docs));
}
