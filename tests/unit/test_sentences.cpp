#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "bench/random.hpp"
#include "text/sentences.hpp"
#include "text/utf8.hpp"

#include <cstdint>
#include <fstream>
#include <iterator>

namespace {
std::vector<std::string> sentences(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& s : aikg::text::split_sentences(text)) out.push_back(text.substr(s.begin, s.end - s.begin));
    return out;
}
}  // namespace

TEST_CASE("Arabic comma and semicolon do not end a sentence; the question mark does") {
    const auto s = sentences("أطلقت Meta نموذج Llama، وهو مفتوح؛ هل ينافس GPT-4؟ نعم.");
    REQUIRE(s.size() == 2);
    CHECK(s[0] == "أطلقت Meta نموذج Llama، وهو مفتوح؛ هل ينافس GPT-4؟");
    CHECK(s[1] == "نعم.");
}

TEST_CASE("a version number does not end a sentence") {
    const auto s = sentences("Meta released Llama 3.1 in July. It is open.");
    REQUIRE(s.size() == 2);
    CHECK(s[0] == "Meta released Llama 3.1 in July.");
}

TEST_CASE("headlines without punctuation and a last sentence without a stop are kept") {
    const auto s = sentences("نجاح Meta في المجال المفتوح\nتستخدم Shopify نموذج Llama 2");
    REQUIRE(s.size() == 2);
    CHECK(s[0] == "نجاح Meta في المجال المفتوح");
    CHECK(s[1] == "تستخدم Shopify نموذج Llama 2");
}

TEST_CASE("spans are byte offsets into the original and trimmed") {
    const std::string text = "  أولا.  ثانيا.  ";
    const auto spans = aikg::text::split_sentences(text);
    REQUIRE(spans.size() == 2);
    CHECK(spans[0].begin == 2);
    CHECK(text.substr(spans[1].begin, spans[1].end - spans[1].begin) == "ثانيا.");
    CHECK(aikg::text::split_sentences("").empty());
    CHECK(aikg::text::split_sentences("   \n ").empty());
}

namespace {

std::string utf8_of(const std::vector<char32_t>& code_points) {
    std::string out;
    for (const char32_t cp : code_points) aikg::text::append_utf8(out, cp);
    return out;
}

}  // namespace

TEST_CASE("boundaries equal ICU's sentence iterator on random text over every Sentence_Break class") {
    // Terminators (. ! ? ؟ ۔ ‼), closers (" ' ) » ”), spaces (incl. NBSP), paragraph ends
    // (CR LF NEL U+2029), lower/upper/other letters (Latin, Arabic, Greek), digits (ASCII,
    // Arabic-Indic), continuations (, : ، -), extend and format marks (acute, fatha, ZWJ, RLM).
    const std::vector<char32_t> alphabet = {U'.', U'!', U'?', U'\u061F', U'\u06D4', U'\u203C', U'"', U'\'', U')', U'\u00BB',
                                            U'\u201D', U' ', U'\u00A0', U'\t', U'\r', U'\n', U'\u0085', U'\u2029', U'a', U'z',
                                            U'A', U'Q', U'\u0627', U'\u0645', U'\u03A3', U'\u03C3', U'1', U'\u0663', U',', U':',
                                            U'\u060C', U'-', U'\u0301', U'\u064E', U'\u200D', U'\u200F', U'(', U'\u00AD',
                                            // three- and four-byte terminators and separators, and letters sharing a
                                            // lead byte with one (the scan jumps between terminators by lead byte)
                                            U'\u2028', U'\u3002', U'\uFF0E', U'\u2024', U'\u0589', U'\U0001F600', U'\u0600',
                                            U'\u0660', U'\u06DD'};
    aikg::bench::Random random(0x2545F4914F6CDD1DULL);
    for (int n = 0; n < 20000; ++n) {
        std::vector<char32_t> code_points(1 + random.below(16));
        for (char32_t& cp : code_points) cp = alphabet[random.below(alphabet.size())];
        const std::string text = utf8_of(code_points);
        CHECK_MESSAGE(aikg::text::split_sentences(text) == aikg::text::split_sentences_with_icu(text), text);
    }
}

TEST_CASE("boundaries equal ICU's on the sample articles") {
    for (const char* name : {"000_38394206e8435dda.txt", "001_c0f0971bf382aede.txt", "002_da9da2d05314dc9f.txt",
                             "003_e59ffb64ebc73868.txt", "004_b4709d26dc674c2a.txt"}) {
        std::ifstream in(std::string(AIKG_SOURCE_DIR) + "/data/corpus/" + name, std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        REQUIRE(!text.empty());
        CHECK(aikg::text::split_sentences(text) == aikg::text::split_sentences_with_icu(text));
    }
}
