// Linguistic capabilities of the extractor, each pinned by a small example of
// our own, with the project's rules and the test catalog in tests/data/catalog.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <tuple>

#include "extract/extractor.hpp"
#include "kb/catalog.hpp"
#include "kb/ontology.hpp"

using aikg::extract::Extractor;
using aikg::extract::Fact;

namespace {

using Triple = std::tuple<std::string, std::string, std::string>;

struct Fixture {
    aikg::kb::Ontology ontology = aikg::kb::Ontology::load(std::filesystem::path(AIKG_SOURCE_DIR) / "schemas" / "ontology.yaml");
    aikg::kb::Catalog catalog = aikg::kb::Catalog::load(std::filesystem::path(AIKG_TEST_DATA) / "catalog", ontology);
    Extractor extractor{catalog, ontology,
                        aikg::extract::load_rules(std::filesystem::path(AIKG_SOURCE_DIR) / "schemas" / "rules", ontology)};
};

const Fixture& fixture() {
    static const Fixture f;
    return f;
}

std::vector<Fact> facts_of(const std::string& text, const std::string& lang) {
    aikg::corpus::Document doc;
    doc.id = "t";
    doc.lang = lang;
    doc.text = text;
    return fixture().extractor.extract(doc);
}

std::set<Triple> triples(const std::string& text, const std::string& lang) {
    std::set<Triple> out;
    for (const auto& f : facts_of(text, lang)) out.emplace(f.subject, f.relation, f.object);
    return out;
}

}  // namespace

TEST_CASE("Arabic: verb-first release with a cue word between the name and the model") {
    const auto t = triples("أطلقت Meta نموذج Llama 3.1 في يوليو.", "ar");
    CHECK(t.count({"Meta", "released", "Llama 3.1"}));
}

TEST_CASE("Arabic: proclitics glued to Latin and Arabic names, and a coordinated list") {
    const auto t = triples("تستخدم شركات مثل Zoom وSpotify وInfosys نموذج لاما.", "ar");
    CHECK(t.count({"Zoom", "uses", "Llama"}));
    CHECK(t.count({"Spotify", "uses", "Llama"}));
    CHECK(t.count({"Infosys", "uses", "Llama"}));
    const auto arabic_names = triples("تستخدم شركات مثل Zoom وسبوتيفاي نموذج لاما.", "ar");
    CHECK(arabic_names.count({"Spotify", "uses", "Llama"}));
}

TEST_CASE("Arabic: a possessive 'from' gives the maker") {
    const auto t = triples("تستخدم Shopify نموذج Llama 2 من Meta لتطبيقاتها.", "ar");
    CHECK(t.count({"Shopify", "uses", "Llama 2"}));
    CHECK(t.count({"Meta", "released", "Llama 2"}));
}

TEST_CASE("Arabic: 'these models' and 'the company' resolve to the latest mention") {
    const auto t = triples("ارتفعت تنزيلات نماذج Llama بسرعة. وأشارت الشركة إلى أن Zoom وSpotify تستخدم هذه النماذج.", "ar");
    CHECK(t.count({"Zoom", "uses", "Llama"}));
    CHECK(t.count({"Spotify", "uses", "Llama"}));
}

TEST_CASE("Arabic: negation suppresses a release") {
    const auto t = triples("لم تطلق OpenAI نموذج GPT-4o للجميع.", "ar");
    CHECK_FALSE(t.count({"OpenAI", "released", "GPT-4o"}));
    const auto affirmed = triples("أطلقت OpenAI نموذج GPT-4o للجميع.", "ar");
    CHECK(affirmed.count({"OpenAI", "released", "GPT-4o"}));
}

TEST_CASE("Arabic: a person's role ties them to the organisation") {
    const auto t = triples("قال مارك زوكربيرغ، الرئيس التنفيذي لشركة Meta، إن النماذج المفتوحة ستفوز.", "ar");
    CHECK(t.count({"Mark Zuckerberg", "affiliated_with", "Meta"}));
}

TEST_CASE("Arabic: availability through platforms, with the family's members listed") {
    const auto t = triples("أصبح نظام Llama — بما في ذلك Llama 2 وLlama 3.1 — متاحًا عبر Hugging Face وAzure.", "ar");
    CHECK(t.count({"Llama 2", "derived_from", "Llama"}));
    CHECK(t.count({"Llama 3.1", "derived_from", "Llama"}));
    CHECK(t.count({"Llama 2", "available_on", "Hugging Face"}));
    CHECK(t.count({"Llama 3.1", "available_on", "Microsoft Azure"}));
}

TEST_CASE("English: subject-verb-object, passive and possessive releases") {
    CHECK(triples("Meta released Llama 3.1 in July.", "en").count({"Meta", "released", "Llama 3.1"}));
    CHECK(triples("Mixtral 8x7B, developed by Mistral AI, is popular.", "en").count({"Mistral AI", "released", "Mixtral 8x7B"}));
    CHECK(triples("Meta's Llama 2 is widely used.", "en").count({"Meta", "released", "Llama 2"}));
    CHECK(triples("Meta’s Llama 2 is widely used.", "en").count({"Meta", "released", "Llama 2"}));
}

TEST_CASE("English: negation and hedges") {
    CHECK(triples("Meta did not release Llama 4 this year.", "en").empty());
    CHECK_FALSE(triples("Meta plans to release Llama 4 next year.", "en").count({"Meta", "released", "Llama 4"}));
}

TEST_CASE("English: licences, availability lists, rivalry, roles") {
    CHECK(triples("IBM Granite 3.0 is released under the Apache 2.0 license.", "en").count({"Granite 3.0", "licensed_under", "Apache 2.0"}));
    const auto avail = triples("Mixtral is available on AWS, Azure and Hugging Face.", "en");
    CHECK(avail.count({"Mixtral 8x7B", "available_on", "AWS"}));
    CHECK(avail.count({"Mixtral 8x7B", "available_on", "Microsoft Azure"}));
    CHECK(avail.count({"Mixtral 8x7B", "available_on", "Hugging Face"}));
    // competes_with is symmetric: written once, names in order.
    CHECK(triples("Llama 3.1 competes with GPT-4o.", "en").count({"GPT-4o", "competes_with", "Llama 3.1"}));
    CHECK(triples("Mark Zuckerberg, the CEO of Meta, said so.", "en").count({"Mark Zuckerberg", "affiliated_with", "Meta"}));
    CHECK(triples("The Granite 3.0 models were trained on The Stack.", "en").count({"Granite 3.0", "trained_on", "The Stack"}));
}

TEST_CASE("a name that is also a common word matches only when capitalised") {
    CHECK(triples("Meta released Falcon.", "en").count({"Meta", "released", "Falcon"}));
    CHECK(triples("Meta released falcon footage.", "en").empty());
}

TEST_CASE("evidence: the sentence, its byte span in the original, the rule and a confidence") {
    const std::string text = "مقدمة قصيرة. أطلقت Meta نموذج Llama 3.1 في يوليو.";
    const auto facts = facts_of(text, "ar");
    REQUIRE(facts.size() == 1);
    const Fact& f = facts[0];
    CHECK(f.sentence == "أطلقت Meta نموذج Llama 3.1 في يوليو.");
    CHECK(text.substr(f.start, f.end - f.start) == f.sentence);
    CHECK(f.rule.rfind("ar.released.", 0) == 0);
    CHECK(f.confidence > 0.5);
    CHECK(f.confidence <= 1.0);
    CHECK(f.subject_type == "Organization");
    CHECK(f.object_type == "Model");
}
