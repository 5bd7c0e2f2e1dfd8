#include "extract/pattern_matcher.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <span>

namespace aikg::extract {
namespace {

// The distinct lengths with which a word element matches at one unit, in
// the order they are found (the order matches are reported in). Phrases are
// shorter than 256 tokens, so there are fewer than 256 lengths.
struct Lengths {
    std::uint8_t count = 0;
    std::array<std::uint8_t, 255> values;  // the first `count` are set
    void add(std::size_t n) {
        if (n == 0 || n >= 256) return;
        const auto length = static_cast<std::uint8_t>(n);
        if (std::find(values.begin(), values.begin() + count, length) != values.begin() + count) return;
        values[count++] = length;
    }
    const std::uint8_t* begin() const { return values.data(); }
    const std::uint8_t* end() const { return values.data() + count; }
};

class Matcher {
public:
    Matcher(const Rule& rule, const std::vector<Unit>& units, std::span<const std::uint32_t> name_units, const AnalyzedText& text,
            const SlotFilter& fits, std::vector<RuleMatch>& matches)
        : rule_(rule), units_(units), name_units_(name_units), text_(text), fits_(fits), matches_(matches) {}

    void run() {
        matches_.clear();
        if (units_.empty() || name_units_.size() < rule_.slot_count) return;
        // A pattern opening with a slot can only start on a name: the names
        // are visited directly, in the same order as a walk over every unit.
        const bool opens_with_slot = !rule_.pattern.empty() && (rule_.pattern.front().kind == PatternElement::Kind::Subject ||
                                                                rule_.pattern.front().kind == PatternElement::Kind::Object);
        if (opens_with_slot) {
            for (const std::uint32_t u : name_units_) {
                start_ = u;
                step(0, start_, {});
            }
            return;
        }
        for (start_ = 0; start_ < units_.size(); ++start_)
            if (may_start_at(start_)) step(0, start_, {});
    }

private:

    // Whether the pattern's first element may match at unit `u`: most units
    // are neither a name nor a word that starts the element's phrases, and
    // are passed over without a step.
    bool may_start_at(std::size_t u) const {
        if (rule_.pattern.empty()) return true;
        const PatternElement& first = rule_.pattern.front();
        switch (first.kind) {
            case PatternElement::Kind::Subject:
            case PatternElement::Kind::Object:
                return units_[u].is_name();
            case PatternElement::Kind::Words:
                return first.optional || words_may_start(first, u);
            case PatternElement::Kind::Gap:
                return true;
        }
        return true;
    }

    // Whether a word element's phrases may start at unit `u`: false only
    // when lengths_at would find no length there.
    bool words_may_start(const PatternElement& element, std::size_t u) const {
        if (u >= units_.size() || units_[u].is_name()) return false;
        const std::uint32_t t = units_[u].first_token;
        if (!text_.indexed() || !element.phrases.fully_indexed || text_.is_soft(t)) return true;
        for (auto id = text_.words_begin(t); id != text_.words_end(t); ++id)
            if (element.phrases.may_start(*id)) return true;
        return false;
    }

    // Whether stepping to element `e` at unit `u` can match anything: a gap
    // tries every length, and most of them land on a unit where the next
    // element cannot even start.
    bool worth_stepping(std::size_t e, std::size_t u) const {
        if (e == rule_.pattern.size()) return true;
        const PatternElement& el = rule_.pattern[e];
        switch (el.kind) {
            case PatternElement::Kind::Subject:
            case PatternElement::Kind::Object:
                return u < units_.size() && units_[u].is_name();
            case PatternElement::Kind::Words:
                return el.optional || words_may_start(el, u);
            case PatternElement::Kind::Gap:
                return true;
        }
        return true;
    }

    bool slot_fits(const Unit& unit, Slot slot) const {
        for (const Mention* m : unit.members)
            if (fits_.fits(*m, rule_, slot)) return true;
        return false;
    }

    // Matches a word phrase against consecutive plain-word units from `u`;
    // returns the number of units consumed, 0 for none.
    std::size_t words_at(const Phrase& phrase, std::size_t u) const {
        if (u >= units_.size() || units_[u].is_name()) return 0;
        // The phrase may span several plain-word units; it stops at the next
        // name (units cover the sentence's tokens one after the other).
        const auto next_name = std::upper_bound(name_units_.begin(), name_units_.end(), static_cast<std::uint32_t>(u));
        const std::uint32_t end = next_name != name_units_.end() ? units_[*next_name].first_token : units_.back().end_token;
        const std::uint32_t consumed = match_phrase(phrase, text_, units_[u].first_token, end);
        return consumed;  // plain-word units are one token each
    }

    // The distinct lengths with which word element `e` matches at unit `u`.
    // Worked out each time it is asked: the same (element, unit) comes back
    // in under 3% of the asks, and a memo of them cost more than it saved.
    Lengths lengths_at(std::size_t e, std::size_t u) const {
        Lengths lengths;
        // Word phrases never start on a name (words_at says 0 for each).
        if (u >= units_.size() || units_[u].is_name()) return lengths;
        const PatternElement& element = rule_.pattern[e];
        // Only the phrases whose first word the token is can match here.
        const std::uint32_t t = units_[u].first_token;
        if (text_.indexed() && element.phrases.fully_indexed && !text_.is_soft(t)) {
            for (auto id = text_.words_begin(t); id != text_.words_end(t); ++id) {
                if (!element.phrases.may_start(*id)) continue;
                auto range = std::equal_range(element.phrases.by_first_word.begin(), element.phrases.by_first_word.end(),
                                              std::pair<std::uint32_t, std::uint32_t>{*id, 0},
                                              [](const auto& a, const auto& b) { return a.first < b.first; });
                for (auto it = range.first; it != range.second; ++it) lengths.add(words_at(element.phrases[it->second], u));
            }
            return lengths;
        }
        for (const Phrase& p : element.phrases) lengths.add(words_at(p, u));
        return lengths;
    }

    void step(std::size_t e, std::size_t u, RuleMatch partial) {
        if (e == rule_.pattern.size()) {
            partial.first_token = units_[start_].first_token;
            partial.end_token = units_[u - 1].end_token;
            matches_.push_back(partial);
            return;
        }
        const PatternElement& el = rule_.pattern[e];
        switch (el.kind) {
            case PatternElement::Kind::Subject:
            case PatternElement::Kind::Object: {
                if (u >= units_.size() || !units_[u].is_name()) return;
                const bool subject = el.kind == PatternElement::Kind::Subject;
                if (!slot_fits(units_[u], subject ? Slot::Subject : Slot::Object)) return;
                (subject ? partial.subject : partial.object) = &units_[u];
                step(e + 1, u + 1, partial);
                return;
            }
            case PatternElement::Kind::Words: {
                for (const std::uint8_t n : lengths_at(e, u)) step(e + 1, u + n, partial);
                if (el.optional) step(e + 1, u, partial);
                return;
            }
            case PatternElement::Kind::Gap: {
                if (worth_stepping(e + 1, u)) step(e + 1, u, partial);
                for (std::uint32_t k = 1; k <= el.max_gap && u + k <= units_.size(); ++k) {
                    const Unit& skipped = units_[u + k - 1];
                    if ((skipped.is_name() && !skipped.transparent && !el.gap_crosses_names) || skipped.barrier) return;
                    if (worth_stepping(e + 1, u + k)) step(e + 1, u + k, partial);
                }
                return;
            }
        }
    }

    const Rule& rule_;
    const std::vector<Unit>& units_;
    std::span<const std::uint32_t> name_units_;
    const AnalyzedText& text_;
    const SlotFilter& fits_;
    std::size_t start_ = 0;
    std::vector<RuleMatch>& matches_;
};

}  // namespace

bool words_may_match(const Rule& rule, const AnalyzedText& text, const SentenceTokens& sentence) {
    if (!text.indexed()) return true;
    // Every required element needs one of its masks to meet the sentence's word bits.
    // Without a branch per mask: whether a mask meets the bits was a coin toss for the predictor.
    bool met = false;
    for (const Rule::WordMask& m : rule.required_masks) {
        const bool inside = m.slot < sentence.word_slots;
        met |= inside & ((sentence.word_bits[inside ? m.slot : 0] & m.mask) != 0);
        if (!m.ends_element) continue;
        if (!met) return false;
        met = false;
    }
    return true;
}

void candidate_rules(const RuleSet& rules, const AnalyzedText& text, const SentenceTokens& sentence, std::size_t names,
                     std::vector<const Rule*>& out) {
    out.clear();
    if (!text.indexed() || rules.trigger_begin.empty()) {
        for (const Rule& rule : rules.rules)
            if (rule.slot_count <= names && words_may_match(rule, text, sentence)) out.push_back(&rule);
        return;
    }
    // A bit per rule: the union of the rules the sentence's words trigger,
    // read back in rule order (the order rules are applied in).
    // Per thread and reused: a bitmap per sentence was one of the most frequent allocations.
    thread_local std::vector<std::uint64_t> chosen;
    chosen.assign((rules.rules.size() + 63) / 64, 0);
    // Rules with more slots than the sentence has names are never chosen.
    const std::uint32_t* slot_counts = rules.slot_counts.data();
    auto choose = [slot_counts, names](std::uint32_t r) {
        chosen[r / 64] |= static_cast<std::uint64_t>(slot_counts[r] <= names) << (r % 64);
    };
    for (const std::uint32_t r : rules.rules_without_trigger) choose(r);
    // Only words of the index have trigger bits: every word found has a row.
    const std::size_t slots = std::min<std::size_t>(sentence.word_slots, rules.trigger_words.size());
    for (std::size_t slot = 0; slot < slots; ++slot) {
        for (std::uint64_t bits = sentence.word_bits[slot] & rules.trigger_words[slot]; bits != 0; bits &= bits - 1) {
            const auto word = static_cast<std::uint32_t>(slot * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
            for (std::uint32_t i = rules.trigger_begin[word]; i < rules.trigger_begin[word + 1]; ++i) choose(rules.trigger_rules[i]);
        }
    }
    for (std::size_t slot = 0; slot < chosen.size(); ++slot) {
        for (std::uint64_t bits = chosen[slot]; bits != 0; bits &= bits - 1) {
            const Rule& rule = rules.rules[slot * 64 + static_cast<std::size_t>(std::countr_zero(bits))];
            if (words_may_match(rule, text, sentence)) out.push_back(&rule);
        }
    }
}

void name_units_of(const std::vector<Unit>& units, std::vector<std::uint32_t>& out) {
    out.clear();
    for (std::uint32_t u = 0; u < units.size(); ++u)
        if (units[u].is_name()) out.push_back(u);
}

void match_rule(const Rule& rule, const std::vector<Unit>& units, std::span<const std::uint32_t> name_units, const AnalyzedText& text,
                const SlotFilter& fits, std::vector<RuleMatch>& out) {
    Matcher(rule, units, name_units, text, fits, out).run();
}

}  // namespace aikg::extract
