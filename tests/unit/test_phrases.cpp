// Phrase lists answer "may some phrase occur in this sentence" from the
// sentence's word bits (phrase.hpp: may_occur_in); stages skip a sentence on
// a no. The answer must never be no where a phrase matches.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

#include "bench/corpus_generator.hpp"
#include "corpus/document_reader.hpp"
#include "extract/analyzed_text.hpp"
#include "extract/mention_matcher.hpp"
#include "extract/phrase.hpp"
#include "extract/rules.hpp"
#include "kb/catalog.hpp"
#include "kb/ontology.hpp"

namespace fs = std::filesystem;
using aikg::extract::AnalyzedText;
using aikg::extract::PhraseList;

namespace {

const fs::path kRoot(AIKG_SOURCE_DIR);

bool matches_somewhere(const PhraseList& phrases, const AnalyzedText& text, const aikg::extract::SentenceTokens& s) {
    for (std::uint32_t t = s.first_token; t < s.end_token; ++t)
        if (aikg::extract::match_any(phrases, text, t, s.end_token) > 0) return true;
    return false;
}

}  // namespace

TEST_CASE("a phrase list says no for a sentence only when none of its phrases matches there") {
    const auto ontology = aikg::kb::Ontology::load(kRoot / "schemas" / "ontology.yaml");
    const auto catalog = aikg::kb::Catalog::load(kRoot / "graph", ontology);
    const auto sets = aikg::extract::load_rules(kRoot / "schemas" / "rules", ontology);
    const aikg::extract::MentionMatcher names(catalog);

    std::vector<aikg::corpus::Document> docs;
    const auto keep = [&docs](aikg::corpus::Document&& d) { docs.push_back(std::move(d)); };
    aikg::corpus::read_documents({(kRoot / "data" / "corpus").string()}, keep, [](const auto&) {});
    std::stringstream generated;
    aikg::bench::CorpusGenerator(catalog, kRoot / "data" / "bench" / "templates.yaml").write(generated, {.bytes = 150'000, .seed = 5});
    aikg::corpus::read_jsonl(generated, "generated", keep, [](const auto&) {});

    std::size_t said_no = 0, said_yes_and_matched = 0;
    for (const auto& doc : docs) {
        const aikg::extract::RuleSet* rules = nullptr;
        for (const auto& set : sets)
            if (set.language == doc.lang) rules = &set;
        REQUIRE(rules != nullptr);
        const AnalyzedText text = aikg::extract::analyze(doc.text, &rules->words, &names);
        for (const auto& sentence : text.sentences) {
            for (const PhraseList* list : {&rules->anaphor_phrases, &rules->type_cue_phrases, &rules->negation, &rules->hedge,
                                           &rules->attributes.month_phrases, &rules->attributes.openness_phrases,
                                           &rules->lexicons.at("role")}) {
                const bool matched = matches_somewhere(*list, text, sentence);
                if (!aikg::extract::may_occur_in(*list, text, sentence)) {
                    ++said_no;
                    CHECK_FALSE(matched);
                } else if (matched) {
                    ++said_yes_and_matched;
                }
            }
        }
    }
    // Both answers were given many times: the test saw sentences of each kind.
    CHECK(said_no > 1000);
    CHECK(said_yes_and_matched > 100);
}

TEST_CASE("without word numbers a phrase list cannot rule a sentence out") {
    const AnalyzedText text = aikg::extract::analyze("The company said so.");
    PhraseList anything;
    anything.push_back(aikg::extract::compile_phrase("company"));
    REQUIRE(text.sentences.size() == 1);
    CHECK(aikg::extract::may_occur_in(anything, text, text.sentences.front()));
}
