#pragma once
// Attributes stated in a sentence: a date ("في يوليو 2023", "in February",
// resolved against the article's date), a model's openness ("مفتوح المصدر",
// "proprietary") and parameter count ("405 مليار معلمة", "70B").

#include <map>
#include <string>
#include <vector>

#include "extract/analyzed_text.hpp"
#include "extract/entity_table.hpp"
#include "extract/mention.hpp"
#include "extract/rules.hpp"

namespace aikg::extract {

struct SentenceAttributes {
    std::string date;  // YYYY-MM or YYYY-MM-DD, empty when the sentence states none
    std::map<kb::EntityId, std::map<std::string, std::string>> by_entity;  // openness, parameters
};

// `article_date` (ISO, may be empty) anchors a month stated without a year to
// its most recent occurrence on or before the article's month.
SentenceAttributes find_attributes(const AnalyzedText& text, const SentenceTokens& sentence, const std::vector<Mention>& mentions,
                                   const EntityTable& entities, const AttributeCues& cues, const std::string& article_date);

}  // namespace aikg::extract
