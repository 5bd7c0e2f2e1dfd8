#include "extract/attributes.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace aikg::extract {
namespace {

constexpr std::uint32_t kBindingReach = 8;  // an attribute belongs to a model named this close

int number_at(const AnalyzedText& text, std::uint32_t t) {
    if (t >= text.tokens.size() || text.tokens[t].kind != text::TokenKind::Number) return -1;
    const std::string_view digits = text.token_text(t);
    int value = -1;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return ec == std::errc() && ptr == digits.data() + digits.size() ? value : -1;
}

std::string iso(int year, int month, int day) {
    // Digits written directly for the dates news states (snprintf's format
    // parsing was most of the cost of a dated sentence); anything else as
    // printf would write it.
    if (year >= 0 && year <= 9999 && month >= 0 && month <= 99 && day >= 0 && day <= 99) {
        auto digit = [](int v) { return static_cast<char>('0' + v); };
        std::string out = {digit(year / 1000), digit(year / 100 % 10), digit(year / 10 % 10), digit(year % 10), '-', digit(month / 10), digit(month % 10)};
        if (day > 0) out += {'-', digit(day / 10), digit(day % 10)};
        return out;
    }
    char buffer[32];
    if (day > 0) std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    else std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
    return buffer;
}

// The year a month without one most likely means, seen from the article's date.
int anchor_year(int month, const std::string& article_date) {
    int year = 0, article_month = 0;
    if (article_date.size() < 7 || std::sscanf(article_date.c_str(), "%4d-%2d", &year, &article_month) != 2) return 0;
    return month <= article_month ? year : year - 1;
}

// The model mention nearest to the tokens [from, to), within reach.
const Mention* nearest_model(const std::vector<Mention>& mentions, const EntityTable& entities, std::uint32_t from, std::uint32_t to) {
    const Mention* best = nullptr;
    std::uint32_t best_distance = kBindingReach + 1;
    for (const Mention& m : mentions) {
        const kb::Entity& e = entities.entity(m.entity);
        if (e.type != "Model" || e.category) continue;
        const std::uint32_t distance = m.end_token <= from ? from - m.end_token : m.first_token >= to ? m.first_token - to : 0;
        if (distance < best_distance) {
            best = &m;
            best_distance = distance;
        }
    }
    return best;
}

}  // namespace

SentenceAttributes find_attributes(const AnalyzedText& text, const SentenceTokens& sentence, const std::vector<Mention>& mentions,
                                   const EntityTable& entities, const AttributeCues& cues, const std::string& article_date) {
    SentenceAttributes out;
    // Most sentences name no month and no openness: asked once, not at every token.
    const bool months = may_occur_in(cues.month_phrases, text, sentence);
    const bool openness = may_occur_in(cues.openness_phrases, text, sentence);
    // A parameter count needs a unit word after its number ("billion", "مليار").
    const bool units = std::any_of(cues.parameter_units.begin(), cues.parameter_units.end(),
                                   [&](const auto& unit) { return may_match_in(unit.first, text, sentence); });
    if (!months && !openness && !units) return out;
    for (std::uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
        // Months and openness words are rule words: a token that is none starts neither.
        const bool wordless = text.indexed() && !text.is_soft(t) && text.has_no_words(t);
        // Dates: [day] month [year].
        if (months && out.date.empty() && !wordless && may_start_at(cues.month_phrases, text, t)) {
            for (const auto& [phrase, month] : cues.months) {
                const std::uint32_t len = match_phrase(phrase, text, t, sentence.end_token);
                if (len == 0) continue;
                const int day = t > sentence.first_token ? number_at(text, t - 1) : -1;
                const int year = number_at(text, t + len);
                if (year >= 1900 && year <= 2100) out.date = iso(year, month, day >= 1 && day <= 31 ? day : 0);
                else if (const int anchored = anchor_year(month, article_date)) out.date = iso(anchored, month, 0);
                break;
            }
        }
        // Parameter counts: 405 مليار معلمة, 70 billion parameters, 70B.
        const int count = units ? number_at(text, t) : -1;
        if (count > 0) {
            for (const auto& [unit, letter] : cues.parameter_units) {
                const std::uint32_t len = match_phrase(unit, text, t + 1, sentence.end_token);
                if (len == 0) continue;
                const bool glued = !text.tokens[t + 1].space_before;
                const bool noun = match_any(cues.parameter_nouns, text, t + 1 + len, sentence.end_token) > 0;
                if (!glued && !noun) continue;  // "350 مليون تنزيل" counts downloads, not parameters
                // Mixture-of-experts sizes keep their form: 8x7B.
                std::string value = std::string(text.token_text(t)) + letter;
                std::uint32_t start = t;
                if (t >= sentence.first_token + 2 && text.token_text(t - 1) == "x" && !text.tokens[t].space_before &&
                    !text.tokens[t - 1].space_before && number_at(text, t - 2) > 0) {
                    value = std::string(text.token_text(t - 2)) + "x" + value;
                    start = t - 2;
                }
                if (const Mention* model = nearest_model(mentions, entities, start, t + 1 + len))
                    out.by_entity[model->entity].emplace("parameters", value);
                break;
            }
        }
        // Openness words next to a model.
        if (!openness || wordless || !may_start_at(cues.openness_phrases, text, t)) continue;
        for (const auto& [level, phrases] : cues.openness) {
            const std::uint32_t len = match_any(phrases, text, t, sentence.end_token);
            if (len == 0) continue;
            if (const Mention* model = nearest_model(mentions, entities, t, t + len))
                out.by_entity[model->entity].emplace("openness", level);
            break;
        }
    }
    return out;
}

}  // namespace aikg::extract
