#pragma once
// The growth step shared by open-addressing tables (the chunk memo, the
// string index, the catalog trie's edges): twice the slots, every entry
// placed again from its hash.

#include <cstddef>
#include <vector>

namespace aikg::text {

template <class Slot, class IsEmpty>
void grow_linear_probing(std::vector<Slot>& slots, const Slot& empty, IsEmpty is_empty) {
    std::vector<Slot> old(slots.size() * 2, empty);
    old.swap(slots);
    const std::size_t mask = slots.size() - 1;
    for (const Slot& slot : old) {
        if (is_empty(slot)) continue;
        std::size_t i = slot.hash & mask;
        while (!is_empty(slots[i])) i = (i + 1) & mask;
        slots[i] = slot;
    }
}

}  // namespace aikg::text
