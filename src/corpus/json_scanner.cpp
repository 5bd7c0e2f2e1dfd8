#include "corpus/json_scanner.hpp"

#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace aikg::corpus {
namespace {

constexpr std::uint64_t kEachByte = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

// The high bit of each of eight bytes (little-endian) that may end a plain
// run of a JSON string: a quote, a backslash or a control byte (below 0x20),
// by the usual has-zero-byte test on the bytes xor the value sought. The
// lowest bit set is exact (a borrow only marks bytes above a true one), so
// no set bit at all is exact too.
std::uint64_t plain_run_ends(std::uint64_t bytes) {
    auto has = [bytes](unsigned char value) {
        const std::uint64_t x = bytes ^ (kEachByte * value);
        return (x - kEachByte) & ~x & kHighBits;
    };
    const std::uint64_t control = (bytes - kEachByte * 0x20) & ~bytes & kHighBits;
    return has('"') | has('\\') | control;
}

void append_utf8(std::uint32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace

std::size_t plain_json_run(std::string_view s) noexcept {
    std::size_t pos = 0;
    // Article text and evidence sentences are long plain runs: sixteen (or
    // eight) bytes a step, and the first byte that ends the run is found exactly.
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), last_control = _mm_set1_epi8(0x1F);
    for (; pos + 16 <= s.size(); pos += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + pos));
        const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(bytes, last_control), last_control);  // bytes <= 0x1F
        const __m128i ends = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash)), control);
        if (const int mask = _mm_movemask_epi8(ends); mask != 0) return pos + static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(mask)));
    }
#endif
    // Then eight bytes a step, the run's end read off the lowest marked byte;
    // the last few bytes as the tail of the last eight, without a loop over
    // them (a loop byte by byte missed its exit once a string).
    const std::size_t n = s.size();
    for (std::uint64_t bytes = 0; pos + 8 <= n; pos += 8) {
        std::memcpy(&bytes, s.data() + pos, 8);
        if (const std::uint64_t ends = plain_run_ends(bytes); ends != 0) return pos + static_cast<std::size_t>(std::countr_zero(ends)) / 8;
    }
    if (pos == n) return n;
    if (n >= 8) {
        std::uint64_t bytes = 0;
        std::memcpy(&bytes, s.data() + n - 8, 8);
        // The bytes before `pos` are known plain: only the later ones count.
        const std::uint64_t ends = plain_run_ends(bytes) & (~std::uint64_t{0} << (8 * (pos - (n - 8))));
        return ends != 0 ? n - 8 + static_cast<std::size_t>(std::countr_zero(ends)) / 8 : n;
    }
    while (pos < n && s[pos] != '"' && s[pos] != '\\' && static_cast<unsigned char>(s[pos]) >= 0x20) ++pos;
    return pos;
}

bool is_short_plain_json(std::string_view s) noexcept {
    const std::size_t n = s.size();
    if (n >= 8) {
        std::uint64_t first = 0, last = 0;
        std::memcpy(&first, s.data(), 8);
        std::memcpy(&last, s.data() + n - 8, 8);
        return n <= 16 && (plain_run_ends(first) | plain_run_ends(last)) == 0;
    }
    if (n >= 4) {
        std::uint32_t first = 0, last = 0;
        std::memcpy(&first, s.data(), 4);
        std::memcpy(&last, s.data() + n - 4, 4);
        return plain_run_ends(first | std::uint64_t{last} << 32) == 0;
    }
    for (const char c : s)
        if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) return false;
    return true;
}

bool JsonScanner::string(std::string& out) {
    if (!eat('"')) return false;
    out.clear();
    while (pos_ < s_.size()) {
        const std::size_t run = pos_;
        pos_ += plain_json_run(s_.substr(pos_));
        // An escape ahead (paragraph breaks in an article): room for the rest
        // of the line at once, where appending run by run grew the string again and again.
        if (out.empty() && pos_ < s_.size() && s_[pos_] == '\\') out.reserve(s_.size() - run);
        out.append(s_.data() + run, pos_ - run);
        if (pos_ == s_.size() || static_cast<unsigned char>(s_[pos_]) < 0x20) return false;
        if (s_[pos_++] == '"') return true;
        if (!escape(out)) return false;
    }
    return false;
}

bool JsonScanner::literal(bool& is_null) {
    skip_space();
    is_null = false;
    for (std::string_view word : {"true", "false", "null"}) {
        if (s_.substr(pos_, word.size()) == word) {
            pos_ += word.size();
            is_null = word == "null";
            return true;
        }
    }
    return number();
}

bool JsonScanner::number(std::string_view& text) {
    skip_space();
    const std::size_t start = pos_;
    if (!number()) return false;
    text = s_.substr(start, pos_ - start);
    return true;
}

bool JsonScanner::digits() {
    const std::size_t start = pos_;
    while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
    return pos_ > start;
}

bool JsonScanner::number() {
    if (pos_ < s_.size() && s_[pos_] == '-') ++pos_;
    if (pos_ < s_.size() && s_[pos_] == '0') ++pos_;
    else if (!digits()) return false;
    if (pos_ < s_.size() && s_[pos_] == '.' && (++pos_, !digits())) return false;
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
        ++pos_;
        if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
        if (!digits()) return false;
    }
    return true;
}

bool JsonScanner::hex4(std::uint32_t& value) {
    if (pos_ + 4 > s_.size()) return false;
    value = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = s_[pos_++];
        value <<= 4;
        if (c >= '0' && c <= '9') value |= static_cast<std::uint32_t>(c - '0');
        else if (c >= 'a' && c <= 'f') value |= static_cast<std::uint32_t>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') value |= static_cast<std::uint32_t>(c - 'A' + 10);
        else return false;
    }
    return true;
}

bool JsonScanner::escape(std::string& out) {
    if (pos_ == s_.size()) return false;
    switch (s_[pos_++]) {
        case '"': out += '"'; return true;
        case '\\': out += '\\'; return true;
        case '/': out += '/'; return true;
        case 'b':
            out += '\b';
            unescaped_controls_ = true;
            return true;
        case 'f': out += '\f'; return true;
        case 'n': out += '\n'; return true;
        case 'r': out += '\r'; return true;
        case 't': out += '\t'; return true;
        case 'u': break;
        default: return false;
    }
    std::uint32_t cp = 0;
    if (!hex4(cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate alone
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        std::uint32_t low = 0;
        if (s_.substr(pos_, 2) != "\\u") return false;
        pos_ += 2;
        if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    if (cp < 0x20 && cp != '\n' && cp != '\r' && cp != '\t' && cp != '\f') unescaped_controls_ = true;
    append_utf8(cp, out);
    return true;
}

}  // namespace aikg::corpus
