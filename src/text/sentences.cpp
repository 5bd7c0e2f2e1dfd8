#include "text/sentences.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <array>
#include <memory>
#include <stdexcept>

#include "text/utf8.hpp"

namespace aikg::text {
namespace {

bool is_space_at(std::string_view s, std::size_t pos, std::size_t& next) {
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
    for (std::size_t i = 1; i < boundaries.size(); ++i) {
        const ByteSpan span = trim(utf8, boundaries[i - 1], boundaries[i]);
        if (span.begin < span.end) spans.push_back(span);
    }
    return spans;
}

// UAX #29 sentence boundaries (the rules ICU's root sentence iterator
// implements), run over the Sentence_Break property of each character. ICU's
// rule-based iterator over UTF-8 cost a tenth of extraction; the property
// comes from ICU, from a table for one- and two-byte characters.
class SentenceBreaks {
public:
    explicit SentenceBreaks(std::string_view utf8) : text_(utf8) {
        units_.reserve(utf8.size() / 2 + 1);
        std::size_t pos = 0;
        while (pos < utf8.size()) {
            const std::size_t start = pos;
            const USentenceBreak cls = property(decode_next(utf8, pos));
            // SB5: Extend and Format characters belong to the character before
            // them, unless that one ends a paragraph (SB4 comes first).
            if ((cls == U_SB_EXTEND || cls == U_SB_FORMAT) && !units_.empty() && !is_para_sep(units_.back().cls)) continue;
            units_.push_back({static_cast<std::uint32_t>(start), cls});
        }
    }

    std::vector<std::uint32_t> boundaries() {
        breaks_ = {0};
        std::size_t u = 0;
        while (u < units_.size()) {
            const USentenceBreak cls = units_[u].cls;
            if (is_para_sep(cls)) {
                u = after_para_sep(u);  // SB3, SB4
                add_break(u);
            } else if (cls == U_SB_ATERM || cls == U_SB_STERM) {
                u = after_terminator(u);
            } else {
                ++u;
            }
        }
        add_break(units_.size());
        return std::move(breaks_);
    }

private:
    struct Unit {
        std::uint32_t begin;
        USentenceBreak cls;
    };

    static USentenceBreak property(char32_t cp) {
        static const auto table = [] {
            std::array<std::uint8_t, 0x800> t{};
            for (char32_t c = 0; c < t.size(); ++c)
                t[c] = static_cast<std::uint8_t>(u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_SENTENCE_BREAK));
            return t;
        }();
        if (cp < table.size()) return static_cast<USentenceBreak>(table[cp]);
        return static_cast<USentenceBreak>(u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_SENTENCE_BREAK));
    }
    static bool is_para_sep(USentenceBreak c) { return c == U_SB_SEP || c == U_SB_CR || c == U_SB_LF; }
    static bool is_terminator(USentenceBreak c) { return c == U_SB_ATERM || c == U_SB_STERM; }
    USentenceBreak cls_at(std::size_t u) const { return u < units_.size() ? units_[u].cls : U_SB_COUNT; }

    std::size_t after_para_sep(std::size_t u) const {
        return units_[u].cls == U_SB_CR && cls_at(u + 1) == U_SB_LF ? u + 2 : u + 1;
    }
    void add_break(std::size_t u) {
        const auto at = u < units_.size() ? units_[u].begin : static_cast<std::uint32_t>(text_.size());
        if (breaks_.back() != at) breaks_.push_back(at);
    }

    // A terminator at `u`: decides the boundary after it and its closing
    // punctuation and spaces; returns where scanning goes on.
    std::size_t after_terminator(std::size_t u) {
        const bool aterm = units_[u].cls == U_SB_ATERM;
        const std::size_t next = u + 1;
        if (aterm && cls_at(next) == U_SB_NUMERIC) return next;  // SB6: 3.1
        if (aterm && u > 0 && (units_[u - 1].cls == U_SB_UPPER || units_[u - 1].cls == U_SB_LOWER) && cls_at(next) == U_SB_UPPER)
            return next;  // SB7: U.S
        std::size_t k = next;
        while (cls_at(k) == U_SB_CLOSE) ++k;  // SB9
        while (cls_at(k) == U_SB_SP) ++k;     // SB10
        if (aterm) {
            // SB8: no break when the next letter, past anything but letters,
            // paragraph ends and terminators, is lower case ("etc. and").
            std::size_t m = k;
            while (m < units_.size()) {
                const USentenceBreak c = units_[m].cls;
                if (c == U_SB_OLETTER || c == U_SB_UPPER || c == U_SB_LOWER || is_para_sep(c) || is_terminator(c)) break;
                ++m;
            }
            if (cls_at(m) == U_SB_LOWER) return k;
        }
        if (cls_at(k) == U_SB_SCONTINUE || is_terminator(cls_at(k))) return k;  // SB8a
        if (k < units_.size() && is_para_sep(units_[k].cls)) k = after_para_sep(k);  // SB9, SB10: the paragraph end stays
        add_break(k);  // SB11
        return k;
    }

    std::string_view text_;
    std::vector<Unit> units_;
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
    return spans_between(utf8, SentenceBreaks(utf8).boundaries());
}

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
