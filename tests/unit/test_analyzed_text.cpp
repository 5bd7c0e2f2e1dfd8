#include <doctest/doctest.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "extract/analyzed_text.hpp"
#include "extract/mention_matcher.hpp"
#include "extract/rules.hpp"
#include "extract/packed_token.hpp"
#include "kb/catalog.hpp"
#include "kb/ontology.hpp"
#include "text/clitics.hpp"

TEST_CASE("a token's packed facts keep their counts in the header, and refuse counts past it") {
    namespace packed = aikg::extract::packed_token;
    // wa-sharika: one rule word (5), readings with prefixes of 0 and 2 bytes
    // (one number, a byte each), their trie roots 7 and 11.
    const std::vector<std::uint32_t> wa_sharika = {packed::header(2, 1, true, false, true), 5, 0 | 2 << 8, 7, 11};
    CHECK(packed::size(wa_sharika[0]) == wa_sharika.size());
    CHECK(packed::prefix_bytes(wa_sharika.data(), 0) == 0);
    CHECK(packed::prefix_bytes(wa_sharika.data(), 1) == 2);
    // A token that starts no name keeps no roots; five readings take two numbers.
    std::vector<std::uint32_t> wal = {packed::header(5, 0, true, false, false)};
    packed::append_prefixes(std::vector<std::size_t>{0, 2, 4, 6, 8}, wal);
    CHECK(wal == std::vector<std::uint32_t>{wal[0], 0 | 2 << 8 | 4 << 16 | 6u << 24, 8});
    CHECK(packed::size(wal[0]) == wal.size());
    for (std::size_t r = 0; r < 5; ++r) CHECK(packed::prefix_bytes(wal.data(), r) == 2 * r);
    CHECK_THROWS_AS(packed::append_prefixes(std::vector<std::size_t>{256}, wal), std::length_error);
    CHECK(packed::readings(wa_sharika[0]) == 2);
    CHECK(packed::words(wa_sharika[0]) == 1);
    CHECK(packed::has_roots(wa_sharika[0]));
    CHECK(packed::starts_name(wa_sharika[0]));
    CHECK_FALSE(packed::soft(wa_sharika[0]));
    const std::uint32_t hyphen = packed::header(1, 0, false, true);
    CHECK(packed::soft(hyphen));
    CHECK(packed::size(hyphen) == 2);
    CHECK_THROWS_AS(packed::header(256, 0, false, false), std::length_error);
    CHECK_THROWS_AS(packed::header(1, 70000, false, false), std::length_error);
}

namespace {

struct Knowledge {
    aikg::kb::Ontology ontology = aikg::kb::Ontology::load(std::filesystem::path(AIKG_SOURCE_DIR) / "schemas" / "ontology.yaml");
    aikg::kb::Catalog catalog = aikg::kb::Catalog::load(std::filesystem::path(AIKG_SOURCE_DIR) / "graph", ontology);
    std::vector<aikg::extract::RuleSet> rules = aikg::extract::load_rules(std::filesystem::path(AIKG_SOURCE_DIR) / "schemas" / "rules", ontology);
    aikg::extract::MentionMatcher names{catalog};
};

// Every token's packed facts against looking the token up afresh.
void check_facts_are_lookups(const aikg::extract::AnalyzedText& a, const aikg::extract::WordIndex& words,
                             const aikg::extract::MentionMatcher& names) {
    REQUIRE(a.indexed());
    REQUIRE(a.has_name_roots());
    for (std::size_t t = 0; t < a.tokens.size(); ++t) {
        const std::string_view token = a.token_text(t);
        CAPTURE(token);
        const auto readings = aikg::text::proclitic_readings(token);
        REQUIRE(a.reading_count(t) == readings.size());
        std::vector<std::uint32_t> expected_words;
        bool starts_name = false;
        for (std::size_t r = 0; r < readings.size(); ++r) {
            CHECK(a.reading(t, r).prefix == readings[r].prefix);
            CHECK(a.reading(t, r).stem == readings[r].stem);
            CHECK(a.name_root(t, r) == names.root_of(readings[r].stem));
            starts_name = starts_name || names.root_of(readings[r].stem) != aikg::extract::MentionMatcher::kNoNode;
            words.lookup(readings[r].stem, expected_words);
        }
        CHECK(std::vector<std::uint32_t>(a.words_begin(t), a.words_end(t)) == expected_words);
        CHECK(a.has_no_words(t) == expected_words.empty());
        for (const std::uint32_t id : expected_words) CHECK(a.has_word(t, id));
        CHECK(a.may_start_name(t) == starts_name);
        CHECK(a.is_soft(t) == aikg::text::is_soft_separator(token));
    }
}

}  // namespace

TEST_CASE("analysing a text again, from the memo, gives each token's readings, rule words, name roots and soft separators") {
    static const Knowledge k;
    const std::string text =
        "وقالت الشركة إن Llama-3 و\xD9\x84\xD9\x80Mistral، ثم قالت الشركة إن Llama-3 وMistral. "
        "وأطلقت ميتا نموذج لاما للشركات، وبالنموذج. Meta released Llama 3.1 on Hugging Face; IBM's Granite is open-source.";
    for (const auto& set : k.rules) {
        CAPTURE(set.language);
        const aikg::extract::AnalyzedText first = aikg::extract::analyze(text, &set.words, &k.names);
        const aikg::extract::AnalyzedText again = aikg::extract::analyze(text, &set.words, &k.names);
        check_facts_are_lookups(first, set.words, k.names);
        check_facts_are_lookups(again, set.words, k.names);
        std::size_t soft = 0;
        for (std::size_t i = 0; i < again.tokens.size(); ++i) soft += again.is_soft(i);
        CHECK(soft == 3);  // the hyphens of Llama-3 (twice) and open-source
    }
}

TEST_CASE("an analysis into buffers that held another document equals a fresh one") {
    const std::vector<std::string> documents = {
        "وقالت الشركة إن Llama-3 وMistral متاحان. ثم قالت الشركة إن النماذج مفتوحة المصدر، وإن Meta أطلقت Llama 3.1 في يوليو.",
        "Short.",
        "Meta released Llama 3.1 on Hugging Face. IBM's Granite 3.0 is open-weights.\nA second paragraph, with a list: A, B and C.",
        "",
        "وأطلقت ميتا نموذج لاما.",
    };
    aikg::extract::ThreadAnalysis lent;
    for (int round = 0; round < 2; ++round) {
        for (const std::string& text : documents) {
            CAPTURE(text);
            aikg::extract::analyze(text, lent.get());
            const aikg::extract::AnalyzedText& reused = lent.get();
            const aikg::extract::AnalyzedText fresh = aikg::extract::analyze(text);
            REQUIRE(reused.tokens.size() == fresh.tokens.size());
            for (std::size_t i = 0; i < fresh.tokens.size(); ++i) CHECK(reused.token_text(i) == fresh.token_text(i));
            CHECK(reused.normalized.text == fresh.normalized.text);
            for (std::size_t i = 0; i < fresh.tokens.size(); ++i) {
                CHECK(reused.is_soft(i) == fresh.is_soft(i));
                REQUIRE(reused.reading_count(i) == fresh.reading_count(i));
                for (std::size_t r = 0; r < fresh.reading_count(i); ++r) CHECK(reused.reading(i, r).stem == fresh.reading(i, r).stem);
            }
            REQUIRE(reused.sentences.size() == fresh.sentences.size());
            for (std::size_t i = 0; i < fresh.sentences.size(); ++i) {
                CHECK(reused.sentences[i].first_token == fresh.sentences[i].first_token);
                CHECK(reused.sentences[i].end_token == fresh.sentences[i].end_token);
                CHECK(reused.sentences[i].bytes.begin == fresh.sentences[i].bytes.begin);
            }
        }
    }
}
