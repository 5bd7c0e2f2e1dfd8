#pragma once
// All catalog aliases compiled once into a trie over matching keys; a sentence
// is scanned left to right and the longest alias starting at each token wins.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/analyzed_text.hpp"
#include "extract/mention.hpp"
#include "kb/catalog.hpp"

namespace aikg::extract {

class MentionMatcher {
public:
    explicit MentionMatcher(const kb::Catalog& catalog);

    // Mentions in tokens [first, end), in order, not overlapping.
    std::vector<Mention> find(const AnalyzedText& text, std::uint32_t first, std::uint32_t end) const;
    std::size_t node_count() const noexcept { return nodes_.size(); }

private:
    // Looked up with string_views of the text: no string built per token.
    struct WordHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view word) const noexcept { return std::hash<std::string_view>{}(word); }
    };
    struct Node {
        std::unordered_map<std::string, std::uint32_t, WordHash, std::equal_to<>> next;
        std::int64_t entity = -1;
    };
    struct Candidate {
        std::int64_t entity = -1;
        std::uint32_t end_token = 0;
        std::size_t prefix_bytes = 0;
    };
    void insert(const std::string& key, kb::EntityId entity);
    Candidate longest_at(const AnalyzedText& text, std::uint32_t start, std::uint32_t end) const;
    bool capitalised_where_required(const AnalyzedText& text, const Candidate& c, std::uint32_t start) const;

    const kb::Catalog& catalog_;
    std::vector<Node> nodes_;
};

}  // namespace aikg::extract
