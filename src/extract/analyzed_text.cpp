#include "extract/analyzed_text.hpp"

#include <algorithm>

#include "extract/mention_matcher.hpp"
#include "extract/token_memo.hpp"
#include "extract/word_index.hpp"
#include "text/normalized_tokens.hpp"

namespace aikg::extract {

namespace {

// Fills the per-token arrays of an AnalyzedText, from packed token facts
// (TokenMemo's layout) or from lookups that it packs for the memo.
class TokenFacts {
public:
    TokenFacts(AnalyzedText& a, const WordIndex* words, const MentionMatcher* names) : a_(a), words_(words), names_(names) {}

    // Token t's facts from `packed`; returns where the next token's facts begin.
    const std::uint32_t* add_packed(std::size_t t, const std::uint32_t* packed) {
        const std::uint32_t header = *packed++;
        const std::uint32_t readings = TokenMemo::readings(header);
        const std::string_view token = a_.token_text(t);
        start_token(t, TokenMemo::soft(header));
        // Views built directly: the prefix lengths were taken from this token's text.
        for (std::uint32_t r = 0; r < readings; ++r)
            a_.readings.push_back({std::string_view(token.data(), packed[r]), std::string_view(token.data() + packed[r], token.size() - packed[r])});
        packed += readings;
        if (TokenMemo::has_roots(header)) {
            if (names_) add_roots(t, packed, readings);
            packed += readings;
        }
        const std::uint32_t words = TokenMemo::words(header);
        if (words_) append(a_.word_ids, packed, words);
        return packed + words;
    }

    // Looks token t up, adds its facts and packs them onto `packed` (when given).
    void add_looked_up(std::size_t t, TokenMemo::Packed* packed) {
        const std::string_view token = a_.token_text(t);
        const bool soft = text::is_soft_separator(token);
        start_token(t, soft);
        const std::size_t first = a_.readings.size();
        text::append_proclitic_readings(token, a_.readings);
        const std::size_t readings = a_.readings.size() - first;
        const std::size_t first_word = a_.word_ids.size();
        for (std::size_t r = first; r < a_.readings.size(); ++r) {
            if (names_) {
                const std::uint32_t root = names_->root_of(a_.readings[r].stem);
                a_.reading_roots.push_back(root);
                a_.may_start_name[t] |= root != MentionMatcher::kNoNode ? 1 : 0;
            }
            if (words_) {
                lookup_scratch_.clear();
                words_->lookup(a_.readings[r].stem, lookup_scratch_);
                a_.word_ids.insert(a_.word_ids.end(), lookup_scratch_.begin(), lookup_scratch_.end());
            }
        }
        if (!packed) return;
        const std::size_t words = a_.word_ids.size() - first_word;
        packed->push_back(TokenMemo::header(readings, words, names_ != nullptr, soft));
        for (std::size_t r = first; r < a_.readings.size(); ++r) packed->push_back(static_cast<std::uint32_t>(a_.readings[r].prefix.size()));
        if (names_) packed->insert(packed->end(), a_.reading_roots.end() - static_cast<std::ptrdiff_t>(readings), a_.reading_roots.end());
        packed->insert(packed->end(), a_.word_ids.begin() + static_cast<std::ptrdiff_t>(first_word), a_.word_ids.end());
    }

private:
    // The per-token arrays are sized ahead (analyze knows the token count).
    void start_token(std::size_t t, bool soft) {
        a_.soft_separator[t] = soft ? 1 : 0;
        a_.reading_start[t] = static_cast<std::uint32_t>(a_.readings.size());
        if (words_) a_.word_start[t] = static_cast<std::uint32_t>(a_.word_ids.size());
    }
    void add_roots(std::size_t t, const std::uint32_t* roots, std::size_t count) {
        std::uint8_t any = 0;
        for (std::size_t i = 0; i < count; ++i) {
            a_.reading_roots.push_back(roots[i]);
            any |= roots[i] != MentionMatcher::kNoNode ? 1 : 0;
        }
        a_.may_start_name[t] = any;
    }
    // One push_back per number (a token has one to three): a generic range
    // insert, or resize and memcpy, each cost a call for so few.
    static void append(text::UninitializedVector<std::uint32_t>& to, const std::uint32_t* from, std::size_t count) {
        for (std::size_t i = 0; i < count; ++i) to.push_back(from[i]);
    }

    AnalyzedText& a_;
    const WordIndex* words_;
    const MentionMatcher* names_;
    std::vector<std::uint32_t> lookup_scratch_;
};

// Whether a token's facts fit the memo's packed header.
bool packable(const AnalyzedText& a, std::size_t readings_before, std::size_t words_before) {
    return a.readings.size() - readings_before <= TokenMemo::kMaxListSize && a.word_ids.size() - words_before <= TokenMemo::kMaxListSize;
}

}  // namespace

namespace {

// Buffers above this many bytes of text are not kept between documents.
constexpr std::size_t kKeptTextBytes = std::size_t{1} << 20;

// The text layer's own buffers (chunks, break ranges), kept per thread; the
// normalised text and tokens are swapped in and out of the AnalyzedText.
text::NormalizedTokens& thread_normalized() {
    thread_local text::NormalizedTokens normalized;
    return normalized;
}

}  // namespace

AnalyzedText analyze(std::string_view original, const WordIndex* words, const MentionMatcher* names) {
    AnalyzedText a;
    analyze(original, a, words, names);
    return a;
}

namespace {

AnalyzedText& analysis_of_thread() {
    thread_local AnalyzedText analysis;
    return analysis;
}

}  // namespace

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
    text::normalize_and_tokenize(original, normalized);
    std::swap(normalized.normalized, a.normalized);
    std::swap(normalized.tokens, a.tokens);
    const std::size_t count = a.tokens.size();
    a.sentences.clear();
    a.readings.clear();
    a.reading_start.clear();
    a.word_ids.clear();
    a.word_start.clear();
    a.soft_separator.clear();
    a.reading_roots.clear();
    a.may_start_name.clear();
    a.reading_start.resize(count + 1);
    a.readings.reserve(count * 2);
    if (words) a.word_start.resize(count + 1);
    if (names) {
        a.reading_roots.reserve(count * 2);
        a.may_start_name.assign(count, 0);
    }
    a.soft_separator.resize(count);

    TokenMemo& memo = TokenMemo::of_thread(words ? words->generation() : 0, names ? names->generation() : 0);
    TokenFacts facts(a, words, names);
    thread_local TokenMemo::Packed packed;
    std::size_t token = 0;
    for (const text::RememberedChunk& chunk : normalized.chunks) {
        for (; token < chunk.first_token; ++token) facts.add_looked_up(token, nullptr);
        if (const std::uint32_t* remembered = memo.find(normalized.chunk_generation, chunk.id)) {
            for (; token < chunk.end_token; ++token) remembered = facts.add_packed(token, remembered);
            continue;
        }
        packed.clear();
        bool fits = true;
        for (; token < chunk.end_token; ++token) {
            const std::size_t readings_before = a.readings.size(), words_before = a.word_ids.size();
            facts.add_looked_up(token, &packed);
            fits = fits && packable(a, readings_before, words_before);
        }
        if (fits) memo.remember(normalized.chunk_generation, chunk.id, packed);
    }
    for (; token < count; ++token) facts.add_looked_up(token, nullptr);
    a.reading_start[count] = static_cast<std::uint32_t>(a.readings.size());
    if (words) a.word_start[count] = static_cast<std::uint32_t>(a.word_ids.size());
    const auto spans = normalized.has_break_ranges ? text::split_sentences(original, normalized.may_break) : text::split_sentences(original);
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
}

}  // namespace aikg::extract
