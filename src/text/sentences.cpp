#include "text/sentences.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <memory>
#include <stdexcept>

#include "text/utf8.hpp"

namespace aikg::text {
namespace {

std::unique_ptr<icu::BreakIterator> make_sentence_iterator() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU sentence iterator unavailable: ") + u_errorName(status));
    return it;
}

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

}  // namespace

std::vector<ByteSpan> split_sentences(std::string_view utf8) {
    std::vector<ByteSpan> spans;
    if (utf8.empty()) return spans;
    // One iterator per thread: creating it loads ICU rule data, which is slow.
    thread_local std::unique_ptr<icu::BreakIterator> iterator = make_sentence_iterator();

    UErrorCode status = U_ZERO_ERROR;
    UText* text = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU cannot open text: ") + u_errorName(status));
    iterator->setText(text, status);
    // With UTF-8 UText the iterator's positions are native byte offsets.
    std::int32_t begin = iterator->first();
    for (std::int32_t end = iterator->next(); end != icu::BreakIterator::DONE; begin = end, end = iterator->next()) {
        const ByteSpan span = trim(utf8, static_cast<std::size_t>(begin), static_cast<std::size_t>(end));
        if (span.begin < span.end) spans.push_back(span);
    }
    utext_close(text);
    return spans;
}

}  // namespace aikg::text
