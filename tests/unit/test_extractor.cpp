// Linguistic capabilities of the extractor, each pinned by a small example of
// our own, with the project's rules and the test catalog in tests/data/catalog.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <span>
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

// --- constructions beyond subject-verb-object, in both languages ---------------

TEST_CASE("the launch of a model names its maker when the article names the maker") {
    CHECK(triples("أعلنت Meta عن أرقام جديدة. ومنذ إطلاق Llama 3.1 تضاعفت التنزيلات.", "ar").count({"Meta", "released", "Llama 3.1"}));
    CHECK(triples("Meta reported new figures. The launch of Llama 3.1 doubled downloads.", "en").count({"Meta", "released", "Llama 3.1"}));
    // No maker in the article: the catalog's knowledge alone states nothing.
    CHECK(triples("ومنذ إطلاق Llama 3.1 تضاعفت التنزيلات.", "ar").empty());
    CHECK(triples("The launch of Llama 3.1 doubled downloads.", "en").empty());
}

TEST_CASE("a maker's name before a model's is one model, made by that maker") {
    const auto ar = triples("تستخدم Shopify نموذج Meta Llama 2 في متجرها.", "ar");
    CHECK(ar.count({"Meta", "released", "Llama 2"}));
    CHECK(ar.count({"Shopify", "uses", "Llama 2"}));
    CHECK_FALSE(ar.count({"Shopify", "uses", "Meta"}));
    const auto en = triples("Shopify runs the Meta Llama 2 model.", "en");
    CHECK(en.count({"Meta", "released", "Llama 2"}));
    CHECK(en.count({"Shopify", "uses", "Llama 2"}));
    // A platform named like its company stands for the company where an organisation is needed.
    CHECK(triples("تستخدم Zoom نموذج Hugging Face StarCoder.", "ar").count({"Hugging Face Inc.", "released", "StarCoder"}));
}

TEST_CASE("open and closed models are recognised from words, and only rival") {
    CHECK(triples("يتنافس Llama 3.1 مع النماذج الرائدة مغلقة المصدر.", "ar").count({"Llama 3.1", "competes_with", "closed models"}));
    CHECK(triples("Llama 3.1 competes with proprietary AI systems.", "en").count({"Llama 3.1", "competes_with", "closed models"}));
    // "not only ... but": no negation.
    CHECK(triples("إن Llama 3.1 لا يتنافس فقط مع النماذج المغلقة بل يتفوق عليها.", "ar").count({"Llama 3.1", "competes_with", "closed models"}));
    // A category is never a user or a maker.
    CHECK_FALSE(triples("تستخدم Zoom النماذج المفتوحة في منتجاتها.", "ar").count({"Zoom", "uses", "open models"}));
    const auto gap = triples("تقلصت الفجوة بين النماذج المفتوحة والمغلقة هذا العام.", "ar");
    CHECK(gap.count({"closed models", "competes_with", "open models"}));
}

TEST_CASE("a rivalry between the members of a list") {
    CHECK(triples("تستمر المنافسة بين Linux وUnix منذ عقود.", "ar").count({"Linux", "competes_with", "Unix"}));
    CHECK(triples("The rivalry between Linux and Unix shaped the industry.", "en").count({"Linux", "competes_with", "Unix"}));
}

TEST_CASE("words before a name pick its sense: a model's name used for its dataset") {
    const auto ar = triples("تم تدريب Granite 3.0 على مجموعات بيانات مثل GitHub Code Clean وStarCoder.", "ar");
    CHECK(ar.count({"Granite 3.0", "trained_on", "GitHub Code Clean"}));
    CHECK(ar.count({"Granite 3.0", "trained_on", "StarCoder"}));
    const auto en = triples("Granite 3.0 was trained on datasets such as GitHub Code Clean and StarCoder.", "en");
    CHECK(en.count({"Granite 3.0", "trained_on", "StarCoder"}));
}

TEST_CASE("derivatives listed after their base model") {
    const auto ar = triples("منذ إطلاق Llama ظهرت آلاف النماذج المشتقة، مثل Vicuna وAlpaca.", "ar");
    CHECK(ar.count({"Vicuna", "derived_from", "Llama"}));
    CHECK(ar.count({"Alpaca", "derived_from", "Llama"}));
    const auto en = triples("Llama has thousands of derivatives, such as Vicuna and Alpaca.", "en");
    CHECK(en.count({"Vicuna", "derived_from", "Llama"}));
}

TEST_CASE("an organisation's own models and products") {
    CHECK(triples("خفضت OpenAI أسعار نماذجها الحالية، بما في ذلك GPT-4o.", "ar").count({"OpenAI", "released", "GPT-4o"}));
    CHECK(triples("OpenAI cut the prices of its models, including GPT-4o.", "en").count({"OpenAI", "released", "GPT-4o"}));
    CHECK(triples("تعاونت Meta مع جامعة ستانفورد لمشروعها Alpaca.", "ar").count({"Stanford University", "released", "Alpaca"}));
}

TEST_CASE("a deployment line: the organisation's product runs on the model") {
    const auto ar = triples("Shopify: تقوم بتطبيق Llama 2 في Sidekick، أداة للتجار.", "ar");
    CHECK(ar.count({"Sidekick", "uses", "Llama 2"}));
    CHECK(ar.count({"Shopify", "released", "Sidekick"}));
    CHECK_FALSE(ar.count({"Shopify", "uses", "Sidekick"}));  // released overrides uses for the same pair
    const auto en = triples("Shopify: the company runs Llama 2 in Sidekick, its assistant for merchants.", "en");
    CHECK(en.count({"Sidekick", "uses", "Llama 2"}));
}

TEST_CASE("names the catalog does not know") {
    // Latin script in Arabic text is a name; the cue word types it.
    const auto ar = triples("تستخدم شركة Acme Labs نموذج Llama 2 في عملها.", "ar");
    CHECK(ar.count({"Acme Labs", "uses", "Llama 2"}));
    // An Arabic-script person introduced by a role.
    CHECK(triples("قال سامي نور، الرئيس التنفيذي لشركة Shopify، إن النتائج جيدة.", "ar").count({"سامي نور", "affiliated_with", "Shopify"}));
    // English: capitalised names need a cue; a place is not taken for a user.
    CHECK(triples("The startup Acme Labs uses Llama 2 for support.", "en").count({"Acme Labs", "uses", "Llama 2"}));
    CHECK(triples("Sami Noor, the CEO of Shopify, said so.", "en").count({"Sami Noor", "affiliated_with", "Shopify"}));
    CHECK(triples("In Cairo, Llama 2 is popular.", "en").empty());
}

TEST_CASE("a sentence is read with what the article said up to its end, not with what a later sentence reveals") {
    // The first sentence takes the unknown Zed Nova for an organisation; the
    // second shows a person. Mentions are found for every sentence before
    // any rule runs, and the first sentence's partnership still stands.
    const auto first = triples("أعلنت Zed Nova عن شراكة مع Shopify.", "ar");
    REQUIRE(first.count({"Shopify", "partners_with", "Zed Nova"}));
    const auto both =
        triples("أعلنت Zed Nova عن شراكة مع Shopify. وقال Zed Nova، الرئيس التنفيذي لشركة Shopify، إن النتائج جيدة.", "ar");
    CHECK(both.count({"Shopify", "partners_with", "Zed Nova"}));
    CHECK(both.count({"Zed Nova", "affiliated_with", "Shopify"}));
}

TEST_CASE("catalog knowledge completes what the text implies") {
    // A person at a lab is with the lab's parent too, when the article names the parent.
    const auto t = triples("IBM published new models. Kate Soule, a director at IBM Research, said they are open.", "en");
    CHECK(t.count({"Kate Soule", "affiliated_with", "IBM Research"}));
    CHECK(t.count({"Kate Soule", "affiliated_with", "IBM"}));
    CHECK(t.count({"IBM Research", "part_of", "IBM"}));
    // A version named beside its family in one sentence.
    CHECK(triples("عائلة Llama تضم Llama 2 وLlama 3.1.", "ar").count({"Llama 2", "derived_from", "Llama"}));
}

TEST_CASE("attributes stated beside a fact: openness, parameters, dates resolved against the article date") {
    aikg::corpus::Document doc;
    doc.id = "t";
    doc.lang = "ar";
    doc.date = "2024-09-10";
    doc.text = "أطلقت Meta نموذج Llama 3.1 مفتوح المصدر الذي يحتوي على 405 مليار معلمة في يوليو.";
    auto facts = fixture().extractor.extract(doc);
    REQUIRE(facts.size() == 1);
    CHECK(facts[0].date == "2024-07");  // July before the article's September
    CHECK(facts[0].object_attributes.at("openness") == "open-weights");
    CHECK(facts[0].object_attributes.at("parameters") == "405B");

    doc.lang = "en";
    doc.date = "2024-03-01";
    doc.text = "OpenAI launched the proprietary GPT-4o in November.";
    facts = fixture().extractor.extract(doc);
    REQUIRE(facts.size() == 1);
    CHECK(facts[0].date == "2023-11");  // November after the article's March: the year before
    CHECK(facts[0].object_attributes.at("openness") == "closed");

    doc.text = "Meta released Llama 3.1 with 405 billion parameters on 23 July 2024.";
    facts = fixture().extractor.extract(doc);
    REQUIRE(facts.size() == 1);
    CHECK(facts[0].date == "2024-07-23");
    CHECK(facts[0].object_attributes.at("parameters") == "405B");
    // Downloads are counted, not parameters.
    CHECK(facts_of("أطلقت Meta نموذج Llama 3.1 وبلغت تنزيلاته 350 مليون تنزيل.", "ar").at(0).object_attributes.count("parameters") == 0);
}

TEST_CASE("passives and coreference in both languages") {
    CHECK(triples("تم إطلاق نموذج Mixtral 8x7B من قبل Mistral AI في ديسمبر.", "ar").count({"Mistral AI", "released", "Mixtral 8x7B"}));
    CHECK(triples("Llama 2 was released by Meta in July.", "en").count({"Meta", "released", "Llama 2"}));
    const auto en = triples("Mistral AI is growing fast. The company released Mixtral 8x7B in December.", "en");
    CHECK(en.count({"Mistral AI", "released", "Mixtral 8x7B"}));
    const auto ar = triples("تنمو Mistral AI بسرعة. وقد أطلقت الشركة نموذج Mixtral 8x7B في ديسمبر.", "ar");
    CHECK(ar.count({"Mistral AI", "released", "Mixtral 8x7B"}));
}

TEST_CASE("partnerships and families in both languages") {
    CHECK(triples("تتعاون IBM مع Meta في تحالف جديد.", "ar").count({"IBM", "partners_with", "Meta"}));
    CHECK(triples("IBM partnered with Meta on a new alliance.", "en").count({"IBM", "partners_with", "Meta"}));
    CHECK(triples("Vicuna is a fine-tuned version of Llama.", "en").count({"Vicuna", "derived_from", "Llama"}));
    CHECK(triples("نموذج Vicuna مبني على Llama.", "ar").count({"Vicuna", "derived_from", "Llama"}));
}

TEST_CASE("an article's facts handed over at once are the facts handed over one by one") {
    aikg::corpus::Document doc;
    doc.id = "t";
    doc.lang = "en";
    doc.text = "Meta released Llama 3.1 on Hugging Face. IBM released Granite 3.0 under the Apache 2.0 license. Mistral AI competes with OpenAI.";
    std::vector<Fact> one_by_one;
    fixture().extractor.for_each_fact(doc, [&](const aikg::extract::FactView& f) { one_by_one.push_back(f.materialise()); });
    std::vector<Fact> at_once;
    int calls = 0;
    fixture().extractor.with_facts(doc, [&](std::span<const aikg::extract::FactView> facts) {
        ++calls;
        for (const auto& f : facts) at_once.push_back(f.materialise());
    });
    CHECK(calls == 1);
    REQUIRE(one_by_one.size() >= 3);
    REQUIRE(at_once.size() == one_by_one.size());
    for (std::size_t i = 0; i < at_once.size(); ++i) {
        CHECK(at_once[i].subject == one_by_one[i].subject);
        CHECK(at_once[i].relation == one_by_one[i].relation);
        CHECK(at_once[i].object == one_by_one[i].object);
        CHECK(at_once[i].rule == one_by_one[i].rule);
        CHECK(at_once[i].sentence == one_by_one[i].sentence);
        CHECK(at_once[i].confidence == one_by_one[i].confidence);
    }
    // A language without rules still gets its (empty) hand-over: a build records the article.
    doc.lang = "fr";
    calls = 0;
    fixture().extractor.with_facts(doc, [&](std::span<const aikg::extract::FactView> facts) {
        ++calls;
        CHECK(facts.empty());
    });
    CHECK(calls == 1);
}
