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
    // A chunk's tokens, packed one after the other (packed_token.hpp).
    using Packed = std::vector<std::uint32_t>;

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
    // Inline: asked once per chunk of every document.
    const std::uint32_t* find(std::uint64_t generation, std::uint32_t id) {
        if (generation != generation_) start_generation(generation);
        if (id >= offset_by_id_.size() || offset_by_id_[id] == kNone) return nullptr;
        return data_.data() + offset_by_id_[id];
    }
    void remember(std::uint64_t generation, std::uint32_t id, const std::uint32_t* tokens, std::size_t count);
    void remember(std::uint64_t generation, std::uint32_t id, const Packed& tokens) { remember(generation, id, tokens.data(), tokens.size()); }

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
