#pragma once
// A vector of plain numbers that resize() does not zero-fill. For buffers
// written right after they grow (a normalised text's origin map, a document's
// per-token word numbers) the zeroing was pure cost: the origin map alone is
// four bytes per byte of text.

#include <memory>
#include <utility>
#include <vector>

namespace aikg::text {

template <class T>
struct DefaultInitAllocator : std::allocator<T> {
    template <class U>
    struct rebind {
        using other = DefaultInitAllocator<U>;
    };
    DefaultInitAllocator() = default;
    template <class U>
    DefaultInitAllocator(const DefaultInitAllocator<U>&) noexcept {}

    // Value-initialisation (what resize asks for) becomes default-initialisation.
    template <class U, class... Args>
    void construct(U* p, Args&&... args) {
        if constexpr (sizeof...(Args) == 0) ::new (static_cast<void*>(p)) U;
        else ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
};

template <class T>
using UninitializedVector = std::vector<T, DefaultInitAllocator<T>>;

}  // namespace aikg::text
