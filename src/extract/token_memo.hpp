#pragma once
// What analyze() learns about tokens from their text alone (clitic readings,
// rule words, catalog trie roots, soft separators), remembered per thread for
// the chunks the text layer remembers (text::RememberedChunk), under their ids.
//
// News repeats its words (Zipf): a run meets most chunks thousands of times,
// and looking each token up again (a trie walk per reading for the rule
// words, a hash probe per reading for the names) was a sixth of extraction.
// Keyed by chunk id, a token costs no hash of its own: hashing and probing
// every token in a memo keyed by its text was 4% of extraction.

#include <cstdint>
#include <vector>

namespace aikg::extract {

class TokenMemo {
public:
    // A chunk's tokens, packed one after the other. Per token: a header
    // (readings | rule words << 8 | has roots << 16 | soft separator << 17),
    // the readings' prefix lengths, their trie roots when it has them, its
    // rule word numbers.
    using Packed = std::vector<std::uint32_t>;
    static std::uint32_t header(std::size_t readings, std::size_t words, bool has_roots, bool soft) {
        return static_cast<std::uint32_t>(readings) | static_cast<std::uint32_t>(words) << 8 | (has_roots ? 1U << 16 : 0U) |
               (soft ? 1U << 17 : 0U);
    }
    static std::uint32_t readings(std::uint32_t header) { return header & 0xFF; }
    static std::uint32_t words(std::uint32_t header) { return (header >> 8) & 0xFF; }
    static bool has_roots(std::uint32_t header) { return (header >> 16) & 1U; }
    static bool soft(std::uint32_t header) { return (header >> 17) & 1U; }
    static constexpr std::size_t kMaxListSize = 255;  // readings or word ids of a token that fit its header

    // Remembers lookups in the rule words and the catalog trie of these generations.
    TokenMemo(std::uint64_t words_generation, std::uint64_t names_generation)
        : words_generation_(words_generation), names_generation_(names_generation) {}
    bool is_for(std::uint64_t words_generation, std::uint64_t names_generation) const {
        return words_generation == words_generation_ && names_generation == names_generation_;
    }
    // This thread's memo for those generations (one per language in use).
    static TokenMemo& of_thread(std::uint64_t words_generation, std::uint64_t names_generation);

    // The packed tokens of chunk `id` of the text memo's `generation`, or
    // nullptr when not remembered. A new generation forgets the old one's.
    const std::uint32_t* find(std::uint64_t generation, std::uint32_t id);
    void remember(std::uint64_t generation, std::uint32_t id, const Packed& tokens);

private:
    static constexpr std::uint32_t kNone = UINT32_MAX;
    void start_generation(std::uint64_t generation);

    std::uint64_t generation_ = 0;
    std::vector<std::uint32_t> offset_by_id_;  // into data_, kNone when not remembered
    std::vector<std::uint32_t> data_;
    std::uint64_t words_generation_ = 0;
    std::uint64_t names_generation_ = 0;
};

}  // namespace aikg::extract
