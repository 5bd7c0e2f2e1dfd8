// The text layer on arbitrary bytes: validation, normalisation with its offset
// map, sentences (equal to ICU's, also when only the ranges that may end one
// are read), tokens (by chunks equal to the two steps),
// clitics, language.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "text/clitics.hpp"
#include "text/language.hpp"
#include "text/normalized_tokens.hpp"
#include "text/normalizer.hpp"
#include "text/sentences.hpp"
#include "text/tokenizer.hpp"
#include "text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (aikg::text::find_invalid_utf8(bytes)) return 0;  // the readers reject these before the text layer
    const auto normalized = aikg::text::normalize_for_matching(bytes);
    if (normalized.origin.size() != normalized.text.size() + 1 || normalized.origin.back() != size) std::abort();
    for (std::size_t i = 1; i < normalized.origin.size(); ++i)
        if (normalized.origin[i - 1] > normalized.origin[i] || normalized.origin[i] > size) std::abort();
    if (aikg::text::find_invalid_utf8(normalized.text)) std::abort();
    const auto sentences = aikg::text::split_sentences(bytes);
    for (const auto& span : sentences)
        if (span.begin > span.end || span.end > size) std::abort();
    // The UAX #29 rules over Sentence_Break properties must place every boundary where ICU's iterator does.
    if (sentences != aikg::text::split_sentences_with_icu(bytes)) std::abort();
    const auto tokens = aikg::text::tokenize(normalized.text);
    // The one-step path analyze() takes must agree with the two steps.
    const auto together = aikg::text::normalize_and_tokenize(bytes);
    if (together.normalized.text != normalized.text || together.tokens.size() != tokens.size() ||
        together.token_bytes.size() != tokens.size())
        std::abort();
    for (std::size_t i = 0; i < tokens.size(); ++i)
        if (together.tokens[i].begin != tokens[i].begin || together.tokens[i].end != tokens[i].end ||
            together.tokens[i].kind != tokens[i].kind || together.tokens[i].space_before != tokens[i].space_before ||
            together.token_bytes[i].begin != normalized.origin[tokens[i].begin] ||
            together.token_bytes[i].end != normalized.origin[tokens[i].end])
            std::abort();
    if (together.has_break_ranges && aikg::text::split_sentences(bytes, together.may_break) != sentences) std::abort();
    for (const auto& token : tokens) {
        if (token.end > normalized.text.size() || token.begin >= token.end) std::abort();
        for (const auto& reading : aikg::text::proclitic_readings(token.view(normalized.text)))
            if (reading.prefix.size() + reading.stem.size() != token.end - token.begin) std::abort();
    }
    (void)aikg::text::detect_language(bytes);
    (void)aikg::text::matching_key(bytes);
    return 0;
}
