#pragma once
// A document after the text layer: normalised text, tokens and sentences.

#include <string>
#include <string_view>
#include <vector>

#include "extract/packed_token.hpp"
#include "text/clitics.hpp"
#include "text/normalized_tokens.hpp"
#include "text/normalizer.hpp"
#include "text/sentences.hpp"
#include "text/tokenizer.hpp"
#include "text/uninitialized_vector.hpp"

#include <algorithm>

namespace aikg::extract {

class WordIndex;
class MentionMatcher;

struct SentenceTokens {
    text::ByteSpan bytes;  // in the original text
    std::uint32_t first_token = 0;
    std::uint32_t end_token = 0;  // exclusive
    // Which rule words occur anywhere in the sentence (a bit per word number),
    // when the text was analysed with a WordIndex: a rule whose trigger is
    // absent is skipped. Points into the AnalyzedText's storage, one block
    // for all sentences (a vector per sentence was an allocation each).
    const std::uint64_t* word_bits = nullptr;
    std::uint32_t word_slots = 0;
    bool contains_word(std::uint32_t id) const {
        const std::size_t slot = id / 64;
        return slot < word_slots && (word_bits[slot] >> (id % 64)) & 1U;
    }
};

struct AnalyzedText {
    AnalyzedText() = default;
    // Sentences point into sentence_word_bits: moved, never copied.
    AnalyzedText(AnalyzedText&&) = default;
    AnalyzedText& operator=(AnalyzedText&&) = default;
    AnalyzedText(const AnalyzedText&) = delete;
    AnalyzedText& operator=(const AnalyzedText&) = delete;

    std::string_view original;
    text::NormalizedText normalized;  // the text; its origin map is not kept (token_bytes is)
    text::TokenArray tokens;
    text::TokenBytesArray token_bytes;  // token i's bytes in the original text
    std::vector<SentenceTokens> sentences;
    std::vector<std::uint64_t> sentence_word_bits;

    // Every token's facts from its text alone, packed (packed_token.hpp):
    // clitic readings, rule words (numbers from the rule set's WordIndex,
    // when analysed with one), catalog trie roots (when analysed with a
    // MentionMatcher), whether it is a soft separator. Token i's begin at
    // token_facts[facts_at[i]]. Computed once per document: rules ask for
    // them at every position.
    // Written by the text layer with the tokens (text::TokenAnnotator).
    text::UninitializedVector<std::uint32_t> token_facts;
    text::UninitializedVector<std::uint32_t> facts_at;
    bool analysed_with_words = false;
    bool analysed_with_names = false;

    const std::uint32_t* facts(std::size_t i) const { return token_facts.data() + facts_at[i]; }

    // Token i's proclitic readings: the word as written first, then shorter stems.
    std::size_t reading_count(std::size_t i) const { return packed_token::readings(*facts(i)); }
    text::CliticSplit reading(std::size_t i, std::size_t r) const {
        const std::string_view token = token_text(i);
        const std::uint32_t prefix = packed_token::prefix_bytes(facts(i), r);
        return {token.substr(0, prefix), token.substr(prefix)};
    }

    // With roots only: the catalog trie node reading r's stem starts
    // (MentionMatcher::kNoNode for none), and whether any reading starts one.
    bool has_name_roots() const { return analysed_with_names; }
    std::uint32_t name_root(std::size_t i, std::size_t r) const {
        const std::uint32_t* f = facts(i);
        if (!packed_token::keeps_roots(*f)) return packed_token::kNoRoot;
        return f[1 + packed_token::words(*f) + packed_token::prefix_numbers(*f) + r];
    }
    bool may_start_name(std::size_t i) const { return packed_token::starts_name(*facts(i)); }

    bool indexed() const { return analysed_with_words; }
    const std::uint32_t* words_begin(std::size_t i) const { return facts(i) + 1; }
    const std::uint32_t* words_end(std::size_t i) const {
        const std::uint32_t* f = facts(i);
        return f + 1 + packed_token::words(*f);
    }
    bool has_word(std::size_t i, std::uint32_t id) const {
        const std::uint32_t* f = facts(i);
        const std::uint32_t* last = f + 1 + packed_token::words(*f);
        return std::find(f + 1, last, id) != last;
    }
    bool has_no_words(std::size_t i) const { return packed_token::words(*facts(i)) == 0; }
    // Hyphens and the like, skipped inside phrases.
    bool is_soft(std::size_t i) const { return packed_token::soft(*facts(i)); }

    // The sentence holding token i.
    const SentenceTokens& sentence_of(std::uint32_t token) const {
        auto it = std::upper_bound(sentences.begin(), sentences.end(), token,
                                   [](std::uint32_t t, const SentenceTokens& s) { return t < s.first_token; });
        return *(it == sentences.begin() ? it : it - 1);
    }

    std::string_view token_text(std::size_t i) const { return tokens[i].view(normalized.text); }
    std::uint32_t token_begin_byte(std::size_t i) const { return token_bytes[i].begin; }
    std::uint32_t token_end_byte(std::size_t i) const { return token_bytes[i].end; }
};

// With `words`, tokens are also looked up in the rule set's words once, so
// that rule matching compares numbers instead of strings; with `names`, each
// clitic reading's first step into the catalog trie is taken once too. Both
// lookups depend on the token's text alone and are remembered per thread.
AnalyzedText analyze(std::string_view original, const WordIndex* words = nullptr, const MentionMatcher* names = nullptr);
// The same into `out`, whose buffers are reused (what it held before is replaced).
void analyze(std::string_view original, AnalyzedText& out, const WordIndex* words = nullptr, const MentionMatcher* names = nullptr);

// This thread's analysis buffers, lent to one document at a time: each
// document's text, offsets, tokens and per-token facts were a dozen
// allocations, most of them larger than malloc's per-thread caches. A huge
// document's buffers are given back when the loan ends rather than kept for
// the thread's life. Not for nesting: one loan per thread at a time.
class ThreadAnalysis {
public:
    ThreadAnalysis();
    ~ThreadAnalysis();
    ThreadAnalysis(const ThreadAnalysis&) = delete;
    ThreadAnalysis& operator=(const ThreadAnalysis&) = delete;
    AnalyzedText& get() noexcept { return analysis_; }

private:
    AnalyzedText& analysis_;
};

}  // namespace aikg::extract
