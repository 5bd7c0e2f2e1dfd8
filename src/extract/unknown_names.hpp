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

// New mentions for tokens of the sentence no `known` mention covers; their
// entities are added to `entities` as local ones, typed Person where a role
// says so and untyped otherwise (cue words or relations type them later).
std::vector<Mention> find_unknown_names(const AnalyzedText& text, const SentenceTokens& sentence, const RuleSet& rules,
                                        const std::vector<Mention>& known, EntityTable& entities);

}  // namespace aikg::extract
