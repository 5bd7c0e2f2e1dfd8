#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/sentences.hpp"

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
