#pragma once
// Names the catalog does not know. In Arabic text a run of Latin script is
// almost always a name (a company, a model); in English text, a run of
// capitalised words. Arabic-script names of people are recognised where a
// role introduces them ("روان كيرنان، المحلل في Forrester").

#include <vector>

#include "extract/analyzed_text.hpp"
#include "extract/entity_table.hpp"
#include "extract/mention.hpp"
#include "extract/rules.hpp"

namespace aikg::extract {

// The lexicons that make an unknown name a person ("CEO", "المحلل" and the
// words that introduce them), found once per rule set: looking them up by name
// in every sentence was 2% of extraction.
struct PersonCues {
    const PhraseList* roles = nullptr;
    const PhraseList* role_intro = nullptr;
    static PersonCues of(const RuleSet& rules);
};

// Appends to `names` new mentions for tokens of the sentence none of the
// mentions already in it covers (not in token order: callers sort); their
// entities are added to `entities` as local ones, typed Person where a role
// says so and untyped otherwise (cue words or relations type them later).
// `people` must come from the same `rules`.
void find_unknown_names(const AnalyzedText& text, const SentenceTokens& sentence, const RuleSet& rules, const PersonCues& people,
                        std::vector<Mention>& names, EntityTable& entities);

}  // namespace aikg::extract
