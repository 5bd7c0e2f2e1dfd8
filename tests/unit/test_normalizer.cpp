#include <doctest/doctest.h>

#include "text/normalizer.hpp"

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
