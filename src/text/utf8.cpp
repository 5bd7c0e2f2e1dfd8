#include "text/utf8.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace aikg::text {

InvalidUtf8::InvalidUtf8(std::size_t byte_offset)
    : std::runtime_error("invalid UTF-8 at byte " + std::to_string(byte_offset)), byte_offset_(byte_offset) {}

namespace {

// From `i` (a character boundary), skips blocks of eight bytes made of ASCII
// and whole two-byte characters (Latin, Arabic: most of any article), judged
// from bit masks: continuation bytes must sit exactly after lead bytes.
// Returns a character boundary where the byte-wise checks take over.
std::size_t skip_one_and_two_byte_blocks(const unsigned char* s, std::size_t i, std::size_t n) noexcept {
    if constexpr (std::endian::native != std::endian::little) return i;
    constexpr std::uint64_t kHighs = 0x8080808080808080ULL, kOnes = 0x0101010101010101ULL;
    bool lead_before = false;  // the previous block ended with a lead byte
#if defined(__SSE2__)
    // The same masks for sixteen bytes, one bit per byte from movemask:
    // adding a byte to itself shifts it left, bringing bit 6 (then bit 5) up to bit 7.
    const __m128i overlong_lead = _mm_set1_epi8(static_cast<char>(0xC0)), without_low_bit = _mm_set1_epi8(static_cast<char>(0xFE));
    while (i + 16 <= n) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
        const __m128i shifted1 = _mm_add_epi8(block, block);
        const auto high = static_cast<unsigned>(_mm_movemask_epi8(block));
        const auto bit6 = static_cast<unsigned>(_mm_movemask_epi8(shifted1));
        const auto bit5 = static_cast<unsigned>(_mm_movemask_epi8(_mm_add_epi8(shifted1, shifted1)));
        const auto overlong = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(block, without_low_bit), overlong_lead)));
        const unsigned lead = high & bit6;
        const unsigned continuation = high & ~bit6;
        if (((lead & bit5) | overlong) != 0 || continuation != (((lead << 1) | (lead_before ? 1U : 0U)) & 0xFFFFU)) break;
        lead_before = (lead >> 15) != 0;
        i += 16;
    }
#endif
    while (i + 8 <= n) {
        std::uint64_t block = 0;
        std::memcpy(&block, s + i, 8);
        const std::uint64_t high = block & kHighs;
        const std::uint64_t bit6 = (block << 1) & kHighs;
        const std::uint64_t bit5 = (block << 2) & kHighs;
        const std::uint64_t lead = high & bit6;
        const std::uint64_t continuation = high & ~bit6;
        const std::uint64_t three_or_four = lead & bit5;
        const std::uint64_t c0_c1 = (block & 0xFEFEFEFEFEFEFEFEULL) ^ (0xC0 * kOnes);  // overlong leads are zero here
        const std::uint64_t overlong = (c0_c1 - kOnes) & ~c0_c1 & kHighs;
        if ((three_or_four | overlong) != 0 || continuation != ((lead << 8) | (lead_before ? 0x80U : 0U))) break;
        lead_before = (lead >> 56) != 0;
        i += 8;
    }
    return lead_before ? i - 1 : i;  // back to the lead whose continuation was not checked
}

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view bytes) noexcept {
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    while (i < n) {
        i = skip_one_and_two_byte_blocks(s, i, n);
        // Then ASCII and two-byte characters (Arabic, accented Latin) one
        // after the other without the general case's branches.
        while (i + 1 < n) {
            const unsigned char lead = s[i];
            if (lead < 0x80) ++i;
            else if (lead >= 0xC2 && lead <= 0xDF && (s[i + 1] & 0xC0) == 0x80) i += 2;
            else break;
        }
        if (i >= n) break;
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;       // overlong
            if (c == 0xED) hi = 0x9F;       // UTF-16 surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) lo = 0x90;       // overlong
            if (c == 0xF4) hi = 0x8F;       // above U+10FFFF
        } else {
            return i;
        }
        if (i + len > n) return i;
        if (s[i + 1] < lo || s[i + 1] > hi) return i;
        for (std::size_t k = 2; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) return i;
        }
        i += len;
    }
    return std::nullopt;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

bool looks_binary(std::string_view bytes) noexcept {
    const std::size_t probe = std::min<std::size_t>(bytes.size(), 8192);
    std::size_t control = 0;
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    auto counts = [](unsigned char c) { return c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f'; };
    std::size_t i = 0;
#if defined(__SSE2__)
    // Sixteen bytes a step, counting without a branch: a test per block that
    // left the fast loop at every line break cost text with short lines
    // (code, lists, subtitles) a fortieth of its extraction time. Counts are
    // kept per byte lane and summed when a lane could overflow: a popcount
    // per block is a library call on the baseline x86-64 this is built for.
    const __m128i last_control = _mm_set1_epi8(0x1F);
    const __m128i nul = _mm_setzero_si128();
    const __m128i newline = _mm_set1_epi8('\n'), carriage = _mm_set1_epi8('\r'), tab = _mm_set1_epi8('\t'), feed = _mm_set1_epi8('\f');
    __m128i any_nul = _mm_setzero_si128();
    __m128i lanes = _mm_setzero_si128();
    std::size_t lane_steps = 0;
    auto sum_lanes = [&] {
        const __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
        control += static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) + static_cast<std::size_t>(_mm_extract_epi16(sums, 4));
        lanes = _mm_setzero_si128();
        lane_steps = 0;
    };
    for (; i + 16 <= probe; i += 16) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
        const __m128i below_space = _mm_cmpeq_epi8(_mm_max_epu8(block, last_control), last_control);
        const __m128i allowed = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, newline), _mm_cmpeq_epi8(block, carriage)),
                                             _mm_or_si128(_mm_cmpeq_epi8(block, tab), _mm_cmpeq_epi8(block, feed)));
        lanes = _mm_sub_epi8(lanes, _mm_andnot_si128(allowed, below_space));  // a counted byte is -1
        any_nul = _mm_or_si128(any_nul, _mm_cmpeq_epi8(block, nul));
        if (++lane_steps == 255) sum_lanes();
    }
    sum_lanes();
    if (_mm_movemask_epi8(any_nul) != 0) return true;
#endif
    for (; i < probe; ++i) {
        if (s[i] == 0) return true;
        control += counts(s[i]) ? 1 : 0;
    }
    // Text files carry almost no C0 controls; a few percent means a binary format.
    return probe > 0 && control * 20 > probe;
}

}  // namespace aikg::text
