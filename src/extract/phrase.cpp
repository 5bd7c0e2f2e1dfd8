#include "extract/phrase.hpp"

#include <algorithm>

#include "text/clitics.hpp"
#include "text/normalizer.hpp"

namespace aikg::extract {

Phrase compile_phrase(std::string_view written) {
    Phrase phrase;
    phrase.source = std::string(written);
    const std::string normalized = text::normalize(written);
    for (const auto& token : text::tokenize(normalized)) {
        const std::string_view word = token.view(normalized);
        if (word == "*" && !phrase.words.empty() && !token.space_before) {
            phrase.words.back().prefix = true;
            continue;
        }
        if (text::is_soft_separator(word)) continue;
        phrase.words.push_back({std::string(word), false});
    }
    return phrase;
}

namespace {

bool word_matches(const WordPattern& pattern, const AnalyzedText& text, std::uint32_t t) {
    if (pattern.id != kNoWordId && text.indexed()) return text.has_word(t, pattern.id);
    for (std::size_t r = 0, readings = text.reading_count(t); r < readings; ++r) {
        const std::string_view stem = text.reading(t, r).stem;
        if (pattern.prefix ? stem.starts_with(pattern.word) : stem == pattern.word) return true;
    }
    return false;
}

}  // namespace

std::uint32_t match_phrase_from(const Phrase& phrase, const AnalyzedText& text, std::uint32_t t, std::uint32_t end) {
    if (phrase.words.empty()) return 0;
    std::uint32_t i = t;
    for (const auto& word : phrase.words) {
        while (i < end && text.is_soft(i)) ++i;
        if (i >= end || !word_matches(word, text, i)) return 0;
        ++i;
    }
    return i - t;
}

std::uint32_t match_any_from(const PhraseList& phrases, const AnalyzedText& text, std::uint32_t t, std::uint32_t end) {
    std::uint32_t best = 0;
    // A text analysed with the rule set's WordIndex has every phrase of that
    // set numbered (WordIndex::build): most tokens are no rule word at all,
    // and the others can start only the phrases their words begin.
    if (text.indexed() && t < end && !text.is_soft(t)) {
        if (text.has_no_words(t)) return 0;
        if (phrases.fully_indexed) {
            const auto& index = phrases.by_first_word;
            for (auto id = text.words_begin(t); id != text.words_end(t); ++id) {
                if (!phrases.may_start(*id)) continue;
                auto it = std::lower_bound(index.begin(), index.end(), std::pair<std::uint32_t, std::uint32_t>{*id, 0});
                for (; it != index.end() && it->first == *id; ++it) best = std::max(best, match_phrase_from(phrases[it->second], text, t, end));
            }
            return best;
        }
    }
    for (const auto& p : phrases) best = std::max(best, match_phrase(p, text, t, end));
    return best;
}

}  // namespace aikg::extract
