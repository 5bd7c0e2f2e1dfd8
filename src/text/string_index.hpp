#pragma once
// Short strings, each with a number its owner chose (where the string's
// values start in the owner's vectors): one open-addressing table over one
// buffer of their bytes. The per-thread memos of the text layer (a token's
// annotations) and of unknown names (a name's matching key, a document's
// local entities) use it: a node-based map per memo cost a division by a
// prime and three cache misses a lookup, and the number beside the string
// saves a second look-up for its values.

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/linear_probing.hpp"
#include "text/word_hash.hpp"

namespace aikg::text {

class StringIndex {
public:
    static constexpr std::uint32_t kNone = UINT32_MAX;

    // `slots`: the table's size when empty, a power of two.
    explicit StringIndex(std::size_t slots = 1024) : initial_slots_(slots) { slots_.assign(initial_slots_, Slot{}); }

    std::size_t size() const noexcept { return count_; }

    // The number given with `s` (its hash `h` = word_hash(s)), or kNone.
    std::uint32_t find(std::string_view s, std::uint64_t h) const { return slots_[index_of(s, h)].number; }

    // Adds `s`, which is not in the index, with `number` (not kNone).
    void add(std::string_view s, std::uint64_t h, std::uint32_t number) {
        if ((count_ + 1) * 2 > slots_.size())
            grow_linear_probing(slots_, Slot{}, [](const Slot& slot) { return slot.number == kNone; });
        slots_[index_of(s, h)] = Slot{static_cast<std::uint32_t>(h), static_cast<std::uint32_t>(bytes_.size()), number,
                                      static_cast<std::uint32_t>(s.size())};
        bytes_.append(s);
        ++count_;
    }

    // Empties the index at the cost of what it held: a table grown for one
    // large document goes back to its first size rather than being wiped whole.
    void clear() {
        if (count_ == 0) return;
        if (slots_.size() > initial_slots_) slots_.assign(initial_slots_, Slot{});
        else std::fill(slots_.begin(), slots_.end(), Slot{});
        bytes_.clear();
        count_ = 0;
    }

private:
    struct Slot {
        std::uint32_t hash = 0;  // the hash's low half: where it goes, and a first test
        std::uint32_t begin = 0;  // in bytes_
        std::uint32_t number = kNone;
        std::uint32_t size = 0;
    };
    static_assert(sizeof(Slot) == 16);

    // The slot holding `s`, or the empty one where it would go.
    std::size_t index_of(std::string_view s, std::uint64_t h) const {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const Slot& slot = slots_[i];
            if (slot.number == kNone) return i;
            if (slot.hash == static_cast<std::uint32_t>(h) && slot.size == s.size() &&
                same_short_string(bytes_.data() + slot.begin, s.data(), s.size()))
                return i;
        }
    }

    std::size_t initial_slots_;
    std::vector<Slot> slots_;
    std::string bytes_;
    std::size_t count_ = 0;
};

}  // namespace aikg::text
