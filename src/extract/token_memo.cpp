#include "extract/token_memo.hpp"

#include <deque>

#include "text/linear_probing.hpp"
#include "text/word_hash.hpp"

namespace aikg::extract {
namespace {

// Small enough to stay in cache: with 262,144 tokens the lookups missed the
// cache and extraction was 7% slower than with 32,768, which still hold the
// words that make up most of any text (the memo starts over when full).
constexpr std::size_t kMaxTokens = 1 << 15;
constexpr std::size_t kMaxTextBytes = 1 << 20;
constexpr std::size_t kMaxTokenBytes = 64;  // longer tokens (URLs, runs of letters) are not worth keeping
constexpr std::size_t kMaxListSize = 64;    // readings or word ids of one token

}  // namespace

std::uint64_t TokenMemo::hash(std::string_view token) { return text::word_hash(token); }

TokenMemo& TokenMemo::of_thread(std::uint64_t words_generation, std::uint64_t names_generation) {
    constexpr std::size_t kMaxMemos = 4;  // rule sets (languages) used by one thread at a time
    // A deque: adding a memo leaves references to the others valid.
    thread_local std::deque<TokenMemo> memos;
    for (TokenMemo& memo : memos)
        if (memo.is_for(words_generation, names_generation)) return memo;
    if (memos.size() >= kMaxMemos) memos.pop_front();
    return memos.emplace_back(words_generation, names_generation);
}

void TokenMemo::clear() {
    slots_.assign(1024, Slot{0, 0, 0, 0, kEmpty, 0, false});
    used_ = 0;
    texts_.clear();
    data_.clear();
}

std::size_t TokenMemo::index_of(std::string_view token, std::uint64_t h) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        const Slot& slot = slots_[i];
        if (slot.readings == kEmpty) return i;
        if (slot.hash == h && std::string_view(texts_).substr(slot.text_begin, slot.text_size) == token) return i;
    }
}

bool TokenMemo::append(std::string_view token, std::vector<text::CliticSplit>& readings, Ids* roots, Ids* word_ids) const {
    if (slots_.empty()) return false;
    const Slot& slot = slots_[index_of(token, hash(token))];
    if (slot.readings == kEmpty) return false;
    const std::uint32_t* data = data_.data() + slot.data_begin;
    // Built in place (analyze reserves ahead): resize() first wrote every reading twice.
    for (std::uint8_t r = 0; r < slot.readings; ++r) readings.push_back({token.substr(0, data[r]), token.substr(data[r])});
    data += slot.readings;
    // One push_back per number (a token has one to three): a generic range
    // insert, or resize and memcpy, each cost a call for so few.
    auto append_ids = [](Ids& to, const std::uint32_t* from, std::size_t count) {
        for (std::size_t i = 0; i < count; ++i) to.push_back(from[i]);
    };
    if (slot.has_roots) {
        if (roots) append_ids(*roots, data, slot.readings);
        data += slot.readings;
    }
    if (word_ids) append_ids(*word_ids, data, slot.words);
    return true;
}

void TokenMemo::remember(std::string_view token, const Facts& facts) {
    if (token.size() > kMaxTokenBytes || facts.prefix_bytes.size() > kMaxListSize || facts.word_ids.size() > kMaxListSize) return;
    if (slots_.empty() || used_ >= kMaxTokens || texts_.size() + token.size() > kMaxTextBytes) clear();
    if ((used_ + 1) * 2 > slots_.size()) grow();
    const std::uint64_t h = hash(token);
    Slot* slot = &slots_[index_of(token, h)];
    if (slot->readings != kEmpty) return;
    *slot = Slot{h,
                 static_cast<std::uint32_t>(texts_.size()),
                 static_cast<std::uint32_t>(data_.size()),
                 static_cast<std::uint16_t>(token.size()),
                 static_cast<std::uint8_t>(facts.prefix_bytes.size()),
                 static_cast<std::uint8_t>(facts.word_ids.size()),
                 !facts.roots.empty()};
    texts_ += token;
    data_.insert(data_.end(), facts.prefix_bytes.begin(), facts.prefix_bytes.end());
    data_.insert(data_.end(), facts.roots.begin(), facts.roots.end());
    data_.insert(data_.end(), facts.word_ids.begin(), facts.word_ids.end());
    ++used_;
}

void TokenMemo::grow() {
    text::grow_linear_probing(slots_, Slot{0, 0, 0, 0, kEmpty, 0, false}, [](const Slot& slot) { return slot.readings == kEmpty; });
}

}  // namespace aikg::extract
