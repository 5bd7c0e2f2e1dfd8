#include "extract/token_memo.hpp"

#include <deque>

namespace aikg::extract {

TokenMemo& TokenMemo::of_thread(std::uint64_t words_generation, std::uint64_t names_generation) {
    constexpr std::size_t kMaxMemos = 4;  // rule sets (languages) used by one thread at a time
    // A deque: adding a memo leaves references to the others valid.
    thread_local std::deque<TokenMemo> memos;
    for (TokenMemo& memo : memos)
        if (memo.is_for(words_generation, names_generation)) return memo;
    if (memos.size() >= kMaxMemos) memos.pop_front();
    return memos.emplace_back(words_generation, names_generation);
}

void TokenMemo::start_generation(std::uint64_t generation) {
    generation_ = generation;
    offset_by_id_.clear();
    data_.clear();
}

void TokenMemo::remember(std::uint64_t generation, std::uint32_t id, const std::uint32_t* tokens, std::size_t count) {
    if (generation != generation_) start_generation(generation);
    if (id >= offset_by_id_.size()) offset_by_id_.resize(id + 1, kNone);
    offset_by_id_[id] = static_cast<std::uint32_t>(data_.size());
    data_.insert(data_.end(), tokens, tokens + count);
}

}  // namespace aikg::extract
