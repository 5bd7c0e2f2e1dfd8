#include "extract/extractor.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "extract/analyzed_text.hpp"
#include "extract/pattern_matcher.hpp"
#include "extract/sentence_units.hpp"

namespace aikg::extract {
namespace {

constexpr double kAnaphorPenalty = 0.85;   // a resolved "the company" is less certain than a name
constexpr double kNegatedFactor = 0.2;     // "did not release" keeps the fact only for audits
constexpr double kHedgedFactor = 0.6;      // "plans to release"
constexpr std::uint32_t kCueLookback = 3;  // cue words this far before the match still apply
// Facts the catalog lets us read off co-mentions: a version named beside its
// family, a lab named in an article about its parent, a person at a lab.
constexpr double kFamilyConfidence = 0.6;
constexpr double kUnitConfidence = 0.6;
constexpr double kParentAffiliationFactor = 0.9;

bool any_cue(const std::vector<Phrase>& cues, const AnalyzedText& text, std::uint32_t from, std::uint32_t to) {
    for (std::uint32_t t = from; t < to; ++t)
        if (match_any(cues, text, t, to) > 0) return true;
    return false;
}

double combine(double a, double b) { return 1.0 - (1.0 - a) * (1.0 - b); }

using FactKey = std::tuple<kb::EntityId, std::string, kb::EntityId>;

}  // namespace

// Anaphors refer to the latest entity of their type seen so far in the document.
class AnaphoraResolver {
public:
    void saw(const kb::Entity& e, kb::EntityId id) { latest_[e.type] = id; }
    std::optional<kb::EntityId> latest(const std::string& type) const {
        const auto it = latest_.find(type);
        if (it == latest_.end()) return std::nullopt;
        return it->second;
    }

private:
    std::map<std::string, kb::EntityId, std::less<>> latest_;
};

// The facts of one sentence, one per (subject, relation, object).
class SentenceFacts {
public:
    SentenceFacts(const kb::Catalog& catalog, const corpus::Document& doc, const SentenceTokens& sentence)
        : catalog_(catalog), doc_(doc), sentence_(sentence) {}

    void add(kb::EntityId subject, const kb::EdgeType& relation, kb::EntityId object, const std::string& rule, double confidence) {
        if (subject == object) return;
        // Symmetric edges are stored once, in name order.
        if (relation.symmetric && catalog_.entity(object).name < catalog_.entity(subject).name) std::swap(subject, object);
        auto [it, inserted] = facts_.try_emplace(FactKey{subject, relation.name, object});
        Fact& f = it->second;
        if (inserted) {
            const kb::Entity& s = catalog_.entity(subject);
            const kb::Entity& o = catalog_.entity(object);
            f = Fact{doc_.id, s.name, s.type, relation.name, o.name, o.type,
                     std::string(doc_.text.substr(sentence_.bytes.begin, sentence_.bytes.end - sentence_.bytes.begin)),
                     sentence_.bytes.begin, sentence_.bytes.end, rule, confidence, doc_.lang};
        } else if (("+" + f.rule + "+").find("+" + rule + "+") == std::string::npos) {
            f.rule += "+" + rule;
            f.confidence = combine(f.confidence, confidence);
        } else {
            f.confidence = std::max(f.confidence, confidence);
        }
    }

    const std::map<FactKey, Fact>& facts() const { return facts_; }

private:
    const kb::Catalog& catalog_;
    const corpus::Document& doc_;
    const SentenceTokens& sentence_;
    std::map<FactKey, Fact> facts_;
};

Extractor::Extractor(const kb::Catalog& catalog, const kb::Ontology& ontology, std::vector<RuleSet> rules, ExtractOptions options)
    : catalog_(catalog), ontology_(ontology), rules_(std::move(rules)), options_(options), matcher_(catalog) {}

const RuleSet* Extractor::rules_for(const std::string& language) const {
    for (const auto& set : rules_)
        if (set.language == language) return &set;
    return nullptr;
}

std::optional<kb::EntityId> Extractor::slot_entity(const Mention& m, const std::vector<std::string>& types) const {
    if (kb::contains(types, catalog_.entity(m.entity).type)) return m.entity;
    // "Hugging Face released StarCoder": a platform named like its company stands for the company.
    if (auto company = catalog_.company_of(m.entity); company && kb::contains(types, catalog_.entity(*company).type)) return company;
    return std::nullopt;
}

std::vector<Mention> Extractor::sentence_mentions(const AnalyzedText& text, const SentenceTokens& sentence, const RuleSet& rules,
                                                  AnaphoraResolver& resolver) const {
    const std::vector<Mention> names = matcher_.find(text, sentence.first_token, sentence.end_token);
    // Interleave anaphors with names in token order so each resolves to what came before it.
    std::vector<Mention> mentions;
    std::size_t n = 0;
    for (std::uint32_t t = sentence.first_token; t < sentence.end_token;) {
        if (n < names.size() && names[n].first_token == t) {
            resolver.saw(catalog_.entity(names[n].entity), names[n].entity);
            mentions.push_back(names[n]);
            t = names[n++].end_token;
            continue;
        }
        const std::uint32_t limit = n < names.size() ? names[n].first_token : sentence.end_token;
        std::uint32_t consumed = 0;
        for (const Anaphor& a : rules.anaphora) {
            const std::uint32_t len = match_phrase(a.phrase, text, t, limit);
            if (len == 0) continue;
            if (auto antecedent = resolver.latest(a.type)) {
                mentions.push_back({*antecedent, t, t + len, {}, true});
                consumed = len;
            }
            break;
        }
        t += consumed ? consumed : 1;
    }
    return mentions;
}

void Extractor::apply_rules(const AnalyzedText& text, const SentenceTokens& sentence, const std::vector<Mention>& mentions,
                            const RuleSet& rules, SentenceFacts& out) const {
    const CompoundTest compound = [this](const Mention& left, const Mention& right) {
        return !left.anaphor && !right.anaphor && catalog_.entity(left.entity).type == "Organization" &&
               catalog_.entity(right.entity).type == "Organization";
    };
    const SlotFilter fits = [this](const Mention& m, const std::vector<std::string>& types) {
        return slot_entity(m, types).has_value();
    };
    const std::vector<Unit> units = build_units(text, sentence, mentions, rules, compound);
    for (const Rule& rule : rules.rules) {
        for (const RuleMatch& match : match_rule(rule, units, text, rules, fits)) {
            const std::uint32_t cue_from =
                std::max(sentence.first_token, match.first_token > kCueLookback ? match.first_token - kCueLookback : 0u);
            double confidence = rule.confidence;
            if (any_cue(rules.negation, text, cue_from, match.end_token)) confidence *= kNegatedFactor;
            else if (any_cue(rules.hedge, text, cue_from, match.end_token)) confidence *= kHedgedFactor;
            for (const Mention* s : match.subject->members) {
                const auto subject = slot_entity(*s, rule.subject_types);
                if (!subject) continue;
                for (const Mention* o : match.object->members) {
                    const auto object = slot_entity(*o, rule.object_types);
                    if (!object) continue;
                    const double c = (s->anaphor || o->anaphor) ? confidence * kAnaphorPenalty : confidence;
                    out.add(*subject, *rule.relation, *object, rule.id, c);
                }
            }
        }
    }
}

void Extractor::apply_catalog(const std::vector<std::vector<Mention>>& mentions, std::vector<SentenceFacts>& facts) const {
    const kb::EdgeType* derived = ontology_.edge_type("derived_from");
    const kb::EdgeType* part_of = ontology_.edge_type("part_of");
    const kb::EdgeType* affiliated = ontology_.edge_type("affiliated_with");
    std::set<kb::EntityId> in_article;
    for (const auto& sentence : mentions)
        for (const Mention& m : sentence)
            if (!m.anaphor) in_article.insert(m.entity);

    std::set<kb::EntityId> units_done;
    for (std::size_t s = 0; s < mentions.size(); ++s) {
        std::set<kb::EntityId> in_sentence;
        for (const Mention& m : mentions[s])
            if (!m.anaphor) in_sentence.insert(m.entity);
        for (const kb::EntityId id : in_sentence) {
            // A version beside its family: linked to the broadest family named here.
            if (derived) {
                const auto ancestors = catalog_.ancestors_of(id);
                for (auto a = ancestors.rbegin(); a != ancestors.rend(); ++a) {
                    if (in_sentence.count(*a)) {
                        facts[s].add(id, *derived, *a, "catalog.family-in-sentence", kFamilyConfidence);
                        break;
                    }
                }
            }
            // A lab or unit in an article that also names its parent, stated once where the unit first appears.
            if (part_of && !units_done.count(id)) {
                for (const kb::EntityId parent : catalog_.parents_of(id)) {
                    if (!in_article.count(parent)) continue;
                    facts[s].add(id, *part_of, parent, "catalog.unit-of-parent", kUnitConfidence);
                    units_done.insert(id);
                    break;
                }
            }
        }
        // A person at a unit is also with the unit's parent, when the article names it.
        if (!affiliated) continue;
        std::vector<Fact> extra;
        std::vector<std::tuple<kb::EntityId, kb::EntityId, double>> additions;
        for (const auto& [key, fact] : facts[s].facts()) {
            if (std::get<1>(key) != affiliated->name) continue;
            for (const kb::EntityId parent : catalog_.parents_of(std::get<2>(key)))
                if (in_article.count(parent)) additions.emplace_back(std::get<0>(key), parent, fact.confidence * kParentAffiliationFactor);
        }
        for (const auto& [person, parent, confidence] : additions)
            facts[s].add(person, *affiliated, parent, "catalog.parent-of-unit", confidence);
    }
}

std::vector<Fact> Extractor::extract(const corpus::Document& doc) const {
    std::vector<Fact> out;
    const RuleSet* rules = rules_for(doc.lang);
    if (!rules) return out;
    const AnalyzedText text = analyze(doc.text);
    AnaphoraResolver resolver;

    std::vector<std::vector<Mention>> mentions;
    std::vector<SentenceFacts> facts;
    mentions.reserve(text.sentences.size());
    facts.reserve(text.sentences.size());
    for (const SentenceTokens& sentence : text.sentences) {
        mentions.push_back(sentence_mentions(text, sentence, *rules, resolver));
        facts.emplace_back(catalog_, doc, sentence);
        apply_rules(text, sentence, mentions.back(), *rules, facts.back());
    }
    apply_catalog(mentions, facts);
    for (const auto& sentence : facts)
        for (const auto& [key, fact] : sentence.facts())
            if (fact.confidence >= options_.min_confidence) out.push_back(fact);
    return out;
}

}  // namespace aikg::extract
