#pragma once
// Normalisation for matching: the form in which catalog aliases, trigger words
// and article text are compared. Every normalised byte remembers the byte of the
// original text it came from, so matches are reported in original offsets.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/uninitialized_vector.hpp"

namespace aikg::text {

struct NormalizedText {
    std::string text;
    // origin[i] is the byte offset in the original text of the character that
    // produced normalised byte i; origin[text.size()] is the original length.
    UninitializedVector<std::uint32_t> origin;

    std::uint32_t original_offset(std::size_t normalized_offset) const { return origin[normalized_offset]; }
};

// NFKC with case folding (ICU's NFKC_Casefold, which also drops default
// ignorables such as RLM/LRM and ZWNJ), then the Arabic folding used by
// search engines: diacritics, Quranic marks and tatweel removed; alef forms
// unified; alef maqsura to yeh; teh marbuta to heh; Persian/Urdu letters to
// their Arabic counterparts; Arabic-Indic digits to ASCII.
// Precondition: `utf8` is valid UTF-8 (check with find_invalid_utf8 first).
NormalizedText normalize_for_matching(std::string_view utf8);
// The same into `out` (what it held is replaced), whose buffers are reused:
// the text layer normalises each new chunk this way without an allocation.
void normalize_for_matching(std::string_view utf8, NormalizedText& out);

// Convenience for short strings (aliases, trigger words) where offsets do not matter.
std::string normalize(std::string_view utf8);

// The per-character Arabic folding on its own; returns 0 when the character is dropped.
char32_t fold_arabic(char32_t cp) noexcept;

}  // namespace aikg::text
