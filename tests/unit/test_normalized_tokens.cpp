#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "bench/random.hpp"
#include "text/normalized_tokens.hpp"
#include "text/sentences.hpp"

using aikg::text::NormalizedTokens;
using aikg::text::normalize_and_tokenize;

namespace {

// The one-step result must equal normalising, then tokenizing, byte for byte.
void check_same_as_two_steps(const std::string& text) {
    CAPTURE(text);
    const NormalizedTokens got = normalize_and_tokenize(text);
    const aikg::text::NormalizedText normalized = aikg::text::normalize_for_matching(text);
    const std::vector<aikg::text::Token> tokens = aikg::text::tokenize(normalized.text);
    REQUIRE(got.normalized.text == normalized.text);
    REQUIRE(got.tokens.size() == tokens.size());
    REQUIRE(got.token_bytes.size() == tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        CAPTURE(i);
        CHECK(got.tokens[i].begin == tokens[i].begin);
        CHECK(got.tokens[i].end == tokens[i].end);
        CHECK(got.tokens[i].kind == tokens[i].kind);
        CHECK(got.tokens[i].space_before == tokens[i].space_before);
        // Where the token came from, as the two steps' offset map says.
        CHECK(got.token_bytes[i].begin == normalized.origin[tokens[i].begin]);
        CHECK(got.token_bytes[i].end == normalized.origin[tokens[i].end]);
    }
    // The ranges that may end a sentence hold all of them: splitting within them splits alike.
    if (got.has_break_ranges) CHECK(aikg::text::split_sentences(text, got.may_break) == aikg::text::split_sentences(text));

    // Into buffers that held the previous text: nothing of it may show through.
    static NormalizedTokens reused;
    normalize_and_tokenize(text, reused);
    CHECK(reused.normalized.text == got.normalized.text);
    CHECK(reused.token_bytes == got.token_bytes);
    REQUIRE(reused.tokens.size() == got.tokens.size());
    for (std::size_t i = 0; i < got.tokens.size(); ++i) {
        CHECK(reused.tokens[i].begin == got.tokens[i].begin);
        CHECK(reused.tokens[i].end == got.tokens[i].end);
    }
    CHECK(reused.has_break_ranges == got.has_break_ranges);
    CHECK(reused.may_break == got.may_break);
    CHECK(reused.annotations.empty());
    CHECK(reused.notable.empty());
}

// Numbers that say which token they belong to: its length and first byte,
// as many of them as the token has bytes, up to three. Numbers are notable.
class SpellingAnnotator final : public aikg::text::TokenAnnotator {
public:
    explicit SpellingAnnotator(std::uint64_t key) : key_(key) {}
    Key key() const override { return {key_, 0}; }
    bool annotate(std::string_view token, std::vector<std::uint32_t>& out) const override {
        out.push_back(static_cast<std::uint32_t>(token.size()));
        for (std::size_t i = 1; i < std::min<std::size_t>(token.size(), 3); ++i) out.push_back(static_cast<unsigned char>(token[0]));
        return !token.empty() && token[0] >= '0' && token[0] <= '9';
    }

private:
    std::uint64_t key_;
};

// Each token's annotation, wherever the token came from (a chunk met before,
// a new one, one too long to remember, the two-step path), must be what the
// annotator says of its text.
void check_annotations(const std::string& text, const SpellingAnnotator& annotator) {
    CAPTURE(text);
    static NormalizedTokens reused;
    normalize_and_tokenize(text, reused, &annotator);
    const NormalizedTokens plain = normalize_and_tokenize(text);
    REQUIRE(reused.tokens.size() == plain.tokens.size());
    CHECK(reused.normalized.text == plain.normalized.text);
    REQUIRE(reused.annotation_at.size() == reused.tokens.size());
    std::vector<std::uint32_t> notable;
    for (std::size_t t = 0; t < reused.tokens.size(); ++t) {
        const std::string_view token = reused.tokens[t].view(reused.normalized.text);
        CAPTURE(token);
        std::vector<std::uint32_t> expected;
        if (annotator.annotate(token, expected)) notable.push_back(static_cast<std::uint32_t>(t));
        REQUIRE(reused.annotation_at[t] + expected.size() <= reused.annotations.size());
        const auto* at = reused.annotations.data() + reused.annotation_at[t];
        CHECK(std::vector<std::uint32_t>(at, at + expected.size()) == expected);
    }
    CHECK(std::vector<std::uint32_t>(reused.notable.begin(), reused.notable.end()) == notable);
}

}  // namespace

TEST_CASE("tokens are annotated alike from a remembered chunk, a new one, a long one and the two-step path") {
    const SpellingAnnotator first(1), second(2);
    for (int round = 0; round < 2; ++round) {
        for (const char* text : {
                 "Meta released Llama 3.1, and Mistral AI answered 3 times.",
                 // Known tokens in new chunks: their numbers come from the memo's notes on single tokens.
                 "Meta, (Meta) \"Meta\" Meta's 7 (7) 7, Mistral-Meta 3.1; (3.1) وميتا، ميتا.",
                 "وأطلقت شركةُ ميتا نموذجَ Llama 3.1 مفتوحَ المصدر.",
                 "a-very-long-chunk-that-is-longer-than-the-memo-keeps-because-it-is-a-url/https://example.com/path?q=1 and 42",
                 "a \xCC\x81 combining mark after a space, and 7",
                 "",
             }) {
            check_annotations(text, first);
            check_annotations(text, second);
        }
    }
}

TEST_CASE("tokens past those the memo notes are annotated alike, in new chunks and in new company") {
    // Twelve thousand words of letters only, then each in new company: more
    // single tokens than the memo notes, so that later ones are annotated
    // without their note.
    std::string words, company;
    for (int i = 0; i < 12000; ++i) {
        std::string word = "w";
        for (int n = i; n > 0 || word.size() == 1; n /= 26) word += static_cast<char>('a' + n % 26);
        words += word + ' ';
        company += '(' + word + "), ";
    }
    const SpellingAnnotator annotator(3);
    check_annotations(words, annotator);
    check_annotations(company, annotator);
    check_annotations(words + company, annotator);
}

TEST_CASE("normalising and tokenizing by chunks gives what the two steps give") {
    for (const char* text : {
             "",
             " ",
             "Meta released Llama 3.1, and Mistral AI answered.",
             "  leading and trailing spaces  ",
             "tabs\tand\nnew\r\nlines\fand\vmore",
             "وأطلقت شركةُ ميتا نموذجَ Llama 3.1 مفتوحَ المصدر.",
             "بـLlama وSpotify (OpenAI) «جيميني»",
             "no\xC2\xA0" "break\xC2\xA0space and a\xC2\xA0\xC2\xA0 double one",   // NBSP normalises to a space
             "\xC2\xA0 only \xC2\xA0",
             "a \xCC\x81 combining mark after a space",  // joins the space: the two-step path
             "\xCC\x81 a mark opening the text",
             "e\xCC\x81t\xC3\xA9 composed and precomposed",
             "\xEF\xB7\xBA expands to many words",  // ﷺ
             "\xD9\x8B \xD9\x8E lone harakat between spaces",
             "3. 5 and 3.5 and 350,000 and ٣٫٥",
             "a-very-long-chunk-that-is-longer-than-the-memo-keeps-because-it-is-a-url/https://example.com/path?q=1",
             "ＧＰＴ－４ full width and \xEF\xAC\x81ne ligatures",
             "\xE2\x80\x8F" "rlm \xE2\x80\x8C zwnj and ‘quotes’ and Meta’s",
             "Headline without a stop\nFirst sentence. Second one! Third? etc. and on\r\nU.S. 3.1 (quoted.) \"Said.\" Next",
             "جملة أولى. جملة ثانية؟ ثالثة؛ رابعة، خامسة۔ سادسة\xE2\x80\xA9" "سابعة\xC2\x85" "ثامنة",
             "wide\xEF\xBC\x8E fullwidth stop\xEF\xBC\x81 and ideographic\xE3\x80\x82 ones",
         })
        check_same_as_two_steps(text);
}

TEST_CASE("chunks met again, in other places and other documents, give the same result") {
    aikg::bench::Random random(12345);
    const std::vector<std::string> pieces = {"Meta", "META", "ميتا", "مِيتا", "وميتا", ",", ".", "3.1", "\xC2\xA0", "\xCC\x81", "é",
                                             "e\xCC\x81", "(", "OpenAI’s", "الشركة", "x", "\xEF\xB7\xBA", "٣", "؟", "!", ")",
                                             "\xE2\x80\xA9", "\xC2\x85", "etc.", "U.S.", "\""};
    const std::vector<std::string> spaces = {" ", "  ", "\n", "\t", "", "\r\n", "\n\n"};
    for (int document = 0; document < 300; ++document) {
        std::string text;
        const auto length = random.below(30);
        for (std::uint64_t i = 0; i < length; ++i) {
            text += pieces[random.below(pieces.size())];
            text += spaces[random.below(spaces.size())];
        }
        check_same_as_two_steps(text);
    }
}
