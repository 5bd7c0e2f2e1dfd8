#include "text/normalized_tokens.hpp"

#include <emmintrin.h>
#include <unicode/normalizer2.h>

#include <algorithm>
#include <deque>
#include <bit>
#include <cstring>
#include <stdexcept>
#include <string>

#include "text/linear_probing.hpp"
#include "text/sentences.hpp"
#include "text/string_index.hpp"
#include "text/utf8.hpp"
#include "text/word_hash.hpp"

namespace aikg::text {
namespace {

// Chunks up to this long are remembered; longer ones (URLs, runs without
// spaces) rarely repeat. Their offsets fit a byte, which keeps entries small.
constexpr std::size_t kMaxChunkBytes = 49;  // 48 and the space after
constexpr std::size_t kMaxNormalizedBytes = 255;
// The memo starts over when full, between documents: small enough to stay
// in cache. Its bytes hold the annotations too (about half of them).
constexpr std::size_t kMaxEntries = 1 << 15;
constexpr std::size_t kMaxArenaBytes = 3 << 20;
// Within one document the memo may outgrow those limits, up to this: a huge
// article of ever new chunks is read without remembering them past it.
constexpr std::size_t kMaxArenaBytesInDocument = std::size_t{1} << 27;

bool is_ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// A chunk's word (up to ASCII whitespace) and its hash, found in one pass.
// A word of up to sixteen bytes is hashed as its sixteen bytes zero-filled,
// without its length: two multiplies, where hashing eight bytes at a time
// chained four and chose between two lengths. Words that differ only by
// trailing zero bytes (a control character sends a word down the careful
// path, which keeps them) share a hash and nothing else: the memo compares
// sizes and bytes.
struct ScannedWord {
    std::size_t end = 0;
    std::uint64_t hash = 0;
};

constexpr std::uint64_t kHashSeed = 0x9E3779B97F4A7C15ULL;
std::uint64_t finish_hash(std::uint64_t h) {
    h ^= h >> 31;
    h *= 0x94D049BB133111EBULL;
    return h ^ (h >> 29);
}
std::uint64_t hash_sixteen(std::uint64_t low, std::uint64_t high) {
    return finish_hash(((low ^ kHashSeed) * 0xBF58476D1CE4E5B9ULL) ^ std::rotl(high * 0xD6E8FEB86659FD93ULL, 32));
}
std::uint64_t load8(const void* p) {
    std::uint64_t v = 0;
    std::memcpy(&v, p, 8);
    return v;
}

// The hash of a word whose end is known: its first sixteen bytes (zero-filled),
// then for a longer word every further eight (the last zero-filled) and its length.
std::uint64_t word_block_hash(const unsigned char* word, std::size_t length) {
    unsigned char first[16] = {};
    std::memcpy(first, word, std::min<std::size_t>(length, 16));
    std::uint64_t h = hash_sixteen(load8(first), load8(first + 8));
    if (length <= 16) return h;
    for (std::size_t i = 16; i < length; i += 8) {
        unsigned char block[8] = {};
        std::memcpy(block, word + i, std::min<std::size_t>(length - i, 8));
        h = finish_hash(h ^ load8(block));
    }
    return finish_hash(h ^ length);
}

// The first `n` (0-16) bytes of a block kept, the rest zeroed: a mask read
// from this table at 16 - n.
alignas(16) constexpr unsigned char kKeepFirst[32] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                                      0xFF, 0xFF, 0xFF, 0xFF, 0xFF};

// The word starting at `pos`: up to the next ASCII whitespace or `n`.
// Sixteen bytes at a time (SSE2): a byte up to 0x20 (whitespace or another
// control) is rare inside words and most words end within their first
// sixteen bytes. A longer word, one with another control character in it, or
// one near the end of the text is hashed on its own.
ScannedWord scan_word(const unsigned char* bytes, std::size_t pos, std::size_t n) {
    const std::size_t start = pos;
    const __m128i space = _mm_set1_epi8(0x20);
    auto load = [](const unsigned char* at) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(at)); };
    auto word_ends_in = [&space](__m128i block) {  // bytes <= 0x20
        return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(block, space), block)));
    };
    if (pos + 16 <= n) {
        const __m128i block = load(bytes + pos);
        if (const unsigned ends = word_ends_in(block); ends != 0) {
            const auto within = static_cast<std::size_t>(std::countr_zero(ends));
            if (is_ascii_space(bytes[pos + within])) {
                const __m128i word = _mm_and_si128(block, _mm_loadu_si128(reinterpret_cast<const __m128i*>(kKeepFirst + 16 - within)));
                const auto low = static_cast<std::uint64_t>(_mm_cvtsi128_si64(word));
                const auto high = static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(word, word)));
                return {pos + within, hash_sixteen(low, high)};
            }
            // A control character inside the word: byte by byte from here.
        } else {
            for (pos += 16; pos + 16 <= n; pos += 16)
                if (const unsigned later = word_ends_in(load(bytes + pos)); later != 0) {
                    pos += static_cast<std::size_t>(std::countr_zero(later));
                    break;
                }
        }
    }
    while (pos < n && !is_ascii_space(bytes[pos])) ++pos;
    return {pos, word_block_hash(bytes + start, pos - start)};
}

// A chunk's normalised bytes and annotations are copied out of the memo a
// block of this many bytes at a time.
constexpr std::size_t kCopyBlock = 16;
std::size_t padded(std::size_t n) { return (n + kCopyBlock - 1) / kCopyBlock * kCopyBlock; }
// At least `blocks` whole blocks of a region are copied, so that its first
// ones go without a test of its length (a loop over one, two or three
// blocks missed its exit for one chunk in three); the writer makes room for them.
std::size_t kept_bytes(std::size_t n, std::size_t blocks) { return std::max(blocks * kCopyBlock, padded(n)); }
constexpr std::size_t kNormalizedBlocks = 1;
constexpr std::size_t kAnnotationBlocks = 2;

// Whether a remembered chunk of up to sixteen bytes, with sixteen readable
// from `kept` and from `met`, equals the `n` bytes at `met`: one comparison
// of sixteen bytes, where testing the length first missed for one chunk in three.
bool same_short_bytes(const char* kept, const char* met, std::size_t n) {
    const __m128i equal = _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(kept)),
                                         _mm_loadu_si128(reinterpret_cast<const __m128i*>(met)));
    const auto differ = ~static_cast<unsigned>(_mm_movemask_epi8(equal)) & ((1U << n) - 1);
    return differ == 0;
}

// Copies whole blocks of kCopyBlock bytes covering `n`, the first `Blocks`
// whatever `n`: both sides have room past `n` (the memo's next entry or the
// arena's tail, kArenaTail; the writer grows ahead). What is copied past
// `n` is overwritten by the next chunk or cut off at the end.
template <std::size_t Blocks>
void copy_blocks(char* to, const char* from, std::size_t n) {
    for (std::size_t i = 0; i < Blocks * kCopyBlock; i += kCopyBlock) std::memcpy(to + i, from + i, kCopyBlock);
    for (std::size_t i = Blocks * kCopyBlock; i < n; i += kCopyBlock) std::memcpy(to + i, from + i, kCopyBlock);
}

// Whether the chunk's first character has no normalisation boundary before
// it, so that normalisation would join it to the whitespace before.
bool joins_before(std::string_view chunk) {
    std::size_t after_first = 0;
    const char32_t first = decode_next(chunk, after_first);
    if (first < 0x80) return false;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFKC_Casefold unavailable: ") + u_errorName(status));
    return !nfkc->hasBoundaryBefore(static_cast<UChar32>(first));
}

constexpr std::uint8_t kNoSentenceEnd = 0xFF;  // chunks are shorter

std::uint8_t sentence_end_in(std::string_view chunk) {
    const std::size_t at = first_sentence_end_candidate(chunk);
    return at < chunk.size() ? static_cast<std::uint8_t>(at) : kNoSentenceEnd;
}

// Where an annotator's numbers for one token may start within its chunk's:
// offsets are kept in two bytes.
constexpr std::size_t kMaxAnnotationNumbers = 0xFFFF;

// A remembered token: begin, end, kind, flags, where it begins and ends in
// the chunk's own bytes (only token ends were ever asked of the origins of
// the normalised bytes), and where its annotation starts (two bytes).
constexpr std::size_t kPackedTokenBytes = 8;
constexpr std::uint8_t kSpaceBefore = 1;
constexpr std::uint8_t kNotable = 2;

// What one chunk becomes on its own. Offsets are relative to the chunk.
struct ChunkResult {
    std::string_view normalized;
    const std::uint8_t* tokens = nullptr;  // kPackedTokenBytes each
    // The annotator's numbers for its tokens, one after the other, as bytes
    // (the arena does not align them).
    const char* annotations = nullptr;
    std::uint16_t annotation_size = 0;  // in numbers
    std::uint8_t token_count = 0;
    bool joins_before = false;    // opens with a character that has no normalisation boundary before it
    // Where its first terminator or paragraph end starts (kNoSentenceEnd for
    // none): the sentence scan starts there rather than at the chunk.
    std::uint8_t sentence_end_at = kNoSentenceEnd;
};

// The numbers `annotator` gives each of `tokens` of `text`, one after the
// other; `at[i]` says where token i's start and `notable[i]` whether it is.
struct ChunkAnnotations {
    std::vector<std::uint32_t> numbers;
    std::vector<std::size_t> at;
    std::vector<std::uint8_t> notable;  // bytes: a bit vector's reads and writes cost more than they saved
};

// `annotate_one(token, numbers)` appends a token's numbers and says whether it is notable.
template <class AnnotateOne>
void annotate_tokens(std::string_view text, const std::vector<Token>& tokens, ChunkAnnotations& out, AnnotateOne annotate_one) {
    out.numbers.clear();
    out.at.clear();
    out.notable.clear();
    for (const Token& t : tokens) {
        out.at.push_back(out.numbers.size());
        out.notable.push_back(annotate_one(t.view(text), out.numbers));
    }
}

void annotate_tokens(const TokenAnnotator& annotator, std::string_view text, const std::vector<Token>& tokens, ChunkAnnotations& out) {
    annotate_tokens(text, tokens, out, [&annotator](std::string_view token, std::vector<std::uint32_t>& numbers) {
        return annotator.annotate(token, numbers);
    });
}

// An annotator's numbers for single tokens, by the token's normalised text:
// a new chunk is mostly known words in new company ("(Meta", "Meta's",
// "Meta,"), and asking the annotator again for each of them (clitic readings,
// rule words, catalog roots) was half of learning a chunk. Kept beside the
// chunk memo of the same annotator key, and cleared with it.
class TokenNotes {
public:
    void clear() {
        index_.clear();
        notes_.clear();
    }

    // Appends the token's numbers to `out`, from the notes or from the
    // annotator (then noted); returns whether the token is notable.
    bool annotate(const TokenAnnotator& annotator, std::string_view token, std::vector<std::uint32_t>& out) {
        const std::uint64_t h = word_hash(token);
        if (const std::uint32_t at = index_.find(token, h); at != StringIndex::kNone) {
            const std::uint32_t count = notes_[at] & ~kNotable;
            out.insert(out.end(), notes_.begin() + at + 1, notes_.begin() + at + 1 + count);
            return (notes_[at] & kNotable) != 0;
        }
        const std::size_t before = out.size();
        const bool notable = annotator.annotate(token, out);
        if (index_.size() >= kMaxNotedTokens) return notable;
        index_.add(token, h, static_cast<std::uint32_t>(notes_.size()));
        notes_.push_back(static_cast<std::uint32_t>(out.size() - before) | (notable ? kNotable : 0));
        notes_.insert(notes_.end(), out.begin() + static_cast<std::ptrdiff_t>(before), out.end());
        return notable;
    }

private:
    static constexpr std::uint32_t kNotable = 1U << 31;
    // Tokens past this many are annotated without being noted, so that the
    // notes stay in the core's cache: the words that come back in new
    // company come early (the bench corpus notes 3,084 Arabic tokens in all),
    // and on text of ever new words a table grown to 33,000 tokens (2 MB) made
    // its first probe a cache miss for every new token, a tenth of the run.
    static constexpr std::size_t kMaxNotedTokens = 4096;
    StringIndex index_;  // a token's note starts at its number in notes_
    // Per token: its count of numbers (and kNotable), then the numbers.
    std::vector<std::uint32_t> notes_;
};

class ChunkMemo {
public:
    // This thread's memo for chunks annotated by annotators of this key, or
    // for chunks not annotated (one per language's rules in use).
    static ChunkMemo& of_thread(const TokenAnnotator* annotator) {
        constexpr std::size_t kMaxMemos = 4;
        thread_local std::deque<ChunkMemo> memos;  // adding one leaves references to the others valid
        const bool annotated = annotator != nullptr;
        const TokenAnnotator::Key key = annotated ? annotator->key() : TokenAnnotator::Key{};
        for (ChunkMemo& memo : memos)
            if (memo.annotated_ == annotated && memo.key_ == key) return memo;
        if (memos.size() >= kMaxMemos) memos.pop_front();
        return memos.emplace_back(annotated, key);
    }

    ChunkMemo(bool annotated, TokenAnnotator::Key key) : annotated_(annotated), key_(key) { clear(); }

    // Starts over when full, between documents.
    void start_document() {
        if (used_ >= kMaxEntries || arena_.size() >= kMaxArenaBytes) clear();
    }

    // Asks the cache for the slot where get() will look first for a chunk
    // of hash `h` (WordsAhead).
    void prefetch_slot(std::uint64_t h) const { __builtin_prefetch(&slots_[h & (slots_.size() - 1)]); }
    // Asks for the bytes of the chunk in that slot, once the slot is near.
    void prefetch_entry(std::uint64_t h) const {
        const Slot& slot = slots_[h & (slots_.size() - 1)];
        if (slot.hash == static_cast<std::uint32_t>(h)) __builtin_prefetch(arena_.data() + slot.begin);
    }

    // The chunk's result, from the memo or computed and remembered, into
    // `out`; false for a chunk too long to keep (its offsets would not fit a
    // byte) or when the memo is at its limit. Valid until the next call.
    // Written into the caller's local rather than a member: the compiler then
    // keeps its fields in registers instead of storing and reloading them.
    // Inline: met chunks are most of the text; learning one is the call.
    // `h` is the hash of the chunk's word (scan_word), with whether a space
    // follows it in its lowest bit.
    // `readable`: how many bytes may be read from the chunk's start.
    [[gnu::always_inline]] bool get(std::string_view chunk, std::uint64_t h, std::size_t readable, const TokenAnnotator* annotator,
                                    ChunkResult& out) {
        if (chunk.size() > kMaxChunkBytes) return false;
        std::size_t i = index_of(chunk, h, readable);
        if (slots_[i].begin == kEmpty && !learn(chunk, h, i, annotator)) return false;
        out = result_of(slots_[i]);
        return true;
    }

private:
    // Remembers a new chunk in slot `i` (moved when the table grows);
    // false when it cannot be kept.
    [[gnu::noinline]] bool learn(std::string_view chunk, std::uint64_t h, std::size_t& i, const TokenAnnotator* annotator) {
        if (arena_.size() > kMaxArenaBytesInDocument) return false;
        // Into buffers kept for the next new chunk: real text brings a new
        // chunk every few words, and three allocations each were a tenth of learning one.
        normalize_for_matching(chunk, normalized_);
        if (normalized_.text.size() > kMaxNormalizedBytes) return false;
        tokenize(normalized_.text, tokens_);
        if (annotator) {
            annotate_tokens(normalized_.text, tokens_, annotations_, [this, annotator](std::string_view token, std::vector<std::uint32_t>& numbers) {
                return token_notes_.annotate(*annotator, token, numbers);
            });
            if (annotations_.numbers.size() > kMaxAnnotationNumbers) return false;
        }
        if ((used_ + 1) * 2 > slots_.size()) {
            grow_linear_probing(slots_, Slot{}, [](const Slot& slot) { return slot.begin == kEmpty; });
            i = index_of(chunk, h, 0);
        }
        slots_[i] = remember(chunk, h, annotator != nullptr);
        ++used_;
        return true;
    }

    static constexpr std::uint32_t kEmpty = UINT32_MAX;  // no entry begins there

    // Eight bytes: tens of thousands of distinct chunks make a table larger
    // than the core's second cache, and its first probe was the loop's
    // slowest load (24-byte slots: 1.5 MB for the bench corpus, 16-byte
    // slots 1 MB, now 512 KB). What the slot held besides is in the entry's
    // header, beside the chunk's bytes that are compared anyway.
    struct Slot {
        std::uint32_t hash = 0;        // the hash's low half: where it goes, and a first test
        std::uint32_t begin = kEmpty;  // in arena_: the header, the chunk, its normalised bytes, tokens, annotations
    };
    struct Header {
        std::uint8_t size = 0;
        std::uint8_t normalized_size = 0;
        std::uint8_t token_count = 0;
        bool joins_before = false;
        std::uint8_t sentence_end_at = kNoSentenceEnd;
        std::uint8_t unused = 0;
        std::uint16_t annotation_size = 0;
    };
    static_assert(sizeof(Header) == 8);
    static Header header_at(const char* entry) {
        Header header;
        std::memcpy(&header, entry, sizeof header);
        return header;
    }

    // Bytes kept after the last entry, so that a region's blocks may always be
    // read whole (copy_blocks, same_short_bytes).
    static constexpr std::size_t kArenaTail = kAnnotationBlocks * kCopyBlock;

    void clear() {
        // A memo that filled up will fill up again: its table keeps the size
        // it grew to (up to what kMaxEntries needs) rather than growing
        // through every size again, each time placing every entry anew (a
        // fifth of learning on text of ever new words). One grown further
        // within a huge document goes back to that size.
        constexpr std::size_t kFirstSlots = 1024;
        const std::size_t kept = std::min(slots_.size(), std::bit_ceil(2 * kMaxEntries));
        slots_.assign(std::max(kept, kFirstSlots), Slot{});
        used_ = 0;
        arena_.assign(kArenaTail, '\0');
        token_notes_.clear();
    }

    // The slot of `chunk`, or the empty one where it would go.
    std::size_t index_of(std::string_view chunk, std::uint64_t h, std::size_t readable) const {
        const std::size_t mask = slots_.size() - 1;
        // A remembered chunk's bytes are followed by the rest of its entry and
        // at least the arena's tail: sixteen bytes are readable from its start.
        const bool short_chunk = chunk.size() <= kCopyBlock && readable >= kCopyBlock;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const Slot& slot = slots_[i];
            if (slot.begin == kEmpty) return i;
            if (slot.hash != static_cast<std::uint32_t>(h)) continue;
            const char* entry = arena_.data() + slot.begin;
            if (static_cast<std::uint8_t>(entry[0]) != chunk.size()) continue;
            const char* kept = entry + sizeof(Header);
            if (short_chunk ? same_short_bytes(kept, chunk.data(), chunk.size()) : same_short_string(kept, chunk.data(), chunk.size())) return i;
        }
    }

    ChunkResult result_of(const Slot& slot) const {
        const char* entry = arena_.data() + slot.begin;
        const Header header = header_at(entry);
        const char* data = entry + sizeof(Header) + header.size;
        ChunkResult r;
        r.normalized = std::string_view(data, header.normalized_size);
        r.tokens = reinterpret_cast<const std::uint8_t*>(data + header.normalized_size);
        r.token_count = header.token_count;
        r.annotations = data + header.normalized_size + kPackedTokenBytes * header.token_count;
        r.annotation_size = header.annotation_size;
        r.joins_before = header.joins_before;
        r.sentence_end_at = header.sentence_end_at;
        return r;
    }

    // Appends the chunk, its normalised bytes (normalized_), its tokens
    // (tokens_) and their annotations (annotations_) to the arena, grown
    // once and written through a pointer (a push_back per byte was a fifth of learning a chunk).
    Slot remember(std::string_view chunk, std::uint64_t h, bool annotated) {
        const std::string_view normalized = normalized_.text;
        const std::size_t n = normalized.size();
        const std::size_t annotation_size = annotated ? annotations_.numbers.size() : 0;
        const std::size_t annotation_bytes = annotation_size * sizeof(std::uint32_t);
        // Regions one after the other, unpadded: the padding was a fifth of
        // the memo, which two threads keep in the one cache they share (the
        // bench corpus's memos: 1.61 MB instead of 2.07; with two jobs, 2-5%
        // less CPU time).
        const std::size_t entry_bytes = sizeof(Header) + chunk.size() + n + kPackedTokenBytes * tokens_.size() + annotation_bytes;
        const auto begin = static_cast<std::uint32_t>(arena_.size() - kArenaTail);
        arena_.resize(begin + entry_bytes + kArenaTail);
        char* at = arena_.data() + begin;
        const Header header{static_cast<std::uint8_t>(chunk.size()),
                            static_cast<std::uint8_t>(n),
                            // At most one token per normalised byte, so the count fits a byte too.
                            static_cast<std::uint8_t>(tokens_.size()),
                            joins_before(chunk),
                            sentence_end_in(chunk),
                            0,
                            static_cast<std::uint16_t>(annotation_size)};
        std::memcpy(at, &header, sizeof header);
        at += sizeof header;
        std::memcpy(at, chunk.data(), chunk.size());
        at += chunk.size();
        std::memcpy(at, normalized.data(), n);
        at += n;
        for (std::size_t i = 0; i < tokens_.size(); ++i) {
            const Token& t = tokens_[i];
            const bool notable = annotated && annotations_.notable[i] != 0;
            const std::size_t annotation_at = annotated ? annotations_.at[i] : 0;
            at[0] = static_cast<char>(t.begin);
            at[1] = static_cast<char>(t.end);
            at[2] = static_cast<char>(t.kind);
            at[3] = static_cast<char>((t.space_before ? kSpaceBefore : 0) | (notable ? kNotable : 0));
            // The origin map has one entry past the text: the chunk's length.
            at[4] = static_cast<char>(normalized_.origin[t.begin]);
            at[5] = static_cast<char>(normalized_.origin[t.end]);
            at[6] = static_cast<char>(annotation_at & 0xFF);
            at[7] = static_cast<char>(annotation_at >> 8);
            at += kPackedTokenBytes;
        }
        if (annotated) std::memcpy(at, annotations_.numbers.data(), annotation_bytes);
        return Slot{static_cast<std::uint32_t>(h), begin};
    }

    static_assert(sizeof(Slot) == 8);
    bool annotated_;
    TokenAnnotator::Key key_;
    std::vector<Slot> slots_;
    std::size_t used_ = 0;
    std::string arena_;
    // Scratch for a new chunk's normalised text, tokens and annotations.
    NormalizedText normalized_;
    std::vector<Token> tokens_;
    ChunkAnnotations annotations_;
    TokenNotes token_notes_;
};

// The words of a text, each scanned (scan_word) some words ahead of its
// turn, when the memo is asked for its slot and then its bytes: the memo
// outgrows the core's second cache, and the loop's waits for the two were
// half of normalising on a machine with 1 MB of it and a shared last cache
// (measured on the 20 MB benchmark corpus: 6-8% less CPU time for all of
// `aikg extract`, 12% in the profile-guided build, where asking one word
// ahead won 4%; on a machine with larger caches, no change).
class WordsAhead {
public:
    WordsAhead(const unsigned char* bytes, std::size_t n, const ChunkMemo& memo) : bytes_(bytes), n_(n), memo_(memo) {}

    // The word starting at `start` (not whitespace); a start other than the
    // next word scanned ahead (none such in normalize_and_tokenize) starts over.
    ScannedWord take(std::size_t start) {
        ScannedWord word;
        if (count_ > 0 && ahead_[first_].start == start) {
            word = ahead_[first_].word;
            first_ = (first_ + 1) % kAhead;
            --count_;
        } else {
            word = scan_word(bytes_, start, n_);
            count_ = 0;
            scan_from_ = chunk_end(word);
        }
        fill();
        if (count_ > kEntryAhead) memo_.prefetch_entry(ahead_[(first_ + kEntryAhead) % kAhead].hash);
        return word;
    }

    // A chunk's hash for the memo: its word's, with whether a space follows.
    std::uint64_t chunk_hash(const ScannedWord& word) const { return word.hash ^ static_cast<std::uint64_t>(space_after(word)); }
    bool space_after(const ScannedWord& word) const { return word.end < n_ && bytes_[word.end] == ' '; }

private:
    // How far ahead the slot and then the bytes are asked for: fewer waited
    // for part of the memory's latency, more won nothing more (1, 2, 4, 8,
    // 16 and 32 words ahead tried).
    static constexpr std::size_t kAhead = 16;
    static constexpr std::size_t kEntryAhead = 8;

    std::size_t chunk_end(const ScannedWord& word) const { return word.end + static_cast<std::size_t>(space_after(word)); }

    void fill() {
        while (count_ < kAhead) {
            while (scan_from_ < n_ && is_ascii_space(bytes_[scan_from_])) ++scan_from_;
            if (scan_from_ >= n_) return;
            Ahead& a = ahead_[(first_ + count_) % kAhead];
            a.start = scan_from_;
            a.word = scan_word(bytes_, scan_from_, n_);
            a.hash = chunk_hash(a.word);
            memo_.prefetch_slot(a.hash);
            scan_from_ = chunk_end(a.word);
            ++count_;
        }
    }

    struct Ahead {
        std::size_t start;
        ScannedWord word;
        std::uint64_t hash;
    };
    const unsigned char* bytes_;
    std::size_t n_;
    const ChunkMemo& memo_;
    Ahead ahead_[kAhead];  // a ring of count_ words from first_
    std::size_t first_ = 0;
    std::size_t count_ = 0;
    std::size_t scan_from_ = 0;  // where the next word ahead is searched from
};

// The document's buffers, written through raw pointers into space grown
// ahead. The pointers and capacities are kept here, refreshed when a buffer
// grows: asking the vectors for them at every chunk cost a division each
// (a Token is twelve bytes), and a reload after every byte written.
// Where each token came from is kept per token: a map of every normalised
// byte's origin, shifted into place chunk by chunk, cost a fifth of the text
// layer, and only token boundaries were ever asked for.
class DocumentWriter {
public:
    // Sized for news text (a chunk every 6-7 bytes, a terminator every 60 or
    // so): growing these vectors was a third of the allocations per article.
    DocumentWriter(NormalizedTokens& out, std::size_t expected, const TokenAnnotator* annotator) : out_(out), annotator_(annotator) {
        out_.normalized.origin.clear();
        out_.may_break.clear();
        if (out_.normalized.text.size() < expected + kMaxNormalizedBytes) out_.normalized.text.resize(expected + kMaxNormalizedBytes);
        // Every per-token array as long as the tokens' (the annotator's may
        // have been left shorter by a document read without one).
        resize_tokens(std::max(out_.tokens.size(), expected / 5 + 8));
        if (annotator_ && out_.annotations.size() < expected + kMaxAnnotationNumbers) out_.annotations.resize(expected + kMaxAnnotationNumbers);
        out_.may_break.reserve(expected / 48 + 8);
        refresh();
    }
    void put_space(char c) {
        room_for(1);
        text_[size_] = c;
        ++size_;
    }
    // A chunk's tokens; the first has whitespace before it unless the text starts with it.
    void put_chunk(const ChunkResult& chunk, std::uint32_t from) {
        const std::size_t n = chunk.normalized.size();
        room_for(kept_bytes(n, kNormalizedBlocks));
        copy_blocks<kNormalizedBlocks>(text_ + size_, chunk.normalized.data(), n);
        const auto base = static_cast<std::uint32_t>(size_);
        token_room_for(chunk.token_count);
        Token* tokens = tokens_ + token_count_;
        TokenBytes* bytes = token_bytes_ + token_count_;
        auto put_token = [&](std::size_t t) {
            const std::uint8_t* packed = chunk.tokens + kPackedTokenBytes * t;
            tokens[t] = Token{base + packed[0], base + packed[1], static_cast<TokenKind>(packed[2]),
                              (packed[3] & kSpaceBefore) != 0 || (t == 0 && from > 0)};
            bytes[t] = TokenBytes{from + packed[4], from + packed[5]};
            return packed;
        };
        if (!annotator_) {
            for (std::size_t t = 0; t < chunk.token_count; ++t) put_token(t);
        } else {
            // Room for whole copy blocks past the numbers.
            annotation_room_for(kept_bytes(chunk.annotation_size * sizeof(std::uint32_t), kAnnotationBlocks) / sizeof(std::uint32_t));
            copy_blocks<kAnnotationBlocks>(reinterpret_cast<char*>(annotations_ + annotation_count_), chunk.annotations,
                                           chunk.annotation_size * sizeof(std::uint32_t));
            std::uint32_t* at = annotation_at_ + token_count_;
            const auto annotations_before = static_cast<std::uint32_t>(annotation_count_);
            const auto tokens_before = static_cast<std::uint32_t>(token_count_);
            std::size_t notable_count = notable_count_;
            for (std::size_t t = 0; t < chunk.token_count; ++t) {
                const std::uint8_t* packed = put_token(t);
                at[t] = annotations_before + (packed[6] | static_cast<std::uint32_t>(packed[7]) << 8);
                // Written always, kept when notable: a branch here missed for most rule words.
                notable_[notable_count] = tokens_before + static_cast<std::uint32_t>(t);
                notable_count += (packed[3] & kNotable) != 0;
            }
            notable_count_ = notable_count;
            annotation_count_ += chunk.annotation_size;
        }
        token_count_ += chunk.token_count;
        size_ += n;
    }
    // A chunk not from the memo, with offsets of any size.
    void put_direct(const NormalizedText& chunk, std::uint32_t from) {
        const std::vector<Token> tokens = tokenize(chunk.text);
        const std::size_t n = chunk.text.size();
        room_for(n);
        std::memcpy(text_ + size_, chunk.text.data(), n);
        const auto base = static_cast<std::uint32_t>(size_);
        token_room_for(tokens.size());
        for (std::size_t t = 0; t < tokens.size(); ++t) {
            tokens_[token_count_ + t] =
                Token{base + tokens[t].begin, base + tokens[t].end, tokens[t].kind, tokens[t].space_before || (t == 0 && from > 0)};
            token_bytes_[token_count_ + t] = TokenBytes{from + chunk.origin[tokens[t].begin], from + chunk.origin[tokens[t].end]};
        }
        if (annotator_) {
            annotate_tokens(*annotator_, chunk.text, tokens, scratch_);
            annotation_room_for(scratch_.numbers.size());
            std::copy(scratch_.numbers.begin(), scratch_.numbers.end(), annotations_ + annotation_count_);
            for (std::size_t t = 0; t < tokens.size(); ++t) {
                annotation_at_[token_count_ + t] = static_cast<std::uint32_t>(annotation_count_ + scratch_.at[t]);
                if (scratch_.notable[t]) notable_[notable_count_++] = static_cast<std::uint32_t>(token_count_ + t);
            }
            annotation_count_ += scratch_.numbers.size();
        }
        token_count_ += tokens.size();
        size_ += n;
    }
    void finish() {
        out_.normalized.text.resize(size_);
        out_.tokens.resize(token_count_);
        out_.token_bytes.resize(token_count_);
        out_.annotations.resize(annotation_count_);
        out_.annotation_at.resize(annotator_ ? token_count_ : 0);
        out_.notable.resize(notable_count_);
    }

private:
    void room_for(std::size_t bytes) {
        if (size_ + bytes > text_capacity_) [[unlikely]] {
            out_.normalized.text.resize(2 * text_capacity_ + bytes);
            refresh();
        }
    }
    void token_room_for(std::size_t count) {
        if (token_count_ + count > token_capacity_) [[unlikely]] {
            resize_tokens(2 * token_capacity_ + count);
            refresh();
        }
    }
    void annotation_room_for(std::size_t count) {
        if (annotation_count_ + count > annotation_capacity_) [[unlikely]] {
            out_.annotations.resize(2 * annotation_capacity_ + count);
            refresh();
        }
    }
    // None of these arrays is filled when it grows (they hold plain data).
    void resize_tokens(std::size_t count) {
        out_.tokens.resize(count);
        out_.token_bytes.resize(count);
        if (annotator_) {
            out_.annotation_at.resize(count);
            out_.notable.resize(count);  // at most every token
        }
    }
    void refresh() {
        text_ = out_.normalized.text.data();
        text_capacity_ = out_.normalized.text.size();
        tokens_ = out_.tokens.data();
        token_bytes_ = out_.token_bytes.data();
        token_capacity_ = out_.tokens.size();
        annotation_at_ = out_.annotation_at.data();
        notable_ = out_.notable.data();
        annotations_ = out_.annotations.data();
        annotation_capacity_ = out_.annotations.size();
    }

    NormalizedTokens& out_;
    const TokenAnnotator* annotator_;
    char* text_ = nullptr;
    std::size_t text_capacity_ = 0;
    Token* tokens_ = nullptr;
    TokenBytes* token_bytes_ = nullptr;
    std::uint32_t* annotation_at_ = nullptr;
    std::uint32_t* notable_ = nullptr;
    std::size_t token_capacity_ = 0;
    std::uint32_t* annotations_ = nullptr;
    std::size_t annotation_capacity_ = 0;
    std::size_t size_ = 0;
    std::size_t token_count_ = 0;
    std::size_t annotation_count_ = 0;
    std::size_t notable_count_ = 0;
    ChunkAnnotations scratch_;
};

NormalizedTokens in_two_steps(std::string_view utf8, const TokenAnnotator* annotator) {
    NormalizedTokens out;
    out.normalized = normalize_for_matching(utf8);
    const std::vector<Token> tokens = tokenize(out.normalized.text);
    out.tokens.assign(tokens.begin(), tokens.end());
    out.token_bytes.reserve(out.tokens.size());
    for (const Token& t : out.tokens) out.token_bytes.push_back({out.normalized.origin[t.begin], out.normalized.origin[t.end]});
    out.normalized.origin.clear();
    if (annotator) {
        ChunkAnnotations annotations;
        annotate_tokens(*annotator, out.normalized.text, tokens, annotations);
        out.annotations.assign(annotations.numbers.begin(), annotations.numbers.end());
        for (std::size_t t = 0; t < tokens.size(); ++t) {
            out.annotation_at.push_back(static_cast<std::uint32_t>(annotations.at[t]));
            if (annotations.notable[t]) out.notable.push_back(static_cast<std::uint32_t>(t));
        }
    }
    return out;
}

}  // namespace

NormalizedTokens normalize_and_tokenize(std::string_view utf8, const TokenAnnotator* annotator) {
    NormalizedTokens out;
    normalize_and_tokenize(utf8, out, annotator);
    return out;
}

void normalize_and_tokenize(std::string_view utf8, NormalizedTokens& out, const TokenAnnotator* annotator) {
    DocumentWriter writer(out, utf8.size(), annotator);
    ChunkMemo& memo = ChunkMemo::of_thread(annotator);
    memo.start_document();
    out.has_break_ranges = true;
    auto may_break_at = [&out](std::size_t begin, std::size_t end) {
        out.may_break.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
    };
    const auto* bytes = reinterpret_cast<const unsigned char*>(utf8.data());
    const std::size_t n = utf8.size();
    std::size_t pos = 0;
    WordsAhead words(bytes, n, memo);
    while (pos < n) {
        while (pos < n && is_ascii_space(bytes[pos])) {
            writer.put_space(static_cast<char>(bytes[pos]));
            if (bytes[pos] == '\n' || bytes[pos] == '\r') may_break_at(pos, pos + 1);
            ++pos;
        }
        if (pos >= n) break;
        const std::size_t start = pos;
        const ScannedWord word = words.take(start);
        const std::size_t word_end = word.end;
        // The space after a word goes with it, so that the usual single space
        // costs no turn of the loop above: a space normalises to itself and
        // ends a token, so the chunk's tokens are the word's.
        const bool space_after = words.space_after(word);
        pos = word_end + static_cast<std::size_t>(space_after);
        const std::string_view text(utf8.data() + start, pos - start);
        if (ChunkResult chunk; memo.get(text, words.chunk_hash(word), n - start, annotator, chunk)) {
            if (chunk.joins_before && start > 0) {
                out = in_two_steps(utf8, annotator);
                return;
            }
            writer.put_chunk(chunk, static_cast<std::uint32_t>(start));
            if (chunk.sentence_end_at != kNoSentenceEnd) may_break_at(start + chunk.sentence_end_at, word_end);
        } else {
            may_break_at(start, word_end);
            if (start > 0 && joins_before(text)) {
                out = in_two_steps(utf8, annotator);
                return;
            }
            writer.put_direct(normalize_for_matching(text), static_cast<std::uint32_t>(start));
        }
    }
    writer.finish();
}

}  // namespace aikg::text
