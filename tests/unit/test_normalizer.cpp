#include <doctest/doctest.h>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <string>
#include <vector>

#include "bench/random.hpp"
#include "text/normalizer.hpp"
#include "text/utf8.hpp"

using aikg::text::normalize;
using aikg::text::normalize_for_matching;

TEST_CASE("Latin text is case folded and NFKC-normalised") {
    CHECK(normalize("Meta LLaMA") == "meta llama");
    CHECK(normalize("ＧＰＴ－４") == "gpt-4");     // full-width forms
    CHECK(normalize("\xEF\xAC\x81ne-tuned") == "fine-tuned");  // the ﬁ ligature
    CHECK(normalize("Stra\xC3\x9F" "e") == "strasse");       // ß case-folds to ss
}

TEST_CASE("Arabic diacritics, shadda, sukun, superscript alef and tatweel are removed") {
    CHECK(normalize("مُحَمَّدٌ") == normalize("محمد"));
    CHECK(normalize("تقدمًا") == "تقدما");
    CHECK(normalize("لـ") == "ل");
    CHECK(normalize("هٰذا") == "هذا");
    CHECK(normalize("نـمـوذج") == "نموذج");
}

TEST_CASE("alef forms, alef maqsura and teh marbuta are unified") {
    CHECK(normalize("أطلقت") == "اطلقت");
    CHECK(normalize("إطلاق") == "اطلاق");
    CHECK(normalize("آبل") == "ابل");
    CHECK(normalize("ٱلذكاء") == "الذكاء");
    CHECK(normalize("مستوى") == "مستوي");
    CHECK(normalize("الشركة") == "الشركه");
}

TEST_CASE("Persian and Urdu letters map to their Arabic counterparts") {
    CHECK(normalize("کلود") == "كلود");
    CHECK(normalize("سوتسكیفر") == "سوتسكيفر");
    CHECK(normalize("سوتسكيڤر") == "سوتسكيفر");
    CHECK(normalize("سدھار") == "سدهار");
}

TEST_CASE("Arabic-Indic digits become ASCII digits and direction marks vanish") {
    CHECK(normalize("لاما ٣٫١") == "لاما 3٫1");
    CHECK(normalize("\xE2\x80\x8FMeta\xE2\x80\x8E") == "meta");  // RLM ... LRM
}

TEST_CASE("every normalised byte maps back to the byte it came from") {
    const std::string original = "وأَطلقت Meta نموذج Llama";
    const auto n = normalize_for_matching(original);
    REQUIRE(n.origin.size() == n.text.size() + 1);
    CHECK(n.origin.back() == original.size());
    // "meta" in the normalised text starts where "Meta" starts in the original.
    const auto at = n.text.find("meta");
    REQUIRE(at != std::string::npos);
    CHECK(original.substr(n.origin[at], 4) == "Meta");
    // The dropped fatha does not appear; the letter after it maps past it.
    const auto lam = n.text.find("\xD9\x84");  // ل
    CHECK(original.substr(n.origin[lam], 2) == "\xD9\x84");
    // Offsets never decrease.
    for (std::size_t i = 1; i < n.origin.size(); ++i) CHECK(n.origin[i - 1] <= n.origin[i]);
}

TEST_CASE("alef with a separate hamza mark composes, then folds") {
    CHECK(normalize("\xD8\xA7\xD9\x94") == "ا");  // alef + combining hamza above
}

namespace {

// The definition the fast paths must agree with: NFKC_Casefold of the whole
// text by ICU, then the Arabic folding of each code point.
std::string reference_normalize(const std::string& utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCCasefoldInstance(status);
    REQUIRE(U_SUCCESS(status));
    icu::UnicodeString folded;
    nfkc->normalize(icu::UnicodeString::fromUTF8(utf8), folded, status);
    REQUIRE(U_SUCCESS(status));
    std::string out;
    for (std::int32_t i = 0; i < folded.length();) {
        const UChar32 cp = folded.char32At(i);
        i += U16_LENGTH(cp);
        if (const char32_t mapped = aikg::text::fold_arabic(static_cast<char32_t>(cp))) aikg::text::append_utf8(out, mapped);
    }
    return out;
}

}  // namespace

TEST_CASE("the table and ASCII fast paths agree with ICU on the whole text") {
    // Letters, marks that compose with what precedes them (hamza above, acute,
    // harakat), spaces, digits, compatibility characters.
    const std::vector<char32_t> alphabet = {U'a', U'E', U' ', U'.', U'3', U'\u0627', U'\u0644', U'\u0623', U'\u0654', U'\u0655',
                                            U'\u064E', U'\u0651', U'\u0640', U'\u0301', U'\u00C9', U'\u00DF', U'\uFB01', U'\u0661',
                                            U'\u06CC', U'\u0629', U'\u2019', U'\u200F', U'\u0130', U'\u03A3', U'\uFEFB', U'\u0308'};
    aikg::bench::Random random(0x9E3779B97F4A7C15ULL);
    for (int n = 0; n < 3000; ++n) {
        std::string text;
        const std::size_t length = 1 + random.below(12);
        for (std::size_t i = 0; i < length; ++i) aikg::text::append_utf8(text, alphabet[random.below(alphabet.size())]);
        CHECK_MESSAGE(normalize(text) == reference_normalize(text), text);
    }
}
