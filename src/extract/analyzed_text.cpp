#include "extract/analyzed_text.hpp"

#include <algorithm>

#include "extract/word_index.hpp"

namespace aikg::extract {

AnalyzedText analyze(std::string_view original, const WordIndex* words) {
    AnalyzedText a;
    a.original = original;
    a.normalized = text::normalize_for_matching(original);
    a.tokens = text::tokenize(a.normalized.text);
    a.reading_start.reserve(a.tokens.size() + 1);
    a.readings.reserve(a.tokens.size() * 2);
    for (std::size_t i = 0; i < a.tokens.size(); ++i) {
        a.reading_start.push_back(static_cast<std::uint32_t>(a.readings.size()));
        text::append_proclitic_readings(a.token_text(i), a.readings);
    }
    a.reading_start.push_back(static_cast<std::uint32_t>(a.readings.size()));
    a.soft_separator.resize(a.tokens.size());
    for (std::size_t i = 0; i < a.tokens.size(); ++i) a.soft_separator[i] = text::is_soft_separator(a.token_text(i));
    if (words) {
        a.word_start.reserve(a.tokens.size() + 1);
        for (std::size_t i = 0; i < a.tokens.size(); ++i) {
            a.word_start.push_back(static_cast<std::uint32_t>(a.word_ids.size()));
            for (auto r = a.readings_begin(i); r != a.readings_end(i); ++r) words->lookup(r->stem, a.word_ids);
        }
        a.word_start.push_back(static_cast<std::uint32_t>(a.word_ids.size()));
    }
    const auto spans = text::split_sentences(original);
    a.sentences.reserve(spans.size());
    // Tokens and sentences are both in document order: one merge pass assigns them.
    std::uint32_t t = 0;
    const auto count = static_cast<std::uint32_t>(a.tokens.size());
    for (const auto& span : spans) {
        while (t < count && a.token_begin_byte(t) < span.begin) ++t;
        SentenceTokens s{span, t, t, {}};
        while (t < count && a.token_begin_byte(t) < span.end) ++t;
        s.end_token = t;
        if (a.indexed()) {
            s.word_bits.assign((words->size() + 63) / 64, 0);
            for (auto id = a.word_ids.begin() + a.word_start[s.first_token]; id != a.word_ids.begin() + a.word_start[s.end_token]; ++id)
                s.word_bits[*id / 64] |= std::uint64_t{1} << (*id % 64);
        }
        a.sentences.push_back(std::move(s));
    }
    return a;
}

}  // namespace aikg::extract
