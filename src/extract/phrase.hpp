#pragma once
// Words and phrases from rule files (triggers, cue words, anaphors) compiled for
// comparison with article tokens.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/analyzed_text.hpp"
#include "extract/word_index.hpp"

namespace aikg::extract {

struct WordPattern {
    std::string word;     // normalised
    bool prefix = false;  // written with a trailing '*': any word starting so (أطلق* covers أطلقت، إطلاق)
    std::uint32_t id = kNoWordId;  // its number in the rule set's WordIndex, once indexed
};

struct Phrase {
    std::vector<WordPattern> words;
    std::string source;  // as written in the rule file, for messages
};

// Alternatives (a lexicon, a cue list, a pattern element's words) with an
// index from first-word number to phrase, filled by WordIndex::build: a token
// is then tried only against the phrases it can start. A plain vector of
// phrases in every other respect.
struct PhraseList : std::vector<Phrase> {
    using std::vector<Phrase>::vector;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> by_first_word;  // (first word's number, index), sorted
    bool fully_indexed = false;  // every phrase's first word has a number
    // A bit per word number that starts some phrase: most tokens that are a
    // rule word start none of a given list, and this says so without a search.
    std::vector<std::uint64_t> first_words;
    bool may_start(std::uint32_t id) const {
        const std::size_t slot = id / 64;
        return slot < first_words.size() && (first_words[slot] >> (id % 64)) & 1U;
    }
};

// Compiles "بما في ذلك" or "اطلق*" into a phrase; empty words when the text has
// no letters or digits.
Phrase compile_phrase(std::string_view written);

// Whether the phrase matches tokens starting at `t` (stopping before `end`);
// returns the number of tokens consumed, 0 for no match. Arabic words are
// compared with and without their proclitics.
std::uint32_t match_phrase_from(const Phrase& phrase, const AnalyzedText& text, std::uint32_t t, std::uint32_t end);
inline std::uint32_t match_phrase(const Phrase& phrase, const AnalyzedText& text, std::uint32_t t, std::uint32_t end) {
    // Called for every phrase at every token: the common "not even the first
    // word" answer is given here without a call.
    if (!phrase.words.empty() && phrase.words.front().id != kNoWordId && text.indexed() && t < end && !text.is_soft(t) &&
        !text.has_word(t, phrase.words.front().id))
        return 0;
    return match_phrase_from(phrase, text, t, end);
}

// Whether some phrase of the list may start at `t`: false only when the text
// is indexed, `t` is no soft separator (which phrases skip) and none of its
// words is one a phrase begins with. Lists matched phrase by phrase ask this
// first: most tokens start none. Inline: it is asked at every token.
inline bool may_start_at(const PhraseList& phrases, const AnalyzedText& text, std::uint32_t t) {
    if (!text.indexed() || text.is_soft(t)) return true;
    if (!phrases.fully_indexed) return !text.has_no_words(t);
    for (auto id = text.words_begin(t); id != text.words_end(t); ++id)
        if (phrases.may_start(*id)) return true;
    return false;
}

// Whether some phrase of the list may match anywhere in the sentence: false
// only when the text is indexed and the sentence holds none of the words the
// phrases begin with. Stages that try a list at every token of a sentence
// ask this once first.
inline bool may_occur_in(const PhraseList& phrases, const AnalyzedText& text, const SentenceTokens& sentence) {
    if (!text.indexed() || !phrases.fully_indexed) return true;
    const std::size_t slots = std::min<std::size_t>(phrases.first_words.size(), sentence.word_slots);
    for (std::size_t slot = 0; slot < slots; ++slot)
        if ((phrases.first_words[slot] & sentence.word_bits[slot]) != 0) return true;
    return false;
}

// Whether the phrase may match within the sentence: false only when the text
// is indexed and the sentence lacks one of the phrase's numbered words.
// Stricter than may_occur_in, which looks at first words alone: "the" opens
// most English anaphors and stands in most sentences.
inline bool may_match_in(const Phrase& phrase, const AnalyzedText& text, const SentenceTokens& sentence) {
    if (!text.indexed()) return true;
    if (phrase.words.empty()) return false;  // matches nothing (match_phrase_from)
    for (const WordPattern& word : phrase.words)
        if (word.id != kNoWordId && !sentence.contains_word(word.id)) return false;
    return true;
}

// The longest of several phrases matching at `t`, or 0.
std::uint32_t match_any_from(const PhraseList& phrases, const AnalyzedText& text, std::uint32_t t, std::uint32_t end);
inline std::uint32_t match_any(const PhraseList& phrases, const AnalyzedText& text, std::uint32_t t, std::uint32_t end) {
    // Asked at most tokens of every sentence (barriers, cues, negations), and
    // most tokens are no rule word: that answer is given here without a call.
    if (text.indexed() && t < end) {
        const std::uint32_t header = *text.facts(t);
        if (packed_token::words(header) == 0 && !packed_token::soft(header)) return 0;
    }
    return match_any_from(phrases, text, t, end);
}

}  // namespace aikg::extract
