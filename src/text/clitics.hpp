#pragma once
// Arabic proclitics: the conjunctions و ف, the prepositions ب ك ل and the
// article ال are written joined to the next word (وميتا، بالنموذج، للشركة).
// Matching tries a word with and without them.

#include <string_view>
#include <vector>

namespace aikg::text {

struct CliticSplit {
    std::string_view prefix;  // what was split off (empty for the word as written)
    std::string_view stem;
};

// Every reading of a normalised Arabic word as proclitics + stem, the word as
// written first, then shorter stems. A stem keeps at least two letters, so
// short words are never stripped to nothing. Non-Arabic words give one reading.
std::vector<CliticSplit> proclitic_readings(std::string_view word);
// The same readings appended to `out`: no allocation per word when a whole
// document's readings go into one vector.
void append_proclitic_readings(std::string_view word, std::vector<CliticSplit>& out);

// The word without a leading article (ال), or the word itself.
std::string_view strip_article(std::string_view word) noexcept;

// A token that is only proclitics, as left by the tokenizer before a Latin name
// (و in "وSpotify", ل in "لـ Llama") or written apart from it.
bool is_bare_proclitic(std::string_view word) noexcept;

}  // namespace aikg::text
