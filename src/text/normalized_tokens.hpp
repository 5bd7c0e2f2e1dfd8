#pragma once
// A document's normalised text and tokens in one step. The text is cut at
// ASCII whitespace into chunks (a word with the punctuation glued to it), and
// what normalisation and tokenization make of each chunk is remembered per
// thread by the chunk's original bytes. News repeats its words: most chunks
// are copied from the memo, where normalising and tokenizing them again was
// two fifths of the text layer. Later stages' annotations of a chunk's tokens
// are remembered with it.

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

// What a later stage reads off a token's normalised text alone (readings,
// word numbers...), as a few numbers remembered with the chunk the token came
// from: a chunk met before then costs one copy of them as well, where a
// second pass over the document's chunks looking them up in a memo of its
// own was a tenth of extraction.
class TokenAnnotator {
public:
    // Annotators with equal keys write equal numbers for equal tokens and
    // share a memo; each key has its own (one per language's rules in use).
    struct Key {
        std::uint64_t first = 0;
        std::uint64_t second = 0;
        bool operator==(const Key&) const = default;
    };
    virtual Key key() const = 0;
    // Appends the token's numbers to `out` (never none); true when the token
    // is notable (NormalizedTokens::notable lists those).
    virtual bool annotate(std::string_view token, std::vector<std::uint32_t>& out) const = 0;

protected:
    ~TokenAnnotator() = default;
};

struct NormalizedTokens {
    // The text only: its origin map is left empty, token_bytes say where
    // each token came from (nothing else was ever asked of the map).
    NormalizedText normalized;
    TokenArray tokens;
    TokenBytesArray token_bytes;  // one per token
    // With an annotator: token i's numbers start at annotations[annotation_at[i]],
    // and the notable tokens are listed in order. Empty without one.
    UninitializedVector<std::uint32_t> annotations;
    UninitializedVector<std::uint32_t> annotation_at;
    UninitializedVector<std::uint32_t> notable;
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
// With `annotator`, every token is annotated as well.
NormalizedTokens normalize_and_tokenize(std::string_view utf8, const TokenAnnotator* annotator = nullptr);
// The same into `out`, whose buffers are reused: callers that keep one per
// thread spare the allocations of a document's text, offsets and tokens.
void normalize_and_tokenize(std::string_view utf8, NormalizedTokens& out, const TokenAnnotator* annotator = nullptr);

}  // namespace aikg::text
