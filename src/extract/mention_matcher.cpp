#include "extract/mention_matcher.hpp"

#include <unicode/uchar.h>

#include "text/clitics.hpp"
#include "text/utf8.hpp"
#include "text/linear_probing.hpp"
#include "text/word_hash.hpp"
#include "extract/packed_token.hpp"
#include "extract/word_index.hpp"

namespace aikg::extract {
static_assert(MentionMatcher::kNoNode == packed_token::kNoRoot);
namespace {

bool is_word(text::TokenKind k) { return k == text::TokenKind::Latin || k == text::TokenKind::Number; }

}  // namespace

MentionMatcher::MentionMatcher(const kb::Catalog& catalog) : nodes_(1), generation_(next_generation()) {
    // The catalog keeps every name's and alias's matching key: normalising
    // them all again (ICU) was most of the start-up of a short run.
    for (const auto& [key, id] : catalog.ids_by_key()) insert(key, id, catalog.entity(id).case_sensitive);
}

std::uint64_t MentionMatcher::Edges::hash(std::uint32_t parent, std::string_view word) {
    return text::word_hash(word, std::uint64_t{parent} * 0xD6E8FEB86659FD93ULL);
}

std::uint32_t MentionMatcher::Edges::find(std::uint32_t parent, std::string_view word, std::uint64_t h) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        const Slot& slot = slots_[i];
        if (slot.parent == kEmpty) return kEmpty;
        if (slot.hash == h && slot.parent == parent && slot.word_size == word.size() &&
            text::same_short_string(words_.data() + slot.word_begin, word.data(), word.size()))
            return slot.child;
    }
}

void MentionMatcher::Edges::insert(std::uint32_t parent, std::string_view word, std::uint32_t child) {
    if ((used_ + 1) * 2 > slots_.size()) grow();
    const std::uint64_t h = hash(parent, word);
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = h & mask;
    while (slots_[i].parent != kEmpty) i = (i + 1) & mask;
    slots_[i] = {h, parent, child, static_cast<std::uint32_t>(words_.size()), static_cast<std::uint32_t>(word.size())};
    words_ += word;
    ++used_;
}

void MentionMatcher::Edges::grow() {
    text::grow_linear_probing(slots_, Slot{}, [](const Slot& slot) { return slot.parent == kEmpty; });
}

void MentionMatcher::insert(const std::string& key, kb::EntityId entity, bool case_sensitive) {
    if (key.empty()) return;
    std::uint32_t node = 0;
    std::size_t pos = 0;
    while (pos <= key.size()) {
        const std::size_t space = std::min(key.find(' ', pos), key.size());
        const std::string_view word = std::string_view(key).substr(pos, space - pos);
        std::uint32_t child = edges_.find(node, word);
        if (child == UINT32_MAX) {
            child = static_cast<std::uint32_t>(nodes_.size());
            edges_.insert(node, word, child);
            if (node == 0) root_words_.add(Edges::hash(0, word));
            nodes_[node].child_openings |= opening_bit(word);
            nodes_.emplace_back();
        }
        node = child;
        pos = space + 1;
    }
    // The catalog loader rejects one key naming two entities; the first wins here.
    if (nodes_[node].entity < 0) {
        nodes_[node].entity = static_cast<std::int32_t>(entity);
        nodes_[node].case_sensitive = case_sensitive;
    }
}

std::uint32_t MentionMatcher::root_of(std::string_view stem) const {
    const std::string_view word = text::strip_article(stem);
    const std::uint64_t h = Edges::hash(0, word);
    return root_words_.may_hold(h) ? edges_.find(0, word, h) : kNoNode;
}

MentionMatcher::Candidate MentionMatcher::longest_at(const AnalyzedText& text, std::uint32_t start,
                                                     std::uint32_t end) const {
    Candidate best;
    const bool rooted = text.has_name_roots();
    const std::size_t readings = text.reading_count(start);
    for (std::size_t r = 0; r < readings; ++r) {
        const text::CliticSplit reading = text.reading(start, r);
        std::uint32_t node = rooted ? text.name_root(start, r) : root_of(reading.stem);
        if (node == kNoNode) continue;
        std::uint32_t t = start + 1;
        auto consider = [&](std::uint32_t end_token) {
            if (nodes_[node].entity < 0) return;
            // A Latin name must not stop inside a longer word (GPT-4 in GPT-4o).
            if (end_token < text.tokens.size() && !text.tokens[end_token].space_before &&
                is_word(text.tokens[end_token].kind) && is_word(text.tokens[end_token - 1].kind))
                return;
            if (end_token > best.end_token || (end_token == best.end_token && reading.prefix.size() < best.prefix_bytes)) {
                best = {nodes_[node].entity, end_token, reading.prefix.size(), nodes_[node].case_sensitive};
            }
        };
        consider(t);
        while (t < end && nodes_[node].child_openings != 0) {
            if (text.is_soft(t)) {
                ++t;
                continue;
            }
            const std::string_view word = text::strip_article(text.token_text(t));
            if ((nodes_[node].child_openings & opening_bit(word)) == 0) break;
            const std::uint32_t next = edges_.find(node, word);
            if (next == UINT32_MAX) break;
            node = next;
            ++t;
            consider(t);
        }
    }
    return best;
}

bool MentionMatcher::capitalised_where_required(const AnalyzedText& text, const Candidate& c, std::uint32_t start) {
    if (!c.case_sensitive || text.tokens[start].kind != text::TokenKind::Latin) return true;
    std::size_t pos = text.token_begin_byte(start);
    const char32_t first = text::decode_next(text.original, pos);
    return u_isupper(static_cast<UChar32>(first));
}

void MentionMatcher::find(const AnalyzedText& text, std::uint32_t first, std::uint32_t end, std::vector<Mention>& mentions) const {
    // The longest name at `t`, if any; where the search goes on.
    auto try_at = [&](std::uint32_t t) {
        // A name starts a word: not in the middle of "xLlama".
        const bool glued = t > first && !text.tokens[t].space_before && is_word(text.tokens[t].kind) &&
                           is_word(text.tokens[t - 1].kind);
        const Candidate c = glued ? Candidate{} : longest_at(text, t, end);
        if (c.entity < 0 || !capitalised_where_required(text, c, t)) return t + 1;
        const std::string_view word = text.token_text(t);
        mentions.push_back({static_cast<kb::EntityId>(c.entity), t, c.end_token, word.substr(0, c.prefix_bytes), false});
        return c.end_token;
    };
    if (!text.has_name_roots()) {
        for (std::uint32_t t = first; t < end;) t = try_at(t);
        return;
    }
    // Most tokens start no name: the ones that may are listed first, without
    // a branch on each token's flag (it missed at most of those that do).
    thread_local std::vector<std::uint32_t> starts;  // find never runs inside itself
    if (starts.size() < end - first) starts.resize(end - first);
    std::size_t count = 0;
    for (std::uint32_t t = first; t < end; ++t) {
        starts[count] = t;
        count += text.may_start_name(t);
    }
    std::uint32_t t = first;
    for (std::size_t i = 0; i < count; ++i)
        if (starts[i] >= t) t = try_at(starts[i]);
}

}  // namespace aikg::extract
