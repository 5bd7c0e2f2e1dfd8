#pragma once
// A bit per hash: a set of strings asked "surely not here?" before a table
// whose slot would be a cache miss. 64 Kbit (8 KB) stay in the core's cache;
// with a few thousand strings in, about one absent string in twenty passes.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace aikg::text {

class HashBits {
public:
    void add(std::uint64_t h) { bits_[slot(h)] |= bit(h); }
    bool may_hold(std::uint64_t h) const { return (bits_[slot(h)] & bit(h)) != 0; }

private:
    static constexpr std::size_t kBits = std::size_t{1} << 16;
    // The hash's top sixteen bits: tables index by its low bits.
    static std::size_t slot(std::uint64_t h) { return static_cast<std::size_t>(h >> 54); }
    static std::uint64_t bit(std::uint64_t h) { return std::uint64_t{1} << ((h >> 48) & 63); }
    std::vector<std::uint64_t> bits_ = std::vector<std::uint64_t>(kBits / 64, 0);
};

}  // namespace aikg::text
