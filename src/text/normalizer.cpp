#include "text/normalizer.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstring>
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
    // NFKC_Casefold + Arabic folding, as UTF-8 (at most 5 bytes: "¼" is "1⁄4"),
    // stored flat so the hot loop copies 8 bytes and moves on by `length`.
    struct Folded {
        char bytes[8] = {};
        std::uint8_t length = 0;
    };
    std::array<Folded, 0x800> folded;
    std::array<bool, 0x800> boundary_before{};       // starts a normalisation segment
    TwoByteTable() {
        const icu::Normalizer2& nfkc = nfkc_casefold();
        for (char32_t cp = 0; cp < 0x800; ++cp) {
            boundary_before[cp] = nfkc.hasBoundaryBefore(static_cast<UChar32>(cp));
            icu::UnicodeString one(static_cast<UChar32>(cp)), out;
            UErrorCode status = U_ZERO_ERROR;
            nfkc.normalize(one, out, status);
            if (U_FAILURE(status)) continue;
            std::string utf8;
            for (std::int32_t i = 0; i < out.length();) {
                const UChar32 c = out.char32At(i);
                i += U16_LENGTH(c);
                const char32_t mapped = fold_arabic_impl(static_cast<char32_t>(c));
                if (mapped != 0) append_utf8(utf8, mapped);
            }
            if (utf8.size() > sizeof(Folded::bytes)) throw std::logic_error("a two-byte character folds to more than 8 bytes");
            std::copy(utf8.begin(), utf8.end(), folded[cp].bytes);
            folded[cp].length = static_cast<std::uint8_t>(utf8.size());
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

namespace {

// The normalised text and its origin map are written through raw indexes into
// buffers sized ahead: push_back per byte (a capacity check and, for the
// string, a terminator each) was half the cost of normalising.
class NormalizedWriter {
public:
    NormalizedWriter(NormalizedText& out, std::size_t expected) : out_(out) { grow(expected + kSlack); }

    // Room for `bytes` more output bytes.
    void reserve_more(std::size_t bytes) {
        if (size_ + bytes > out_.text.size()) grow(2 * out_.text.size() + bytes);
    }
    // Eight ASCII bytes at once, already lowercased; `from` is the first one's origin.
    void put_ascii8(std::uint64_t block, std::uint32_t from) {
        std::memcpy(out_.text.data() + size_, &block, 8);
        std::uint32_t* origin = out_.origin.data() + size_;
        for (std::uint32_t i = 0; i < 8; ++i) origin[i] = from + i;
        size_ += 8;
    }
    void put(char c, std::uint32_t from) {
        out_.text[size_] = c;
        out_.origin[size_] = from;
        ++size_;
    }
    // Copies 8 bytes and keeps `length` of them: needs reserve_more(8).
    void put_folded(const char (&bytes)[8], std::uint8_t length, std::uint32_t from) {
        std::memcpy(out_.text.data() + size_, bytes, 8);
        // All eight origins: a fixed count the compiler writes with two vector
        // stores, where a loop of `length` was a branch per byte.
        std::uint32_t* origin = out_.origin.data() + size_;
        for (int i = 0; i < 8; ++i) origin[i] = from;
        size_ += length;
    }
    void put_code_point(char32_t cp, std::uint32_t from) {
        char bytes[8] = {};
        std::string encoded;
        append_utf8(encoded, cp);
        reserve_more(8);
        std::copy(encoded.begin(), encoded.end(), bytes);
        put_folded(bytes, static_cast<std::uint8_t>(encoded.size()), from);
    }
    void finish(std::uint32_t original_size) {
        out_.text.resize(size_);
        out_.origin.resize(size_);
        out_.origin.push_back(original_size);
    }

private:
    static constexpr std::size_t kSlack = 16;
    void grow(std::size_t bytes) {
        out_.text.resize(bytes);
        out_.origin.resize(bytes);
    }
    NormalizedText& out_;
    std::size_t size_ = 0;
};

constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
constexpr std::uint64_t kEveryByte = 0x0101010101010101ULL;

// Lowercases eight ASCII bytes (none has its high bit set): a byte's high bit,
// after adding a constant, says whether it is at least 'A' and whether it is
// past 'Z'; no sum carries into the next byte.
std::uint64_t ascii_lower8(std::uint64_t block) {
    const std::uint64_t at_least_a = block + (0x80 - 'A') * kEveryByte;
    const std::uint64_t past_z = block + (0x80 - 'Z' - 1) * kEveryByte;
    const std::uint64_t upper = at_least_a & ~past_z & kHighBits;
    return block | (upper >> 2);
}

}  // namespace

NormalizedText normalize_for_matching(std::string_view utf8) {
    NormalizedText out;
    normalize_for_matching(utf8, out);
    return out;
}

void normalize_for_matching(std::string_view utf8, NormalizedText& out) {
    const std::size_t n = utf8.size();
    NormalizedWriter writer(out, n);
    const auto* bytes = reinterpret_cast<const unsigned char*>(utf8.data());

    std::size_t pos = 0;
    icu::UnicodeString chunk, folded;
    // Fetched at the first non-ASCII character: building the table (2,048 ICU
    // calls) was most of a `query` for an English name.
    const TwoByteTable* table_built = nullptr;
    auto table = [&]() -> const TwoByteTable& {
        if (!table_built) table_built = &two_byte_table();
        return *table_built;
    };
    // Whether the character at `at` starts a new normalisation segment.
    auto boundary_at = [&](std::size_t at) -> bool {
        if (at >= n) return true;
        const unsigned char b = bytes[at];
        if (b < 0x80) return true;
        if (b >= 0xC2 && b < 0xE0 && at + 1 < n) return table().boundary_before[((b & 0x1Fu) << 6) | (bytes[at + 1] & 0x3Fu)];
        std::size_t next = at;
        return nfkc_casefold().hasBoundaryBefore(static_cast<UChar32>(decode_next(utf8, next))) != 0;
    };
    while (pos < n) {
        // ASCII followed by ASCII: NFKC_Casefold only lowercases it. This
        // keeps English text, and the spaces between Arabic words, off ICU.
        writer.reserve_more(n - pos + 8);
        // Eight at a time while the byte after them is ASCII too: English
        // text spent a tenth of its extraction time in the byte loop below.
        while (pos + 8 < n) {
            std::uint64_t block = 0;
            std::memcpy(&block, bytes + pos, 8);
            if (((block & kHighBits) | (bytes[pos + 8] & 0x80u)) != 0) break;
            writer.put_ascii8(ascii_lower8(block), static_cast<std::uint32_t>(pos));
            pos += 8;
        }
        while (pos + 1 < n && bytes[pos] < 0x80 && bytes[pos + 1] < 0x80) {
            const unsigned char c = bytes[pos];
            writer.put(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c), static_cast<std::uint32_t>(pos));
            ++pos;
        }
        if (pos >= n) break;
        const auto start = static_cast<std::uint32_t>(pos);
        const unsigned char lead = bytes[pos];
        // ASCII followed by a segment start (most letters, the end) is its own chunk too.
        if (lead < 0x80 && boundary_at(pos + 1)) {
            writer.put(static_cast<char>(lead >= 'A' && lead <= 'Z' ? lead - 'A' + 'a' : lead), start);
            ++pos;
            continue;
        }
        // Two-byte characters that are segments of their own (an Arabic word
        // without diacritics): from the table, in a loop of their own.
        if (lead >= 0xC2 && lead < 0xE0 && pos + 1 < n && boundary_at(pos + 2)) {
            const TwoByteTable& two_byte = table();
            do {
                const auto& mapped = two_byte.folded[((bytes[pos] & 0x1Fu) << 6) | (bytes[pos + 1] & 0x3Fu)];
                writer.reserve_more(8);
                writer.put_folded(mapped.bytes, mapped.length, static_cast<std::uint32_t>(pos));
                pos += 2;
                if (pos + 1 >= n || bytes[pos] < 0xC2 || bytes[pos] >= 0xE0) break;
                // The next two-byte character joins the run when the one after it starts a segment.
                const std::size_t after = pos + 2;
                if (after < n && bytes[after] >= 0x80) {
                    const unsigned char b = bytes[after];
                    if (b >= 0xC2 && b < 0xE0 && after + 1 < n) {
                        if (!two_byte.boundary_before[((b & 0x1Fu) << 6) | (bytes[after + 1] & 0x3Fu)]) break;
                    } else if (!boundary_at(after)) {
                        break;
                    }
                }
            } while (true);
            continue;
        }
        // A chunk runs until the next character that starts a new normalisation
        // segment, so compositions (alef + hamza above) are normalised whole.
        const icu::Normalizer2& nfkc = nfkc_casefold();
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
            if (mapped != 0) writer.put_code_point(mapped, start);
        }
        pos = end;
    }
    writer.finish(static_cast<std::uint32_t>(n));
}

std::string normalize(std::string_view utf8) { return normalize_for_matching(utf8).text; }

}  // namespace aikg::text
