#include "extract/analyzed_text.hpp"

#include <algorithm>

#include "extract/mention_matcher.hpp"
#include "extract/token_memo.hpp"
#include "extract/word_index.hpp"
#include "text/normalized_tokens.hpp"

namespace aikg::extract {

namespace {

// Looks a token up (clitic readings, catalog trie roots, rule words) and
// appends its packed facts to the document's.
class TokenLookup {
public:
    TokenLookup(AnalyzedText& a, const WordIndex* words, const MentionMatcher* names) : a_(a), words_(words), names_(names) {}

    void add(std::size_t t) {
        const std::string_view token = a_.token_text(t);
        readings_.clear();
        text::append_proclitic_readings(token, readings_);
        auto& out = a_.token_facts;
        const std::size_t header_at = out.size();
        a_.facts_at[t] = static_cast<std::uint32_t>(header_at);
        out.push_back(0);
        if (words_) {
            for (const text::CliticSplit& r : readings_) {
                words_found_.clear();
                words_->lookup(r.stem, words_found_);
                out.insert(out.end(), words_found_.begin(), words_found_.end());
            }
        }
        const std::size_t words = out.size() - header_at - 1;
        for (const text::CliticSplit& r : readings_) out.push_back(static_cast<std::uint32_t>(r.prefix.size()));
        bool starts_name = false;
        if (names_) {
            for (const text::CliticSplit& r : readings_) {
                const std::uint32_t root = names_->root_of(r.stem);
                out.push_back(root);
                starts_name = starts_name || root != MentionMatcher::kNoNode;
            }
        }
        out[header_at] = packed_token::header(readings_.size(), words, names_ != nullptr, text::is_soft_separator(token), starts_name);
    }

private:
    AnalyzedText& a_;
    const WordIndex* words_;
    const MentionMatcher* names_;
    std::vector<text::CliticSplit> readings_;
    std::vector<std::uint32_t> words_found_;
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
    text::normalize_and_tokenize(original, normalized);
    std::swap(normalized.normalized, a.normalized);
    std::swap(normalized.tokens, a.tokens);
    std::swap(normalized.token_bytes, a.token_bytes);
    const std::size_t count = a.tokens.size();
    a.sentences.clear();
    a.analysed_with_words = words != nullptr;
    a.analysed_with_names = names != nullptr;
    a.token_facts.clear();
    a.token_facts.reserve(count * 4);
    a.facts_at.resize(count);

    TokenMemo& memo = TokenMemo::of_thread(words ? words->generation() : 0, names ? names->generation() : 0);
    TokenLookup lookup(a, words, names);
    // The tokens that are rule words (a few in a sentence), noted while their
    // headers pass by: the sentences' word bits are then set from them alone.
    thread_local std::vector<std::uint32_t> worded;
    worded.clear();
    auto look_up = [&](std::size_t t) {
        lookup.add(t);
        if (!a.has_no_words(t)) worded.push_back(static_cast<std::uint32_t>(t));
    };
    std::size_t token = 0;
    for (const text::RememberedChunk& chunk : normalized.chunks) {
        for (; token < chunk.first_token; ++token) look_up(token);
        const std::size_t chunk_facts = a.token_facts.size();
        if (const std::uint32_t* remembered = memo.find(normalized.chunk_generation, chunk.id)) {
            // The chunk's tokens' facts are one block: offsets from the headers, then one copy.
            const std::uint32_t* end = remembered;
            for (; token < chunk.end_token; ++token) {
                a.facts_at[token] = static_cast<std::uint32_t>(chunk_facts + static_cast<std::size_t>(end - remembered));
                if (packed_token::words(*end) != 0) worded.push_back(static_cast<std::uint32_t>(token));
                end += packed_token::size(*end);
            }
            a.token_facts.insert(a.token_facts.end(), remembered, end);
            continue;
        }
        for (; token < chunk.end_token; ++token) look_up(token);
        memo.remember(normalized.chunk_generation, chunk.id, a.token_facts.data() + chunk_facts, a.token_facts.size() - chunk_facts);
    }
    for (; token < count; ++token) look_up(token);
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
