#pragma once
// A document's normalised text and tokens in one step. The text is cut at
// ASCII whitespace into chunks (a word with the punctuation glued to it), and
// what normalisation and tokenization make of each chunk is remembered per
// thread by the chunk's original bytes. News repeats its words: most chunks
// are copied from the memo, where normalising and tokenizing them again was
// two fifths of the text layer.

#include <string_view>
#include <vector>

#include "text/normalizer.hpp"
#include "text/tokenizer.hpp"

namespace aikg::text {

struct NormalizedTokens {
    NormalizedText normalized;
    std::vector<Token> tokens;
};

// Equal to normalize_for_matching(utf8) and tokenize() of its text: no
// normalisation segment spans ASCII whitespace (each ASCII character starts
// one) and whitespace always ends a token. A chunk that opens with a character
// joining the whitespace before it (a combining mark after a space) would
// break the first rule; such documents take the two separate steps.
// Precondition: `utf8` is valid UTF-8.
NormalizedTokens normalize_and_tokenize(std::string_view utf8);

}  // namespace aikg::text
