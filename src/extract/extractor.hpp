#pragma once
// Document in, facts out: mentions, anaphora, rules, evidence.

#include <vector>

#include "corpus/document.hpp"
#include "extract/fact.hpp"
#include "extract/mention_matcher.hpp"
#include "extract/rules.hpp"
#include "kb/catalog.hpp"
#include "kb/ontology.hpp"

namespace aikg::extract {

struct ExtractOptions {
    double min_confidence = 0.5;
};

class Extractor {
public:
    Extractor(const kb::Catalog& catalog, const kb::Ontology& ontology, std::vector<RuleSet> rules, ExtractOptions options = {});

    // Facts in sentence order; within a sentence one fact per (subject,
    // relation, object), the rules that agree on it joined and their
    // confidences combined. Thread-safe: const and without shared state.
    std::vector<Fact> extract(const corpus::Document& doc) const;

    const RuleSet* rules_for(const std::string& language) const;

private:
    const kb::Catalog& catalog_;
    const kb::Ontology& ontology_;
    std::vector<RuleSet> rules_;
    ExtractOptions options_;
    MentionMatcher matcher_;
};

}  // namespace aikg::extract
