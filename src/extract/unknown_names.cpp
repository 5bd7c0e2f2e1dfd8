#include "extract/unknown_names.hpp"

#include <unicode/uchar.h>

#include <algorithm>

#include "text/utf8.hpp"

namespace aikg::extract {
namespace {

constexpr std::uint32_t kMaxNameTokens = 6;
constexpr std::uint32_t kPersonNameTokens = 2;
const std::string kPerson = "Person";

using text::TokenKind;

// Whether a token is exactly `word`, a short literal: compared byte by byte
// here, where the comparisons of every token with "،" and the like were
// each a call to memcmp.
template <std::size_t N>
bool is(std::string_view token, const char (&word)[N]) {
    if (token.size() != N - 1) return false;
    for (std::size_t i = 0; i + 1 < N; ++i)
        if (token[i] != word[i]) return false;
    return true;
}

bool is_connector(std::string_view t) { return t.size() == 1 && (t[0] == '&' || t[0] == '.' || t[0] == '-' || t[0] == '\'' || t[0] == '+'); }

bool starts_upper(const AnalyzedText& text, std::uint32_t t) {
    std::size_t pos = text.token_begin_byte(t);
    // Most Latin words open with an ASCII letter, whose case needs no lookup
    // (A-Z are the only uppercase letters below U+0080).
    if (const auto first = static_cast<unsigned char>(text.original[pos]); first < 0x80) return first >= 'A' && first <= 'Z';
    return u_isupper(static_cast<UChar32>(text::decode_next(text.original, pos)));
}

class Finder {
public:
    Finder(const AnalyzedText& text, const SentenceTokens& sentence, const RuleSet& rules, const PersonCues& people,
           std::vector<Mention>& names, EntityTable& entities)
        : text_(text), sentence_(sentence), rules_(rules), entities_(entities), covered_(covered_scratch()), names_(names) {
        covered_.assign(sentence.end_token - sentence.first_token, 0);
        for (const Mention& m : names)
            for (std::uint32_t t = m.first_token; t < m.end_token; ++t) covered_[t - sentence.first_token] = 1;
        // A sentence that holds no role word makes nobody a person by role.
        if (people.roles && may_occur_in(*people.roles, text, sentence)) roles_ = people.roles;
        role_intro_ = people.role_intro;
    }

    void run() {
        const bool arabic = is(rules_.language, "ar");
        for (std::uint32_t t = sentence_.first_token; t < sentence_.end_token;) {
            const std::uint32_t end = arabic ? latin_run(t) : capitalised_run(t);
            if (end > t) {
                add(t, end, person_by_role(t, end) ? kPerson : kUntyped);
                t = end;
            } else {
                ++t;
            }
        }
        if (arabic) arabic_people();
    }

private:
    bool free(std::uint32_t t) const { return t < sentence_.end_token && !covered_[t - sentence_.first_token]; }
    TokenKind kind(std::uint32_t t) const { return text_.tokens[t].kind; }
    bool glued(std::uint32_t t) const { return !text_.tokens[t].space_before; }

    // Extends a name over Latin words and numbers, and over & . - ' written without spaces ("AT&T", "watsonx.ai").
    std::uint32_t extend(std::uint32_t t, bool need_capitals) const {
        std::uint32_t end = t + 1;
        while (end < sentence_.end_token && end - t < kMaxNameTokens && free(end)) {
            const TokenKind k = kind(end);
            if (k == TokenKind::Latin && (!need_capitals || starts_upper(text_, end) || glued(end))) {
                ++end;
            } else if (k == TokenKind::Number) {
                ++end;
            } else if (is_connector(text_.token_text(end)) && glued(end) && end + 1 < sentence_.end_token && free(end + 1) &&
                       glued(end + 1) && (kind(end + 1) == TokenKind::Latin || kind(end + 1) == TokenKind::Number)) {
                end += 2;
            } else {
                break;
            }
        }
        return end;
    }

    bool all_not_names(std::uint32_t begin, std::uint32_t end) const {
        for (std::uint32_t t = begin; t < end; ++t) {
            if (kind(t) != TokenKind::Latin) continue;
            if (match_any(rules_.not_a_name, text_, t, t + 1) == 0) return false;
        }
        return true;
    }

    std::uint32_t latin_run(std::uint32_t t) const {
        if (kind(t) != TokenKind::Latin || !free(t) || text_.token_text(t).size() < 2) return t;
        const std::uint32_t end = extend(t, false);
        return all_not_names(t, end) ? t : end;
    }

    std::uint32_t capitalised_run(std::uint32_t t) const {
        if (kind(t) != TokenKind::Latin || !starts_upper(text_, t) || !free(t)) return t;
        // Leading function words ("The", "In") are not part of a name.
        if (match_any(rules_.not_a_name, text_, t, t + 1) > 0) return t;
        const std::uint32_t end = extend(t, true);
        // One capitalised word opening a sentence is just the sentence's first word.
        if (t == sentence_.first_token && end == t + 1) return t;
        return all_not_names(t, end) ? t : end;
    }

    // "Name, (the) CEO of" or "CEO Name": a role next to the name makes it a person.
    bool person_by_role(std::uint32_t begin, std::uint32_t end) const {
        if (!roles_) return false;
        std::uint32_t t = end;
        if (comma(t)) ++t;
        if (t < sentence_.end_token && is(text_.token_text(t), "the")) ++t;
        if (t < sentence_.end_token && is(text_.token_text(t), "a")) ++t;
        if (t < sentence_.end_token && is(text_.token_text(t), "an")) ++t;
        if (t < sentence_.end_token && match_any(*roles_, text_, t, sentence_.end_token) > 0) return true;
        for (std::uint32_t back = 1; back <= 2 && begin >= sentence_.first_token + back; ++back)
            if (match_any(*roles_, text_, begin - back, begin) == back) return true;
        return false;
    }

    bool name_word(std::uint32_t t) const {
        if (!free(t) || kind(t) != TokenKind::Arabic) return false;
        const std::string_view w = text_.token_text(t);
        // Transliterated names do not carry the article; function words and verbs are listed as stopwords.
        return w.size() >= 4 && !is(w.substr(0, 4), "\xD8\xA7\xD9\x84") && match_any(rules_.name_stopwords, text_, t, t + 1) == 0;
    }

    bool comma(std::uint32_t t) const {
        if (t >= sentence_.end_token) return false;
        const std::string_view w = text_.token_text(t);
        return is(w, ",") || is(w, "\xD8\x8C");
    }

    // Two Arabic words before "، <role>" or after "<role> ... <organisation>،".
    void arabic_people() {
        if (!roles_) return;
        for (std::uint32_t t = sentence_.first_token + kPersonNameTokens; t < sentence_.end_token; ++t) {
            if (!comma(t)) continue;
            std::uint32_t r = t + 1;
            if (role_intro_ && r < sentence_.end_token && match_any(*role_intro_, text_, r, r + 1) == 1) ++r;
            const bool role_after = r < sentence_.end_token && match_any(*roles_, text_, r, sentence_.end_token) > 0;
            const std::uint32_t first = t - kPersonNameTokens;
            if (role_after && name_word(first) && name_word(first + 1)) add(first, t, kPerson);
            // "<role> ... <organisation>، Name Name" closed by a comma or the sentence end.
            const std::uint32_t after = t + 1;
            if (after + kPersonNameTokens <= sentence_.end_token && name_word(after) && name_word(after + 1) &&
                (after + kPersonNameTokens == sentence_.end_token || comma(after + kPersonNameTokens) ||
                 is(text_.token_text(after + kPersonNameTokens), "."))) {
                const std::uint32_t look_from = t > sentence_.first_token + 6 ? t - 6 : sentence_.first_token;
                if (t > sentence_.first_token && !free(t - 1) && any_role(look_from, t)) add(after, after + kPersonNameTokens, kPerson);
            }
        }
    }

    bool any_role(std::uint32_t from, std::uint32_t to) const {
        for (std::uint32_t t = from; t < to; ++t)
            if (match_any(*roles_, text_, t, to) > 0) return true;
        return false;
    }

    void add(std::uint32_t begin, std::uint32_t end, const std::string& type) {
        for (std::uint32_t t = begin; t < end; ++t)
            if (!free(t)) return;
        const std::uint32_t from = text_.token_begin_byte(begin);
        const std::uint32_t to = text_.token_end_byte(end - 1);
        names_.push_back({entities_.local(text_.original.substr(from, to - from), type), begin, end, {}, false});
        for (std::uint32_t t = begin; t < end; ++t) covered_[t - sentence_.first_token] = 1;
    }

    const AnalyzedText& text_;
    const SentenceTokens& sentence_;
    const RuleSet& rules_;
    EntityTable& entities_;
    // Per thread and reused: the finder runs once per sentence.
    static std::vector<std::uint8_t>& covered_scratch() {
        thread_local std::vector<std::uint8_t> covered;
        return covered;
    }
    std::vector<std::uint8_t>& covered_;
    const PhraseList* roles_ = nullptr;
    const PhraseList* role_intro_ = nullptr;
    std::vector<Mention>& names_;  // the known ones, then the ones found
};

}  // namespace

PersonCues PersonCues::of(const RuleSet& rules) {
    PersonCues cues;
    if (const auto it = rules.lexicons.find("role"); it != rules.lexicons.end()) cues.roles = &it->second;
    if (const auto it = rules.lexicons.find("role_intro"); it != rules.lexicons.end()) cues.role_intro = &it->second;
    return cues;
}

void find_unknown_names(const AnalyzedText& text, const SentenceTokens& sentence, const RuleSet& rules, const PersonCues& people,
                        std::vector<Mention>& names, EntityTable& entities) {
    Finder(text, sentence, rules, people, names, entities).run();
}

}  // namespace aikg::extract
