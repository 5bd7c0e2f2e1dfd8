#pragma once
// What analyze() learns about a token from its text alone, packed into a few
// numbers: a header, its rule word numbers (asked for most: right after the
// header), its clitic readings' prefix lengths, and the catalog trie root of
// each reading (when looked up).
// A document keeps its tokens' facts packed one after the other, the way the
// text layer remembers them with each chunk: a chunk met before is one copy,
// where filling seven arrays token by token was a third of the text layer.

#include <cstddef>
#include <cstdint>
#include <stdexcept>

namespace aikg::extract::packed_token {

// Header bits: readings (8) | rule words << 8 (16) | has roots << 24 |
// soft separator << 25 | starts a catalog name << 26.
inline constexpr std::size_t kMaxReadings = 0xFF;
inline constexpr std::size_t kMaxWords = 0xFFFF;

inline std::uint32_t header(std::size_t readings, std::size_t words, bool has_roots, bool soft, bool starts_name = false) {
    // Unreachable with real rule sets (a word has a handful of readings);
    // checked because a wrapped count would misread every token after it.
    if (readings > kMaxReadings || words > kMaxWords) throw std::length_error("a token with more readings or rule words than its header holds");
    return static_cast<std::uint32_t>(readings) | static_cast<std::uint32_t>(words) << 8 | (has_roots ? 1U << 24 : 0U) |
           (soft ? 1U << 25 : 0U) | (starts_name ? 1U << 26 : 0U);
}
inline std::uint32_t readings(std::uint32_t header) { return header & 0xFF; }
inline std::uint32_t words(std::uint32_t header) { return (header >> 8) & 0xFFFF; }
inline bool has_roots(std::uint32_t header) { return (header >> 24) & 1U; }
inline bool soft(std::uint32_t header) { return (header >> 25) & 1U; }
inline bool starts_name(std::uint32_t header) { return (header >> 26) & 1U; }
// Numbers taken by the token, header included.
inline std::size_t size(std::uint32_t header) { return 1 + readings(header) * (has_roots(header) ? 2 : 1) + words(header); }

}  // namespace aikg::extract::packed_token
