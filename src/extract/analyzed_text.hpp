#pragma once
// A document after the text layer: normalised text, tokens and sentences.

#include <string>
#include <string_view>
#include <vector>

#include "text/clitics.hpp"
#include "text/normalizer.hpp"
#include "text/sentences.hpp"
#include "text/tokenizer.hpp"

namespace aikg::extract {

struct SentenceTokens {
    text::ByteSpan bytes;  // in the original text
    std::uint32_t first_token = 0;
    std::uint32_t end_token = 0;  // exclusive
};

struct AnalyzedText {
    std::string_view original;
    text::NormalizedText normalized;
    std::vector<text::Token> tokens;
    std::vector<SentenceTokens> sentences;
    // Every token's proclitic readings, computed once per document: rules ask
    // for them at every position, and recomputing them dominated extraction.
    std::vector<text::CliticSplit> readings;
    std::vector<std::uint32_t> reading_start;  // token i's readings: [reading_start[i], reading_start[i+1])

    const text::CliticSplit* readings_begin(std::size_t i) const { return readings.data() + reading_start[i]; }
    const text::CliticSplit* readings_end(std::size_t i) const { return readings.data() + reading_start[i + 1]; }

    std::string_view token_text(std::size_t i) const { return tokens[i].view(normalized.text); }
    std::uint32_t token_begin_byte(std::size_t i) const { return normalized.original_offset(tokens[i].begin); }
    std::uint32_t token_end_byte(std::size_t i) const { return normalized.original_offset(tokens[i].end); }
};

AnalyzedText analyze(std::string_view original);

}  // namespace aikg::extract
