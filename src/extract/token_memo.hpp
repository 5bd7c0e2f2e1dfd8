#pragma once
// What analyze() learns about a token from its text alone (clitic readings,
// rule words, catalog trie roots), remembered per thread by that text.
//
// News repeats its words (Zipf): a run meets most tokens thousands of times,
// and looking each one up again (a trie walk per reading for the rule words,
// a hash probe per reading for the names) was a sixth of extraction.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/clitics.hpp"
#include "text/uninitialized_vector.hpp"

namespace aikg::extract {

class TokenMemo {
public:
    struct Facts {
        std::vector<std::uint8_t> prefix_bytes;  // per clitic reading: the proclitics' length
        std::vector<std::uint32_t> roots;        // per reading, or empty
        std::vector<std::uint32_t> word_ids;
    };

    // Remembers lookups in the rule words and the catalog trie of these generations.
    TokenMemo(std::uint64_t words_generation, std::uint64_t names_generation)
        : words_generation_(words_generation), names_generation_(names_generation) {}
    bool is_for(std::uint64_t words_generation, std::uint64_t names_generation) const {
        return words_generation == words_generation_ && names_generation == names_generation_;
    }
    // This thread's memo for those generations (one per language in use).
    static TokenMemo& of_thread(std::uint64_t words_generation, std::uint64_t names_generation);
    // The remembered facts of `token`, appended where analyze() keeps them:
    // the readings as views of `token`, the roots and word ids (either may be
    // left out). False when the token is not remembered.
    using Ids = text::UninitializedVector<std::uint32_t>;
    bool append(std::string_view token, std::vector<text::CliticSplit>& readings, Ids* roots, Ids* word_ids) const;
    void remember(std::string_view token, const Facts& facts);

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t text_begin = 0;  // in texts_
        std::uint32_t data_begin = 0;  // in data_
        std::uint16_t text_size = 0;
        std::uint8_t readings = 0;     // UINT8_MAX: empty slot
        std::uint8_t words = 0;
        bool has_roots = false;
    };
    static constexpr std::uint8_t kEmpty = UINT8_MAX;
    static std::uint64_t hash(std::string_view token);
    // The slot holding `token`, or the empty slot where it would go.
    std::size_t index_of(std::string_view token, std::uint64_t h) const;
    void clear();
    void grow();

    std::vector<Slot> slots_;
    std::size_t used_ = 0;
    std::string texts_;
    std::vector<std::uint32_t> data_;  // prefix lengths, roots, word ids
    std::uint64_t words_generation_ = 0;
    std::uint64_t names_generation_ = 0;
};

}  // namespace aikg::extract
