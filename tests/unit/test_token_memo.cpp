#include <doctest/doctest.h>

#include <string>

#include "extract/analyzed_text.hpp"
#include "extract/token_memo.hpp"

using aikg::extract::TokenMemo;

TEST_CASE("a chunk's packed tokens come back under its id, until the text memo's generation changes") {
    TokenMemo memo(1, 2);
    const TokenMemo::Packed wa_sharika = {TokenMemo::header(2, 1, true, false), 0, 2, 7, 11, 5};
    memo.remember(10, 3, wa_sharika);
    memo.remember(10, 0, {TokenMemo::header(1, 0, false, true), 0});
    const std::uint32_t* got = memo.find(10, 3);
    REQUIRE(got != nullptr);
    CHECK(std::vector<std::uint32_t>(got, got + wa_sharika.size()) == wa_sharika);
    CHECK(TokenMemo::readings(got[0]) == 2);
    CHECK(TokenMemo::words(got[0]) == 1);
    CHECK(TokenMemo::has_roots(got[0]));
    CHECK_FALSE(TokenMemo::soft(got[0]));
    REQUIRE(memo.find(10, 0) != nullptr);
    CHECK(TokenMemo::soft(*memo.find(10, 0)));
    CHECK(memo.find(10, 1) == nullptr);
    CHECK(memo.find(10, 4000) == nullptr);
    // Ids of another generation name other chunks: nothing of the old one is kept.
    CHECK(memo.find(11, 3) == nullptr);
    CHECK(memo.find(10, 3) == nullptr);
}

TEST_CASE("each rule set and catalog has its own memo on a thread") {
    TokenMemo& arabic = TokenMemo::of_thread(101, 7);
    TokenMemo& english = TokenMemo::of_thread(102, 7);
    CHECK(&arabic != &english);
    CHECK(&TokenMemo::of_thread(101, 7) == &arabic);
    arabic.remember(5, 1, {TokenMemo::header(1, 0, false, false), 0});
    CHECK(english.find(5, 1) == nullptr);
    CHECK(arabic.find(5, 1) != nullptr);
    CHECK(arabic.is_for(101, 7));
    CHECK_FALSE(arabic.is_for(101, 8));
}

TEST_CASE("analysing a text again, from the memo, gives the same readings, soft separators and token texts") {
    const std::string text = "وقالت الشركة إن Llama-3 و\xD9\x84\xD9\x80Mistral، ثم قالت الشركة إن Llama-3 وMistral.";
    const aikg::extract::AnalyzedText first = aikg::extract::analyze(text);
    const aikg::extract::AnalyzedText again = aikg::extract::analyze(text);
    REQUIRE(first.tokens.size() == again.tokens.size());
    REQUIRE(first.readings.size() == again.readings.size());
    for (std::size_t i = 0; i < first.readings.size(); ++i) {
        CHECK(first.readings[i].prefix == again.readings[i].prefix);
        CHECK(first.readings[i].stem == again.readings[i].stem);
    }
    CHECK(first.reading_start == again.reading_start);
    CHECK(first.soft_separator == again.soft_separator);
    std::size_t soft = 0;
    for (std::size_t i = 0; i < first.tokens.size(); ++i) soft += first.is_soft(i);
    CHECK(soft == 2);  // the hyphens of Llama-3
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
            CHECK(reused.reading_start == fresh.reading_start);
            CHECK(reused.soft_separator == fresh.soft_separator);
            REQUIRE(reused.readings.size() == fresh.readings.size());
            for (std::size_t i = 0; i < fresh.readings.size(); ++i) CHECK(reused.readings[i].stem == fresh.readings[i].stem);
            REQUIRE(reused.sentences.size() == fresh.sentences.size());
            for (std::size_t i = 0; i < fresh.sentences.size(); ++i) {
                CHECK(reused.sentences[i].first_token == fresh.sentences[i].first_token);
                CHECK(reused.sentences[i].end_token == fresh.sentences[i].end_token);
                CHECK(reused.sentences[i].bytes.begin == fresh.sentences[i].bytes.begin);
            }
        }
    }
}
