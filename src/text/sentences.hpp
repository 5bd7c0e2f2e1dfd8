#pragma once
// Sentence segmentation over original UTF-8 bytes.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace aikg::text {

struct ByteSpan {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;  // exclusive
    bool operator==(const ByteSpan&) const = default;
};

// Splits at Unicode UAX #29 sentence boundaries, as ICU's sentence
// BreakIterator does (`.` `!` `?` `؟` `۔` end sentences, `،` and `؛` do not,
// line breaks end headlines that have no punctuation). Spans are trimmed of
// surrounding whitespace; empty ones dropped. Precondition: valid UTF-8.
std::vector<ByteSpan> split_sentences(std::string_view utf8);

// The same, reading only `may_break`: byte ranges, in order and not
// overlapping, that hold every terminator and paragraph end of the text
// (ranges without one are harmless). normalize_and_tokenize knows them from
// the chunks it remembers, so the scan skips the words between.
std::vector<ByteSpan> split_sentences(std::string_view utf8, const std::vector<ByteSpan>& may_break);

// Whether `utf8` holds a character that may end a sentence (a terminator or
// a paragraph end).
bool may_end_sentence(std::string_view utf8);
// The byte offset of the first such character, or utf8.size() when there is none.
std::size_t first_sentence_end_candidate(std::string_view utf8);

// The same with ICU's BreakIterator: the reference split_sentences is tested
// against, several times slower.
std::vector<ByteSpan> split_sentences_with_icu(std::string_view utf8);

}  // namespace aikg::text
