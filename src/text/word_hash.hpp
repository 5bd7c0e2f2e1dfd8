#pragma once
// The hash of short strings (tokens, name words) in the extraction tables.
// Eight bytes at a time: a byte-at-a-time hash is a chain of dependent
// multiplies, and tokens are hashed once per occurrence.

#include <cstdint>
#include <cstring>
#include <string_view>

namespace aikg::text {

// Up to eight bytes of a string in one number, without a loop or a call:
// two overlapping four-byte loads, or the first, middle and last byte (every
// byte is covered either way). Strings of one length never share it.
inline std::uint64_t short_bytes(const unsigned char* p, std::size_t n) {
    if (n >= 4) {
        std::uint32_t first = 0, last = 0;
        std::memcpy(&first, p, 4);
        std::memcpy(&last, p + n - 4, 4);
        return first | (std::uint64_t{last} << 32);
    }
    if (n > 0) return std::uint64_t{p[0]} | (std::uint64_t{p[n / 2]} << 8) | (std::uint64_t{p[n - 1]} << 16);
    return 0;
}

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
    // The last 1-7 bytes (the length is already in `h`).
    h = (h ^ short_bytes(p, n)) * 0x94D049BB133111EBULL;
    return h ^ (h >> 29);
}

// Whether two short byte strings are equal, read eight (or four) bytes at a
// time with overlapping loads: a call to memcmp per comparison cost more than
// the comparison, for tokens and chunks met under an equal hash.
inline bool same_short_string(const char* a, const char* b, std::size_t n) {
    auto load8 = [](const char* p) {
        std::uint64_t v = 0;
        std::memcpy(&v, p, 8);
        return v;
    };
    auto load4 = [](const char* p) {
        std::uint32_t v = 0;
        std::memcpy(&v, p, 4);
        return v;
    };
    if (n >= 8) {
        for (std::size_t i = 0; i + 8 < n; i += 8)
            if (load8(a + i) != load8(b + i)) return false;
        return load8(a + n - 8) == load8(b + n - 8);
    }
    if (n >= 4) return load4(a) == load4(b) && load4(a + n - 4) == load4(b + n - 4);
    for (std::size_t i = 0; i < n; ++i)
        if (a[i] != b[i]) return false;
    return true;
}

// Hashes a std::string key and a std::string_view alike, so that a map keyed
// by string (with std::equal_to<>) is looked up by view without building a
// string each time.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return word_hash(s); }
};

}  // namespace aikg::text
