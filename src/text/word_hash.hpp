#pragma once
// The hash of short strings (tokens, name words) in the extraction tables.
// Eight bytes at a time: a byte-at-a-time hash is a chain of dependent
// multiplies, and tokens are hashed once per occurrence.

#include <cstdint>
#include <cstring>
#include <string_view>

namespace aikg::text {

inline std::uint64_t word_hash(std::string_view word, std::uint64_t seed = 0) {
    const auto* p = reinterpret_cast<const unsigned char*>(word.data());
    std::size_t n = word.size();
    std::uint64_t h = (0x9E3779B97F4A7C15ULL ^ seed) ^ n;
    while (n >= 8) {
        std::uint64_t chunk = 0;
        std::memcpy(&chunk, p, 8);
        h = (h ^ chunk) * 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 31;
        p += 8;
        n -= 8;
    }
    // The last 1-7 bytes without a loop: two overlapping four-byte loads, or
    // the first, middle and last byte (every byte is covered either way, and
    // the length is already in `h`).
    std::uint64_t tail = 0;
    if (n >= 4) {
        std::uint32_t first = 0, last = 0;
        std::memcpy(&first, p, 4);
        std::memcpy(&last, p + n - 4, 4);
        tail = first | (std::uint64_t{last} << 32);
    } else if (n > 0) {
        tail = std::uint64_t{p[0]} | (std::uint64_t{p[n / 2]} << 8) | (std::uint64_t{p[n - 1]} << 16);
    }
    h = (h ^ tail) * 0x94D049BB133111EBULL;
    return h ^ (h >> 29);
}

// Hashes a std::string key and a std::string_view alike, so that a map keyed
// by string (with std::equal_to<>) is looked up by view without building a
// string each time.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return word_hash(s); }
};

}  // namespace aikg::text
