#pragma once
// Every word the rules of one language compare tokens with, numbered once.
//
// Rules ask "is this token the word X?" at every position of every sentence;
// answering with strings made rule matching the bulk of extraction time. With
// the words numbered, a document's tokens are looked up once (a walk down a
// byte trie per clitic reading) and every later question is a scan of a
// token's few word numbers, usually none.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/hash_bits.hpp"

namespace aikg::extract {

struct PhraseList;
struct RuleSet;

inline constexpr std::uint32_t kNoWordId = UINT32_MAX;

class WordIndex {
public:
    // Numbers every word of every phrase in the rule set (equal words share
    // a number) and stores the numbers in the phrases.
    static WordIndex build(RuleSet& rules);

    // Appends the numbers of the words that `stem` is (exact words) or starts
    // with (prefix words, written with '*').
    void lookup(std::string_view stem, std::vector<std::uint32_t>& out) const;

    std::size_t size() const { return word_count_; }
    // Unique per built index (copies share it): keys caches of lookups.
    std::uint64_t generation() const { return generation_; }

private:
    friend struct RulesSnapshot;  // saves and restores the frozen arrays
    std::uint32_t intern(std::string_view word, bool prefix);
    void index_phrases(PhraseList& phrases);

    struct Node {
        std::uint32_t first_child = 0;   // children sorted by byte, in child_bytes_/child_nodes_
        std::uint32_t child_count = 0;
        std::uint32_t exact_id = kNoWordId;
        std::uint32_t prefix_id = kNoWordId;
    };
    // Built as a map-like trie, then frozen into flat arrays for the lookups.
    struct Building {
        std::vector<std::vector<std::pair<unsigned char, std::uint32_t>>> children{{}};
        std::vector<std::uint32_t> exact{kNoWordId};
        std::vector<std::uint32_t> prefix{kNoWordId};
    };
    void freeze();
    // Fills the filters from the frozen trie (after freeze() or a restore).
    void build_filters();

    Building building_;
    std::vector<Node> nodes_;
    std::vector<unsigned char> child_bytes_;
    std::vector<std::uint32_t> child_nodes_;
    std::uint32_t word_count_ = 0;
    std::uint64_t generation_ = 0;
    // Bits per word opening, asked before the walk: most stems looked up are
    // no rule word and start none, and walking the trie for them (a few
    // dependent loads and a search per byte) was a tenth of the time on text
    // of ever new words. Exact words whole; prefix words by as many bytes as
    // the shortest of them has (up to eight), so that a stem starting with
    // one shares its opening.
    struct Filter {
        text::HashBits openings;
        std::size_t depth = 0;  // bytes of the opening kept (SIZE_MAX: all); 0: no filter, every stem may match
        static std::uint64_t hash(std::string_view opening);
        void add(std::string_view word) { openings.add(hash(word.substr(0, depth))); }
        bool may_hold(std::string_view stem) const { return depth == 0 || openings.may_hold(hash(stem.substr(0, depth))); }
    };
    Filter exact_filter_;
    Filter prefix_filter_;
};

// A number no other index or matcher built in this process has.
std::uint64_t next_generation();

}  // namespace aikg::extract
