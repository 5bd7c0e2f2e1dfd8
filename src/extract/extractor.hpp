#pragma once
// Document in, facts out: mentions, anaphora, rules, evidence.

#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "corpus/document.hpp"
#include "extract/fact.hpp"
#include "extract/mention_matcher.hpp"
#include "extract/rules.hpp"
#include "extract/slot_types.hpp"
#include "extract/unknown_names.hpp"
#include "kb/catalog.hpp"
#include "kb/ontology.hpp"

namespace aikg::extract {

class AnaphoraResolver;
class EntityTable;
class SentenceFacts;
struct SentenceAttributes;
struct FactKey;
struct AnalyzedText;
struct SentenceTokens;

// An entity filling a relation slot, with the type it has there.
struct SlotFill {
    kb::EntityId entity = 0;
    const std::string* type = nullptr;
    bool guessed = false;  // typed by the slot alone
};

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
    // The same facts in the same order, each handed to `each` as a view of
    // the article and the entities, valid during the call: for callers that
    // only write them out (a Fact copies the evidence sentence and names).
    void for_each_fact(const corpus::Document& doc, const std::function<void(const FactView&)>& each) const;
    // The same facts handed over all at once, valid during the call: for a
    // caller that stores an article's facts together (a one-job build), which
    // would otherwise copy them into a FactBatch first.
    void with_facts(const corpus::Document& doc, const std::function<void(std::span<const FactView>)>& all) const;

    const RuleSet* rules_for(const std::string& language) const;

    // The names and resolved anaphors of a document, for people checking what
    // the catalog and the anaphora rules recognise (`aikg extract --format mentions`).
    struct FoundMention {
        std::string entity;
        std::string type;
        std::string surface;
        std::uint32_t start = 0;  // byte offsets in the original text
        std::uint32_t end = 0;
        bool anaphor = false;
    };
    std::vector<FoundMention> mentions(const corpus::Document& doc) const;

private:
    friend class SentenceSlots;
    // The entity that fills a slot for a mention: itself when its type is
    // allowed, else the company behind a platform or product, else none.
    std::optional<SlotFill> slot_entity(const EntityTable& entities, const Mention& m, const Rule& rule,
                                        const std::vector<std::string>& types, bool guess) const;
    void add_category_mentions(const AnalyzedText& text, const SentenceTokens& sentence, const RuleSet& rules,
                               std::vector<Mention>& names) const;
    void assign_context_types(const AnalyzedText& text, const SentenceTokens& sentence, const RuleSet& rules, EntityTable& entities,
                              std::vector<Mention>& mentions) const;
    // The sentence's names and resolved anaphors, in token order, into `out` (cleared first).
    void sentence_mentions(const AnalyzedText& text, const SentenceTokens& sentence, const RuleSet& rules, EntityTable& entities,
                           AnaphoraResolver& resolver, std::vector<Mention>& out) const;
    void apply_rules(const AnalyzedText& text, const SentenceTokens& sentence, const std::vector<Mention>& mentions,
                     const RuleSet& rules, const EntityTable& entities, SentenceFacts& out) const;
    bool overridden(const SentenceFacts& sentence, const FactKey& key) const;
    // An article's sentences through mentions, rules and attributes, in
    // `mentions`, `facts` and `attributes` (one each per sentence).
    // By stage: every sentence's mentions first, then every sentence's
    // rules, then attributes; each stage's code then stays in the
    // instruction cache, where a sentence's pass through all of it did not
    // fit (a third fewer misses, 1.4% of extraction). False when that
    // would change what a stage reads: a name one sentence holds got its
    // type from a later sentence (by sentence, the sentence's rules never
    // saw that type); the caller starts over by sentence with a fresh table.
    enum class Order { BySentence, ByStage };
    bool read_sentences(const AnalyzedText& text, const RuleSet& rules, const corpus::Document& doc, Order order, EntityTable& entities,
                        std::span<std::vector<Mention>> mentions, std::vector<SentenceFacts>& facts,
                        std::vector<SentenceAttributes>& attributes) const;
    void apply_catalog(const EntityTable& entities, std::span<const std::vector<Mention>> mentions,
                       std::vector<SentenceFacts>& facts) const;

    const kb::Catalog& catalog_;
    const kb::Ontology& ontology_;
    std::vector<RuleSet> rules_;
    TypeBits type_bits_;
    ExtractOptions options_;
    MentionMatcher matcher_;
    std::vector<std::vector<kb::EntityId>> category_entities_;  // per rule set, per category pattern
    std::vector<PersonCues> person_cues_;                       // per rule set
    // What apply_catalog may read off each catalog entity, a CatalogLink bit
    // each: most entities have none, and each list asked of one was a cache miss.
    std::vector<std::uint8_t> catalog_links_;
    // Per catalog entity: the bits (TypeBits) of its type and of its
    // company's, which slots ask of every name in every sentence with a rule
    // to try (comparing type names each time).
    std::vector<std::uint64_t> catalog_type_bits_;
    // The edge types apply_catalog states (null when the ontology lacks one),
    // looked up once rather than per article.
    const kb::EdgeType* derived_from_ = nullptr;
    const kb::EdgeType* part_of_ = nullptr;
    const kb::EdgeType* affiliated_with_ = nullptr;
    // Per catalog entity (kHasAffiliations), the organisations the catalog
    // says it is affiliated with, in its facts' order: entity i's are
    // affiliated_orgs_[affiliations_begin_[i] .. affiliations_begin_[i + 1]).
    // Reading them off the entity's facts was a cache miss and a string
    // comparison per fact.
    std::vector<std::uint32_t> affiliations_begin_;
    std::vector<kb::EntityId> affiliated_orgs_;
    // Relation -> the relations that override it (EdgeType::overrides read
    // backwards): asked for every fact, where scanning every edge type's list was 1% of extraction.
    std::vector<std::pair<std::string, std::vector<std::string>>> overridden_by_;
};

}  // namespace aikg::extract
