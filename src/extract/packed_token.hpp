#pragma once
// What analyze() learns about a token from its text alone, packed into a few
// numbers: a header, its rule word numbers (asked for most: right after the
// header), its clitic readings' prefix lengths (a byte each, four to a
// number), and, for a token that starts a catalog name, the trie root of each
// reading (when looked up). Most tokens start no name and most prefixes are
// short: kept whole, they took numbers the text layer remembers with every
// chunk (its memo of the bench corpus's Arabic: 637 KB, now 580 KB; of Vim's
// documentation: 1.07 MB, now 0.88 MB).
// A document keeps its tokens' facts packed one after the other, the way the
// text layer remembers them with each chunk: a chunk met before is one copy,
// where filling seven arrays token by token was a third of the text layer.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <vector>

namespace aikg::extract::packed_token {

// Header bits: readings (8) | rule words << 8 (16) | has roots << 24 |
// soft separator << 25 | starts a catalog name << 26.
inline constexpr std::size_t kMaxReadings = 0xFF;
inline constexpr std::size_t kMaxWords = 0xFFFF;
inline constexpr std::size_t kMaxPrefixBytes = 0xFF;
// A reading's root when it starts no name (MentionMatcher::kNoNode).
inline constexpr std::uint32_t kNoRoot = UINT32_MAX;

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
inline std::size_t prefix_numbers(std::uint32_t header) { return (readings(header) + 3) / 4; }
// Whether the token keeps a root per reading.
inline bool keeps_roots(std::uint32_t header) { return has_roots(header) && starts_name(header); }
// Numbers taken by the token, header included.
inline std::size_t size(std::uint32_t header) {
    return 1 + words(header) + prefix_numbers(header) + (keeps_roots(header) ? readings(header) : 0);
}
// Reading r's prefix length, from the token's numbers `f`.
inline std::uint32_t prefix_bytes(const std::uint32_t* f, std::size_t r) {
    return (f[1 + words(*f) + r / 4] >> (8 * (r % 4))) & 0xFF;
}
// Appends the prefix lengths of `readings` (`size_of` gives one's), four to a number.
template <class Readings, class SizeOf = std::identity>
void append_prefixes(const Readings& readings, std::vector<std::uint32_t>& out, SizeOf size_of = {}) {
    for (std::size_t r = 0; r < readings.size(); r += 4) {
        std::uint32_t packed = 0;
        for (std::size_t k = 0; k < 4 && r + k < readings.size(); ++k) {
            const std::size_t size = size_of(readings[r + k]);
            // Unreachable (a proclitic is a few letters); checked like the header's counts.
            if (size > kMaxPrefixBytes) throw std::length_error("a clitic prefix longer than its byte holds");
            packed |= static_cast<std::uint32_t>(size) << (8 * k);
        }
        out.push_back(packed);
    }
}

}  // namespace aikg::extract::packed_token
