#include "extract/analyzed_text.hpp"

#include <algorithm>

#include "extract/mention_matcher.hpp"
#include "extract/packed_token.hpp"
#include "extract/word_index.hpp"
#include "text/normalized_tokens.hpp"

namespace aikg::extract {

namespace {

// What a token's text alone says (clitic readings, rule words, catalog trie
// roots, soft separators), packed (packed_token.hpp) and remembered by the
// text layer with the chunk the token came from. Notable tokens are rule words.
class TokenFacts final : public text::TokenAnnotator {
public:
    TokenFacts(const WordIndex* words, const MentionMatcher* names) : words_(words), names_(names) {}

    Key key() const override { return {words_ ? words_->generation() : 0, names_ ? names_->generation() : 0}; }

    bool annotate(std::string_view token, std::vector<std::uint32_t>& out) const override {
        readings_.clear();
        text::append_proclitic_readings(token, readings_);
        const std::size_t header_at = out.size();
        out.push_back(0);
        if (words_)
            for (const text::CliticSplit& r : readings_) words_->lookup(r.stem, out);
        const std::size_t words = out.size() - header_at - 1;
        packed_token::append_prefixes(readings_, out, [](const text::CliticSplit& r) { return r.prefix.size(); });
        bool starts_name = false;
        if (names_) {
            const std::size_t roots_at = out.size();
            for (const text::CliticSplit& r : readings_) {
                const std::uint32_t root = names_->root_of(r.stem);
                out.push_back(root);
                starts_name = starts_name || root != MentionMatcher::kNoNode;
            }
            if (!starts_name) out.resize(roots_at);  // every root is none: none kept
        }
        out[header_at] = packed_token::header(readings_.size(), words, names_ != nullptr, text::is_soft_separator(token), starts_name);
        return words != 0;
    }

private:
    const WordIndex* words_;
    const MentionMatcher* names_;
    mutable std::vector<text::CliticSplit> readings_;  // scratch: an annotator serves one thread
};

// Buffers above this many bytes of text are not kept between documents.
constexpr std::size_t kKeptTextBytes = std::size_t{1} << 20;

// The text layer's own buffers (chunks, break ranges), kept per thread; the
// normalised text and tokens are swapped in and out of the AnalyzedText.
text::NormalizedTokens& thread_normalized() {
    thread_local text::NormalizedTokens normalized;
    return normalized;
}

AnalyzedText& analysis_of_thread() {
    thread_local AnalyzedText analysis;
    return analysis;
}

}  // namespace

AnalyzedText analyze(std::string_view original, const WordIndex* words, const MentionMatcher* names) {
    AnalyzedText a;
    analyze(original, a, words, names);
    return a;
}

ThreadAnalysis::ThreadAnalysis() : analysis_(analysis_of_thread()) {}

ThreadAnalysis::~ThreadAnalysis() {
    if (analysis_.normalized.text.capacity() <= kKeptTextBytes) return;
    analysis_ = AnalyzedText();
    thread_normalized() = text::NormalizedTokens();
}

void analyze(std::string_view original, AnalyzedText& a, const WordIndex* words, const MentionMatcher* names) {
    a.original = original;
    text::NormalizedTokens& normalized = thread_normalized();
    std::swap(normalized.normalized, a.normalized);
    std::swap(normalized.tokens, a.tokens);
    std::swap(normalized.token_bytes, a.token_bytes);
    std::swap(normalized.annotations, a.token_facts);
    std::swap(normalized.annotation_at, a.facts_at);
    const TokenFacts facts(words, names);
    text::normalize_and_tokenize(original, normalized, &facts);
    std::swap(normalized.normalized, a.normalized);
    std::swap(normalized.tokens, a.tokens);
    std::swap(normalized.token_bytes, a.token_bytes);
    std::swap(normalized.annotations, a.token_facts);
    std::swap(normalized.annotation_at, a.facts_at);
    const std::size_t count = a.tokens.size();
    a.sentences.clear();
    a.analysed_with_words = words != nullptr;
    a.analysed_with_names = names != nullptr;
    // The tokens that are rule words (a few in a sentence): the sentences'
    // word bits are set from them alone.
    const auto& worded = normalized.notable;
    const auto spans = normalized.has_break_ranges ? text::split_sentences(original, normalized.may_break) : text::split_sentences(original);
    a.sentences.reserve(spans.size());
    const std::size_t slots = a.indexed() ? (words->size() + 63) / 64 : 0;
    a.sentence_word_bits.assign(slots * spans.size(), 0);
    // Tokens, rule-word tokens and sentences are all in document order: one merge pass assigns them.
    std::uint32_t t = 0;
    std::size_t w = 0;
    for (const auto& span : spans) {
        while (t < count && a.token_begin_byte(t) < span.begin) ++t;
        SentenceTokens s{span, t, t};
        while (t < count && a.token_begin_byte(t) < span.end) ++t;
        s.end_token = t;
        while (w < worded.size() && worded[w] < s.first_token) ++w;
        if (slots > 0) {
            std::uint64_t* bits = a.sentence_word_bits.data() + a.sentences.size() * slots;
            for (; w < worded.size() && worded[w] < s.end_token; ++w)
                for (auto id = a.words_begin(worded[w]); id != a.words_end(worded[w]); ++id) bits[*id / 64] |= std::uint64_t{1} << (*id % 64);
            s.word_bits = bits;
            s.word_slots = static_cast<std::uint32_t>(slots);
        }
        a.sentences.push_back(s);
    }
}

}  // namespace aikg::extract
