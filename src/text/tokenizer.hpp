#pragma once
// Word tokens over normalised text, split at script changes so that a clitic
// glued to a Latin name (وSpotify, بـLlama) becomes its own token.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aikg::text {

enum class TokenKind : std::uint8_t { Latin, Arabic, OtherLetters, Number, Punct };

// Where a token is in the original text: [begin, end) bytes.
// Tokens and their bytes are plain data with no default values, so that a
// document's arrays of them grow without being filled first (they are
// written right after, token by token); every construction names each field.
struct TokenBytes {
    std::uint32_t begin;
    std::uint32_t end;
    bool operator==(const TokenBytes&) const = default;
};

struct Token {
    std::uint32_t begin;  // byte offsets into the normalised text
    std::uint32_t end;
    TokenKind kind;
    bool space_before;  // whitespace separates it from the previous token

    std::string_view view(std::string_view normalized) const { return normalized.substr(begin, end - begin); }
};

// Letters join while their script stays the same; digits join, with `.` or `,`
// between digits kept inside the number (3.1, 350,000); every other non-space
// character is a one-character token. Precondition: valid UTF-8.
std::vector<Token> tokenize(std::string_view normalized);
// The same into `out` (cleared first), whose capacity is reused.
void tokenize(std::string_view normalized, std::vector<Token>& out);

// Tokens as strings, for aliases and trigger words; hyphens and underscores are
// dropped because "Llama-3.1", "Llama 3.1" and "Llama3.1" must compare equal.
std::vector<std::string_view> match_keys(std::string_view normalized);
bool is_soft_separator(std::string_view token) noexcept;

}  // namespace aikg::text

namespace aikg::text {

// The form under which an alias or a text span is looked up: normalised, soft
// separators dropped, the Arabic article taken off each word, words joined by
// one space. "LLaMA-2", "Llama 2" and "llama2" share a key; so do النماذج
// المفتوحة and نماذج مفتوحة.
std::string matching_key(std::string_view surface);

}  // namespace aikg::text
