#include "extract/analyzed_text.hpp"

#include <algorithm>

#include "extract/mention_matcher.hpp"
#include "extract/token_memo.hpp"
#include "extract/word_index.hpp"
#include "text/normalized_tokens.hpp"

namespace aikg::extract {

namespace {

// A token's facts, computed: its readings appended to `readings`, their
// prefix lengths, trie roots and rule words into `facts`.
void look_up(std::string_view token, const WordIndex* words, const MentionMatcher* names, std::vector<text::CliticSplit>& readings,
             TokenMemo::Facts& facts) {
    const std::size_t first = readings.size();
    text::append_proclitic_readings(token, readings);
    facts.prefix_bytes.clear();
    facts.roots.clear();
    facts.word_ids.clear();
    for (std::size_t r = first; r < readings.size(); ++r) {
        facts.prefix_bytes.push_back(static_cast<std::uint8_t>(readings[r].prefix.size()));
        if (names) facts.roots.push_back(names->root_of(readings[r].stem));
        if (words) words->lookup(readings[r].stem, facts.word_ids);
    }
}

}  // namespace

AnalyzedText analyze(std::string_view original, const WordIndex* words, const MentionMatcher* names) {
    AnalyzedText a;
    a.original = original;
    text::NormalizedTokens normalized = text::normalize_and_tokenize(original);
    a.normalized = std::move(normalized.normalized);
    a.tokens = std::move(normalized.tokens);
    const std::size_t count = a.tokens.size();
    a.reading_start.reserve(count + 1);
    a.readings.reserve(count * 2);
    if (words) a.word_start.reserve(count + 1);
    if (names) a.reading_roots.reserve(count * 2);
    a.soft_separator.resize(count);

    TokenMemo& memo = TokenMemo::of_thread(words ? words->generation() : 0, names ? names->generation() : 0);
    TokenMemo::Facts facts;
    for (std::size_t i = 0; i < count; ++i) {
        const std::string_view token = a.token_text(i);
        a.soft_separator[i] = text::is_soft_separator(token) ? 1 : 0;
        a.reading_start.push_back(static_cast<std::uint32_t>(a.readings.size()));
        if (words) a.word_start.push_back(static_cast<std::uint32_t>(a.word_ids.size()));
        if (memo.append(token, a.readings, names ? &a.reading_roots : nullptr, words ? &a.word_ids : nullptr)) continue;
        look_up(token, words, names, a.readings, facts);
        memo.remember(token, facts);
        if (names) a.reading_roots.insert(a.reading_roots.end(), facts.roots.begin(), facts.roots.end());
        if (words) a.word_ids.insert(a.word_ids.end(), facts.word_ids.begin(), facts.word_ids.end());
    }
    a.reading_start.push_back(static_cast<std::uint32_t>(a.readings.size()));
    if (words) a.word_start.push_back(static_cast<std::uint32_t>(a.word_ids.size()));
    const auto spans = text::split_sentences(original);
    a.sentences.reserve(spans.size());
    const std::size_t slots = a.indexed() ? (words->size() + 63) / 64 : 0;
    a.sentence_word_bits.assign(slots * spans.size(), 0);
    // Tokens and sentences are both in document order: one merge pass assigns them.
    std::uint32_t t = 0;
    for (const auto& span : spans) {
        while (t < count && a.token_begin_byte(t) < span.begin) ++t;
        SentenceTokens s{span, t, t};
        while (t < count && a.token_begin_byte(t) < span.end) ++t;
        s.end_token = t;
        if (slots > 0) {
            std::uint64_t* bits = a.sentence_word_bits.data() + a.sentences.size() * slots;
            for (auto id = a.word_ids.begin() + a.word_start[s.first_token]; id != a.word_ids.begin() + a.word_start[s.end_token]; ++id)
                bits[*id / 64] |= std::uint64_t{1} << (*id % 64);
            s.word_bits = bits;
            s.word_slots = static_cast<std::uint32_t>(slots);
        }
        a.sentences.push_back(s);
    }
    return a;
}

}  // namespace aikg::extract
