#include "text/normalizer.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <array>
#include <stdexcept>

#include "text/utf8.hpp"

namespace aikg::text {
namespace {

const icu::Normalizer2& nfkc_casefold() {
    static const icu::Normalizer2* instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
        if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFKC_Casefold unavailable: ") + u_errorName(status));
        return n;
    }();
    return *instance;
}

bool is_arabic_mark(char32_t cp) noexcept {
    return (cp >= 0x0610 && cp <= 0x061A) ||  // Quranic honorifics
           (cp >= 0x064B && cp <= 0x065F) ||  // harakat, tanwin, shadda, sukun
           cp == 0x0670 ||                    // superscript alef
           (cp >= 0x06D6 && cp <= 0x06DC) || (cp >= 0x06DF && cp <= 0x06E8) || (cp >= 0x06EA && cp <= 0x06ED) ||
           (cp >= 0x08D3 && cp <= 0x08FF && cp != 0x08E2) ||
           cp == 0x0640;  // tatweel
}

char32_t fold_arabic_impl(char32_t cp) noexcept;

// Arabic, Latin-1 and the other two-byte code points, each normalised on its
// own once: most Arabic letters stand alone as a normalisation segment, and
// asking ICU for each one (with a UTF-16 round trip) made normalisation the
// slowest step of the text layer.
struct TwoByteTable {
    std::array<std::string, 0x800> folded;           // NFKC_Casefold + Arabic folding, as UTF-8
    std::array<bool, 0x800> boundary_before{};       // starts a normalisation segment
    TwoByteTable() {
        const icu::Normalizer2& nfkc = nfkc_casefold();
        for (char32_t cp = 0; cp < 0x800; ++cp) {
            boundary_before[cp] = nfkc.hasBoundaryBefore(static_cast<UChar32>(cp));
            icu::UnicodeString one(static_cast<UChar32>(cp)), out;
            UErrorCode status = U_ZERO_ERROR;
            nfkc.normalize(one, out, status);
            if (U_FAILURE(status)) continue;
            for (std::int32_t i = 0; i < out.length();) {
                const UChar32 c = out.char32At(i);
                i += U16_LENGTH(c);
                const char32_t mapped = fold_arabic_impl(static_cast<char32_t>(c));
                if (mapped != 0) append_utf8(folded[cp], mapped);
            }
        }
    }
};

const TwoByteTable& two_byte_table() {
    static const TwoByteTable table;
    return table;
}

}  // namespace

char32_t fold_arabic(char32_t cp) noexcept { return fold_arabic_impl(cp); }

namespace {
char32_t fold_arabic_impl(char32_t cp) noexcept {
    // Typographic apostrophes would otherwise split "Meta’s" differently from "Meta's".
    if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC) return U'\'';
    if (cp < 0x0600) return cp;
    if (is_arabic_mark(cp)) return 0;
    switch (cp) {
        case 0x0622: case 0x0623: case 0x0625: case 0x0671:  // آ أ إ ٱ
            return 0x0627;                                    // ا
        case 0x0649: return 0x064A;  // ى -> ي
        case 0x0629: return 0x0647;  // ة -> ه
        case 0x06A9: return 0x0643;  // ک -> ك
        case 0x06CC: return 0x064A;  // ی -> ي
        case 0x06A4: return 0x0641;  // ڤ -> ف
        case 0x06BE: return 0x0647;  // ھ -> ه
        case 0x06C1: return 0x0647;  // ہ -> ه
        case 0x06C0: return 0x0647;  // ۀ -> ه
        default: break;
    }
    if (cp >= 0x0660 && cp <= 0x0669) return U'0' + (cp - 0x0660);
    if (cp >= 0x06F0 && cp <= 0x06F9) return U'0' + (cp - 0x06F0);
    return cp;
}
}  // namespace

NormalizedText normalize_for_matching(std::string_view utf8) {
    const icu::Normalizer2& nfkc = nfkc_casefold();
    NormalizedText out;
    out.text.reserve(utf8.size());
    out.origin.reserve(utf8.size() + 1);

    auto emit = [&out](char32_t cp, std::uint32_t from) {
        const std::size_t before = out.text.size();
        append_utf8(out.text, cp);
        out.origin.insert(out.origin.end(), out.text.size() - before, from);
    };

    std::size_t pos = 0;
    const std::size_t n = utf8.size();
    icu::UnicodeString chunk, folded;
    const TwoByteTable& table = two_byte_table();
    // Whether the character at `at` starts a new normalisation segment.
    auto boundary_at = [&](std::size_t at) -> bool {
        if (at >= n) return true;
        const auto b = static_cast<unsigned char>(utf8[at]);
        if (b < 0x80) return true;
        if (b >= 0xC2 && b < 0xE0 && at + 1 < n)
            return table.boundary_before[((b & 0x1Fu) << 6) | (static_cast<unsigned char>(utf8[at + 1]) & 0x3Fu)];
        std::size_t next = at;
        return nfkc.hasBoundaryBefore(static_cast<UChar32>(decode_next(utf8, next))) != 0;
    };
    while (pos < n) {
        const auto start = static_cast<std::uint32_t>(pos);
        const auto lead = static_cast<unsigned char>(utf8[pos]);
        // ASCII followed by a segment start (ASCII, most letters, the end) is
        // its own normalisation chunk: NFKC_Casefold only lowercases it. This
        // keeps English text, and the spaces between Arabic words, off ICU.
        if (lead < 0x80 && boundary_at(pos + 1)) {
            const char c = static_cast<char>(lead);
            out.text.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
            out.origin.push_back(start);
            ++pos;
            continue;
        }
        // A two-byte character that is a segment of its own: from the table.
        if (lead >= 0xC2 && lead < 0xE0 && pos + 1 < n && boundary_at(pos + 2)) {
            const char32_t cp = ((lead & 0x1Fu) << 6) | (static_cast<unsigned char>(utf8[pos + 1]) & 0x3Fu);
            const std::string& mapped = table.folded[cp];
            out.text += mapped;
            out.origin.insert(out.origin.end(), mapped.size(), start);
            pos += 2;
            continue;
        }
        // A chunk runs until the next character that starts a new normalisation
        // segment, so compositions (alef + hamza above) are normalised whole.
        std::size_t end = pos;
        decode_next(utf8, end);
        while (end < n) {
            std::size_t next = end;
            const char32_t cp = decode_next(utf8, next);
            if (nfkc.hasBoundaryBefore(static_cast<UChar32>(cp))) break;
            end = next;
        }
        chunk = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data() + pos, static_cast<std::int32_t>(end - pos)));
        UErrorCode status = U_ZERO_ERROR;
        nfkc.normalize(chunk, folded, status);
        if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU normalisation failed: ") + u_errorName(status));
        for (std::int32_t i = 0; i < folded.length();) {
            const UChar32 cp = folded.char32At(i);
            i += U16_LENGTH(cp);
            const char32_t mapped = fold_arabic(static_cast<char32_t>(cp));
            if (mapped != 0) emit(mapped, start);
        }
        pos = end;
    }
    out.origin.push_back(static_cast<std::uint32_t>(n));
    return out;
}

std::string normalize(std::string_view utf8) { return normalize_for_matching(utf8).text; }

}  // namespace aikg::text
