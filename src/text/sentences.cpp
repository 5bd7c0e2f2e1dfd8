#include "text/sentences.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <stdexcept>

#include "text/utf8.hpp"

namespace aikg::text {
namespace {

bool is_space_at(std::string_view s, std::size_t pos, std::size_t& next) {
    // ASCII without a call into ICU: every sentence is trimmed at both ends.
    if (const auto c = static_cast<unsigned char>(s[pos]); c < 0x80) {
        next = pos + 1;
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
    next = pos;
    const char32_t cp = decode_next(s, next);
    return u_isUWhiteSpace(static_cast<UChar32>(cp)) || cp == 0xFEFF;
}

ByteSpan trim(std::string_view s, std::size_t begin, std::size_t end) {
    std::size_t next = 0;
    while (begin < end && is_space_at(s, begin, next)) begin = next;
    // Walk back over trailing whitespace one code point at a time.
    while (end > begin) {
        std::size_t start = end - 1;
        while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
        if (!is_space_at(s, start, next)) break;
        end = start;
    }
    return {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
}

std::vector<ByteSpan> spans_between(std::string_view utf8, const std::vector<std::uint32_t>& boundaries) {
    std::vector<ByteSpan> spans;
    spans.reserve(boundaries.size());
    for (std::size_t i = 1; i < boundaries.size(); ++i) {
        const ByteSpan span = trim(utf8, boundaries[i - 1], boundaries[i]);
        if (span.begin < span.end) spans.push_back(span);
    }
    return spans;
}

// UAX #29 sentence boundaries (the rules ICU's root sentence iterator
// implements), run over the Sentence_Break property of each character. ICU's
// rule-based iterator over UTF-8 cost a tenth of extraction. Breaks only
// happen after terminators and paragraph ends, so the scan jumps from one of
// those to the next by their lead bytes, and reads the characters around one
// only when it finds one (classifying every character was still 6% of
// extraction).
class SentenceBreaks {
public:
    explicit SentenceBreaks(std::string_view utf8) : text_(utf8), n_(utf8.size()) {}

    // Over the whole text, or over the ranges that hold its deciding characters.
    std::vector<std::uint32_t> boundaries(const std::vector<ByteSpan>* may_break) {
        breaks_.reserve(n_ / 64 + 8);  // sentences are rarely shorter than 64 bytes
        breaks_.push_back(0);
        std::size_t pos = 0;
        if (!may_break) {
            scan(pos, n_);
        } else {
            for (const ByteSpan& range : *may_break) {
                pos = std::max<std::size_t>(pos, range.begin);
                scan(pos, range.end);
            }
        }
        add_break(n_);
        return std::move(breaks_);
    }

    // Where the text's first deciding character starts, or its size.
    std::size_t first_deciding() const {
        std::size_t pos = 0;
        return find_deciding(pos, n_) ? pos : n_;
    }

private:
    // Decides the breaks at every deciding character that starts before `end`,
    // from `pos` on; `pos` ends past the last one (its context may reach past `end`).
    void scan(std::size_t& pos, std::size_t end) {
        while (find_deciding(pos, end)) {
            if (plain_sentence_end(pos)) {
                add_break(pos + 2);
                pos += 2;
                continue;
            }
            const Unit unit = unit_at(pos);
            if (is_para_sep(unit.cls)) {  // SB3, SB4
                const Unit after = after_para_sep(unit);
                add_break(after.begin);
                pos = after.begin;
            } else if (is_terminator(unit.cls)) {
                pos = after_terminator(unit, class_before(pos));
            } else {
                pos = unit.end;
            }
        }
    }

    // Whether a terminator at `pos` is the usual end of a sentence: one space
    // and a capital or a letter of a caseless script after it ("models. Meta",
    // "المصدر. وقالت"). Then none of SB6 to SB8a holds and the break falls
    // before the letter, found without decoding the characters around it
    // (the full rules cost about 300 instructions a sentence).
    bool plain_sentence_end(std::size_t pos) const {
        if (pos + 2 >= n_) return false;
        const auto* bytes = reinterpret_cast<const unsigned char*>(text_.data());
        const unsigned terminator = bytes[pos];
        if ((terminator != '.' && terminator != '!' && terminator != '?') || bytes[pos + 1] != ' ') return false;
        const unsigned lead = bytes[pos + 2];
        unsigned cp = lead;
        if (lead >= 0x80) {
            if (lead < 0xC2 || lead >= 0xE0 || pos + 3 >= n_) return false;
            cp = ((lead & 0x1Fu) << 6) | (bytes[pos + 3] & 0x3Fu);
        }
        const auto cls = static_cast<USentenceBreak>(Tables::get().two_byte[cp]);
        return cls == U_SB_UPPER || cls == U_SB_OLETTER;
    }

    // Moves `pos` to the next deciding character before `end`; false when there is none.
    bool find_deciding(std::size_t& pos, std::size_t end) const {
        const auto* bytes = reinterpret_cast<const unsigned char*>(text_.data());
        const Tables& tables = Tables::get();
        for (;;) {
            while (pos + 8 <= end && ascii_without_deciding(bytes + pos)) pos += 8;
            // Characters of one or two bytes, judged from one table with no
            // branch on their script: the lead-byte test below alone left the
            // loop at every other Arabic letter (ا and ؟ share a lead byte),
            // a mispredicted branch each time.
            while (pos + 1 < end && bytes[pos] < 0xE0) {
                const unsigned b = bytes[pos];
                const bool two = b >= 0xC0;
                const unsigned cp = two ? ((b & 0x1Fu) << 6) | (bytes[pos + 1] & 0x3Fu) : b;
                if (tables.deciding_two_byte[cp]) break;
                pos += 1 + static_cast<std::size_t>(two);
            }
            // Longer characters and the last byte, by their lead bytes.
            while (pos < end && !tables.deciding_lead[bytes[pos]]) ++pos;
            if (pos >= end) return false;
            const unsigned char lead = bytes[pos];
            if (lead >= 0xC2 && lead < 0xE0 && pos + 1 < n_ &&
                !tables.deciding_two_byte[((lead & 0x1Fu) << 6) | (bytes[pos + 1] & 0x3Fu)]) {
                pos += 2;  // a letter sharing its lead byte with a terminator (ا and ؟)
                continue;
            }
            // A lead byte of three or four that may start one: the unit decides.
            if (lead >= 0xE0 && !deciding(property_at(pos))) {
                pos += lead >= 0xF0 ? 4 : 3;
                continue;
            }
            return true;
        }
    }

    USentenceBreak property_at(std::size_t pos) const {
        std::size_t next = pos;
        return property(decode_next(text_, next));
    }

private:
    // A character with the Extend and Format characters after it (SB5), or a
    // paragraph end alone (SB4 comes first); past the end, class U_SB_COUNT.
    struct Unit {
        std::size_t begin, end;
        USentenceBreak cls;
    };

    struct Tables {
        std::array<std::uint8_t, 0x800> two_byte{};         // Sentence_Break of U+0000..U+07FF
        std::array<bool, 0x800> deciding_two_byte{};        // a terminator or paragraph end
        std::array<bool, 256> deciding_lead{};              // may start one
        static const Tables& get() {
            static const Tables tables;
            return tables;
        }
        Tables() {
            for (char32_t c = 0; c < two_byte.size(); ++c) {
                two_byte[c] = static_cast<std::uint8_t>(u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_SENTENCE_BREAK));
                deciding_two_byte[c] = deciding(static_cast<USentenceBreak>(two_byte[c]));
            }
            // Every code point of the deciding classes, by ranges, marks its lead byte.
            for (const USentenceBreak cls : {U_SB_ATERM, U_SB_STERM, U_SB_SEP, U_SB_CR, U_SB_LF}) {
                UErrorCode status = U_ZERO_ERROR;
                icu::UnicodeSet set;
                set.applyIntPropertyValue(UCHAR_SENTENCE_BREAK, cls, status);
                if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU Sentence_Break sets unavailable: ") + u_errorName(status));
                for (std::int32_t r = 0; r < set.getRangeCount(); ++r) {
                    for (UChar32 cp = set.getRangeStart(r); cp <= set.getRangeEnd(r); ++cp) {
                        std::string encoded;
                        append_utf8(encoded, static_cast<char32_t>(cp));
                        deciding_lead[static_cast<unsigned char>(encoded[0])] = true;
                    }
                }
            }
        }
    };

    // Whether eight bytes are ASCII without a terminator or line end (. ! ?
    // LF CR, the only deciding ASCII characters): English text skips to its
    // next full stop a block at a time.
    static bool ascii_without_deciding(const unsigned char* at) {
        constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
        std::uint64_t block = 0;
        std::memcpy(&block, at, 8);
        std::uint64_t found = block & kHighs;
        for (const std::uint64_t c : {'\n', '\r', '!', '.', '?'}) {
            const std::uint64_t equal_bytes_zero = block ^ (c * kOnes);
            found |= (equal_bytes_zero - kOnes) & ~equal_bytes_zero & kHighs;
        }
        return found == 0;
    }
    static bool deciding(USentenceBreak c) { return is_para_sep(c) || is_terminator(c); }
    static USentenceBreak property(char32_t cp) {
        if (cp < 0x800) return static_cast<USentenceBreak>(Tables::get().two_byte[cp]);
        return static_cast<USentenceBreak>(u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_SENTENCE_BREAK));
    }
    static bool is_para_sep(USentenceBreak c) { return c == U_SB_SEP || c == U_SB_CR || c == U_SB_LF; }
    static bool is_terminator(USentenceBreak c) { return c == U_SB_ATERM || c == U_SB_STERM; }
    static bool is_extend(USentenceBreak c) { return c == U_SB_EXTEND || c == U_SB_FORMAT; }

    Unit unit_at(std::size_t pos) const {
        if (pos >= n_) return {n_, n_, U_SB_COUNT};
        std::size_t end = pos;
        const USentenceBreak cls = property(decode_next(text_, end));
        if (!is_para_sep(cls)) {
            while (end < n_ && static_cast<unsigned char>(text_[end]) >= 0x80) {
                std::size_t after = end;
                if (!is_extend(property(decode_next(text_, after)))) break;
                end = after;
            }
        }
        return {pos, end, cls};
    }

    // The class of the unit that ends at `pos` (a unit start), for SB7. The
    // units partition the text from its start: a character takes the Extend
    // and Format characters after it unless it ends a paragraph, and the
    // first character stands alone whatever it is.
    USentenceBreak class_before(std::size_t pos) const {
        USentenceBreak first_extend = U_SB_COUNT;  // of the run of extends just before `pos`, the earliest
        while (pos > 0) {
            std::size_t start = pos - 1;
            while (start > 0 && (static_cast<unsigned char>(text_[start]) & 0xC0) == 0x80) --start;
            std::size_t after = start;
            const USentenceBreak cls = property(decode_next(text_, after));
            if (!is_extend(cls)) return is_para_sep(cls) && first_extend != U_SB_COUNT ? first_extend : cls;
            first_extend = cls;
            pos = start;
        }
        return first_extend;  // the text starts with extends: the first one is a unit
    }

    // The unit after a paragraph end (CR LF counts as one).
    Unit after_para_sep(const Unit& sep) const {
        if (sep.cls == U_SB_CR) {
            const Unit lf = unit_at(sep.end);
            if (lf.cls == U_SB_LF) return unit_at(lf.end);
        }
        return unit_at(sep.end);
    }
    void add_break(std::size_t at) {
        if (breaks_.back() != at) breaks_.push_back(static_cast<std::uint32_t>(at));
    }

    // A terminator: decides the boundary after it and its closing punctuation
    // and spaces; returns where scanning goes on.
    std::size_t after_terminator(const Unit& term, USentenceBreak before) {
        const bool aterm = term.cls == U_SB_ATERM;
        const Unit next = unit_at(term.end);
        if (aterm && next.cls == U_SB_NUMERIC) return next.begin;  // SB6: 3.1
        if (aterm && (before == U_SB_UPPER || before == U_SB_LOWER) && next.cls == U_SB_UPPER) return next.begin;  // SB7: U.S
        Unit k = next;
        while (k.cls == U_SB_CLOSE) k = unit_at(k.end);  // SB9
        while (k.cls == U_SB_SP) k = unit_at(k.end);     // SB10
        if (aterm) {
            // SB8: no break when the next letter, past anything but letters,
            // paragraph ends and terminators, is lower case ("etc. and").
            Unit m = k;
            while (m.begin < n_) {
                const USentenceBreak c = m.cls;
                if (c == U_SB_OLETTER || c == U_SB_UPPER || c == U_SB_LOWER || is_para_sep(c) || is_terminator(c)) break;
                m = unit_at(m.end);
            }
            if (m.cls == U_SB_LOWER) return k.begin;
        }
        if (k.cls == U_SB_SCONTINUE || is_terminator(k.cls)) return k.begin;  // SB8a
        if (k.begin < n_ && is_para_sep(k.cls)) k = after_para_sep(k);          // SB9, SB10: the paragraph end stays
        add_break(k.begin);  // SB11
        return k.begin;
    }

    std::string_view text_;
    std::size_t n_;
    std::vector<std::uint32_t> breaks_;
};

std::unique_ptr<icu::BreakIterator> make_sentence_iterator() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU sentence iterator unavailable: ") + u_errorName(status));
    return it;
}

}  // namespace

std::vector<ByteSpan> split_sentences(std::string_view utf8) {
    if (utf8.empty()) return {};
    return spans_between(utf8, SentenceBreaks(utf8).boundaries(nullptr));
}

std::vector<ByteSpan> split_sentences(std::string_view utf8, const std::vector<ByteSpan>& may_break) {
    if (utf8.empty()) return {};
    return spans_between(utf8, SentenceBreaks(utf8).boundaries(&may_break));
}

bool may_end_sentence(std::string_view utf8) { return first_sentence_end_candidate(utf8) < utf8.size(); }

std::size_t first_sentence_end_candidate(std::string_view utf8) { return SentenceBreaks(utf8).first_deciding(); }

std::vector<ByteSpan> split_sentences_with_icu(std::string_view utf8) {
    if (utf8.empty()) return {};
    // One iterator per thread: creating it loads ICU rule data, which is slow.
    thread_local std::unique_ptr<icu::BreakIterator> iterator = make_sentence_iterator();
    UErrorCode status = U_ZERO_ERROR;
    UText* text = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU cannot open text: ") + u_errorName(status));
    iterator->setText(text, status);
    // With UTF-8 UText the iterator's positions are native byte offsets.
    std::vector<std::uint32_t> boundaries;
    for (std::int32_t at = iterator->first(); at != icu::BreakIterator::DONE; at = iterator->next())
        boundaries.push_back(static_cast<std::uint32_t>(at));
    utext_close(text);
    return spans_between(utf8, boundaries);
}

}  // namespace aikg::text
