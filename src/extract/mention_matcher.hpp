#pragma once
// All catalog aliases compiled once into a trie over matching keys; a sentence
// is scanned left to right and the longest alias starting at each token wins.

#include <string>
#include <string_view>
#include <cstdint>
#include <vector>

#include "extract/analyzed_text.hpp"
#include "extract/mention.hpp"
#include "kb/catalog.hpp"
#include "text/hash_bits.hpp"

namespace aikg::extract {

class MentionMatcher {
public:
    explicit MentionMatcher(const kb::Catalog& catalog);

    // Mentions in tokens [first, end), in order, not overlapping, appended to
    // `out` (callers keep it between sentences).
    void find(const AnalyzedText& text, std::uint32_t first, std::uint32_t end, std::vector<Mention>& out) const;
    std::size_t node_count() const noexcept { return nodes_.size(); }
    // The trie node a name starting with this word (a clitic reading's stem)
    // reaches, or kNoNode; analyze() records it per reading.
    static constexpr std::uint32_t kNoNode = UINT32_MAX;
    std::uint32_t root_of(std::string_view stem) const;
    std::uint64_t generation() const noexcept { return generation_; }

private:
    // Every trie edge (parent node, word) -> child in one open-addressing
    // table: the lookup runs for every clitic reading of every token, and a
    // node-owned std::unordered_map<std::string> made it a tenth of extraction.
    class Edges {
    public:
        std::uint32_t find(std::uint32_t parent, std::string_view word) const { return find(parent, word, hash(parent, word)); }
        std::uint32_t find(std::uint32_t parent, std::string_view word, std::uint64_t h) const;
        void insert(std::uint32_t parent, std::string_view word, std::uint32_t child);
        static std::uint64_t hash(std::uint32_t parent, std::string_view word);

    private:
        struct Slot {
            std::uint64_t hash = 0;
            std::uint32_t parent = kEmpty;
            std::uint32_t child = 0;
            std::uint32_t word_begin = 0;  // in words_
            std::uint32_t word_size = 0;
        };
        static constexpr std::uint32_t kEmpty = UINT32_MAX;
        void grow();
        std::vector<Slot> slots_ = std::vector<Slot>(64);
        std::size_t used_ = 0;
        std::string words_;
    };
    struct Node {
        std::int32_t entity = -1;
        // Kept here rather than read off the catalog entity when a name is
        // found: that 350-byte record was a cache miss for every mention.
        bool case_sensitive = false;
        // A bit for the first two bytes of each child's word (two: Arabic
        // letters share four lead bytes), none for a node without children:
        // most names end where they are, and a token whose opening no child
        // shares is turned down without probing the edge table (a cache miss).
        std::uint64_t child_openings = 0;
    };
    static std::uint64_t opening_bit(std::string_view word) {
        if (word.empty()) return ~std::uint64_t{0};
        const unsigned first = static_cast<unsigned char>(word[0]);
        const unsigned second = word.size() > 1 ? static_cast<unsigned char>(word[1]) : 0U;
        return std::uint64_t{1} << ((first * 7 + second) % 64);
    }
    struct Candidate {
        std::int64_t entity = -1;
        std::uint32_t end_token = 0;
        std::size_t prefix_bytes = 0;
        bool case_sensitive = false;
    };
    void insert(const std::string& key, kb::EntityId entity, bool case_sensitive);
    Candidate longest_at(const AnalyzedText& text, std::uint32_t start, std::uint32_t end) const;
    static bool capitalised_where_required(const AnalyzedText& text, const Candidate& c, std::uint32_t start);

    std::vector<Node> nodes_;
    Edges edges_;
    // A bit per first word of a name, by its edge hash: every clitic reading
    // of every new token asks root_of(), most of them for a word no name
    // starts with, and the edge table's slot for it was a cache miss (a
    // twentieth of the time on text of ever new words).
    text::HashBits root_words_;
    std::uint64_t generation_ = 0;
};

}  // namespace aikg::extract
