#pragma once
// Runs one rule's pattern over a sentence's units.

#include <cstdint>
#include <span>
#include <vector>

#include "extract/rules.hpp"
#include "extract/sentence_units.hpp"

namespace aikg::extract {

struct RuleMatch {
    const Unit* subject = nullptr;
    const Unit* object = nullptr;
    std::uint32_t first_token = 0;  // extent of the whole match
    std::uint32_t end_token = 0;
};

enum class Slot { Subject, Object };

// Whether a mention may fill a rule's slot (its entity type is allowed
// there). An interface rather than a std::function: it is asked for every
// member of every name at every place a rule tries a slot.
class SlotFilter {
public:
    virtual bool fits(const Mention& m, const Rule& rule, Slot slot) const = 0;

protected:
    ~SlotFilter() = default;
};

// Whether the sentence holds the rule's trigger words (always true for text
// analysed without a WordIndex): a few bit tests that rule out most rules
// before any units are built.
bool words_may_match(const Rule& rule, const AnalyzedText& text, const SentenceTokens& sentence);

// The rules of `rules` whose trigger words the sentence holds and whose
// slots its `names` can fill, in rule order. Written into `out` (cleared
// first), which callers keep between sentences: a vector per sentence was one
// of extraction's most frequent allocations.
void candidate_rules(const RuleSet& rules, const AnalyzedText& text, const SentenceTokens& sentence, std::size_t names,
                     std::vector<const Rule*>& out);

// Every way the pattern matches, starting at any unit, written into `out`
// (cleared first; callers keep it between rules). Gaps never cross a name or
// a barrier word; a name slot needs at least one member of an allowed type.
// `name_units` are the indexes of the units that are names, ascending
// (name_units_of): worked out once per sentence rather than by every rule.
void match_rule(const Rule& rule, const std::vector<Unit>& units, std::span<const std::uint32_t> name_units, const AnalyzedText& text,
                const SlotFilter& fits, std::vector<RuleMatch>& out);
void name_units_of(const std::vector<Unit>& units, std::vector<std::uint32_t>& out);

}  // namespace aikg::extract
