#pragma once
// A document's normalised text and tokens in one step. The text is cut at
// ASCII whitespace into chunks (a word with the punctuation glued to it), and
// what normalisation and tokenization make of each chunk is remembered per
// thread by the chunk's original bytes. News repeats its words: most chunks
// are copied from the memo, where normalising and tokenizing them again was
// two fifths of the text layer. Later stages remember what they learn about
// a chunk's tokens under its id.

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/normalizer.hpp"
#include "text/sentences.hpp"
#include "text/tokenizer.hpp"
#include "text/uninitialized_vector.hpp"

namespace aikg::text {

// A document's tokens and their bytes: grown ahead and written through an
// index, where a push_back per token was a tenth of the text layer.
using TokenArray = UninitializedVector<Token>;
using TokenBytesArray = UninitializedVector<TokenBytes>;

// The tokens of a chunk met before: its id is the same wherever it occurs,
// until the memo starts over, which gives ids of a new generation.
struct RememberedChunk {
    std::uint32_t id = 0;
    std::uint32_t first_token = 0;
    std::uint32_t end_token = 0;  // exclusive
};

struct NormalizedTokens {
    // The text only: its origin map is left empty, token_bytes say where
    // each token came from (nothing else was ever asked of the map).
    NormalizedText normalized;
    TokenArray tokens;
    TokenBytesArray token_bytes;  // one per token
    // In token order. Tokens of chunks too long to remember, and of a document
    // taken in two steps, are in none.
    std::vector<RememberedChunk> chunks;
    std::uint64_t chunk_generation = 0;  // unique per thread and memo restart
    // Byte ranges of the original text holding every character that may end a
    // sentence (line ends, and the chunks with a terminator), for
    // split_sentences; `has_break_ranges` is false when the text was taken in two steps.
    std::vector<ByteSpan> may_break;
    bool has_break_ranges = false;
};

// Equal to normalize_for_matching(utf8) and tokenize() of its text, with
// token_bytes[i] = {origin[tokens[i].begin], origin[tokens[i].end]}: no
// normalisation segment spans ASCII whitespace (each ASCII character starts
// one) and whitespace always ends a token. A chunk that opens with a character
// joining the whitespace before it (a combining mark after a space) would
// break the first rule; such documents take the two separate steps.
// Precondition: `utf8` is valid UTF-8.
NormalizedTokens normalize_and_tokenize(std::string_view utf8);
// The same into `out`, whose buffers are reused: callers that keep one per
// thread spare the allocations of a document's text, offsets and tokens.
void normalize_and_tokenize(std::string_view utf8, NormalizedTokens& out);

}  // namespace aikg::text
