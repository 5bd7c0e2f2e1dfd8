#include "extract/extractor.hpp"

#include <algorithm>
#include <map>
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

bool any_cue(const std::vector<Phrase>& cues, const AnalyzedText& text, std::uint32_t from, std::uint32_t to) {
    for (std::uint32_t t = from; t < to; ++t)
        if (match_any(cues, text, t, to) > 0) return true;
    return false;
}

double combine(double a, double b) { return 1.0 - (1.0 - a) * (1.0 - b); }

}  // namespace

Extractor::Extractor(const kb::Catalog& catalog, const kb::Ontology& ontology, std::vector<RuleSet> rules, ExtractOptions options)
    : catalog_(catalog), ontology_(ontology), rules_(std::move(rules)), options_(options), matcher_(catalog) {}

const RuleSet* Extractor::rules_for(const std::string& language) const {
    for (const auto& set : rules_)
        if (set.language == language) return &set;
    return nullptr;
}

std::vector<Fact> Extractor::extract(const corpus::Document& doc) const {
    std::vector<Fact> facts;
    const RuleSet* rules = rules_for(doc.lang);
    if (!rules) return facts;
    const AnalyzedText text = analyze(doc.text);
    AnaphoraResolver resolver;

    const SlotFilter fits = [this](const Mention& m, const std::vector<std::string>& types) {
        return kb::contains(types, catalog_.entity(m.entity).type);
    };

    for (const SentenceTokens& sentence : text.sentences) {
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
            bool found = false;
            for (const Anaphor& a : rules->anaphora) {
                const std::uint32_t len = match_phrase(a.phrase, text, t, limit);
                if (len == 0) continue;
                if (auto antecedent = resolver.latest(a.type)) {
                    mentions.push_back({*antecedent, t, t + len, {}, true});
                    t += len;
                    found = true;
                }
                break;
            }
            if (!found) ++t;
        }

        const std::vector<Unit> units = build_units(text, sentence, mentions, *rules);
        using Key = std::tuple<kb::EntityId, std::string, kb::EntityId>;
        std::map<Key, Fact> sentence_facts;
        for (const Rule& rule : rules->rules) {
            for (const RuleMatch& match : match_rule(rule, units, text, *rules, fits)) {
                const std::uint32_t cue_from = std::max(sentence.first_token, match.first_token > kCueLookback ? match.first_token - kCueLookback : 0u);
                double confidence = rule.confidence;
                if (any_cue(rules->negation, text, cue_from, match.end_token)) confidence *= kNegatedFactor;
                else if (any_cue(rules->hedge, text, cue_from, match.end_token)) confidence *= kHedgedFactor;
                for (const Mention* s : match.subject->members) {
                    for (const Mention* o : match.object->members) {
                        if (!fits(*s, rule.subject_types) || !fits(*o, rule.object_types) || s->entity == o->entity) continue;
                        const kb::Entity* subject = &catalog_.entity(s->entity);
                        const kb::Entity* object = &catalog_.entity(o->entity);
                        kb::EntityId sid = s->entity, oid = o->entity;
                        // Symmetric edges are stored once, in name order.
                        if (rule.relation->symmetric && object->name < subject->name) {
                            std::swap(subject, object);
                            std::swap(sid, oid);
                        }
                        double c = confidence;
                        if (s->anaphor || o->anaphor) c *= kAnaphorPenalty;
                        Key key{sid, rule.relation->name, oid};
                        auto [it, inserted] = sentence_facts.try_emplace(key);
                        Fact& f = it->second;
                        if (inserted) {
                            f.article = doc.id;
                            f.subject = subject->name;
                            f.subject_type = subject->type;
                            f.relation = rule.relation->name;
                            f.object = object->name;
                            f.object_type = object->type;
                            f.sentence = std::string(doc.text.substr(sentence.bytes.begin, sentence.bytes.end - sentence.bytes.begin));
                            f.start = sentence.bytes.begin;
                            f.end = sentence.bytes.end;
                            f.rule = rule.id;
                            f.confidence = c;
                            f.lang = doc.lang;
                        } else if (f.rule.find(rule.id) == std::string::npos) {
                            f.rule += "+" + rule.id;
                            f.confidence = combine(f.confidence, c);
                        } else {
                            f.confidence = std::max(f.confidence, c);
                        }
                    }
                }
            }
        }
        for (auto& [key, fact] : sentence_facts)
            if (fact.confidence >= options_.min_confidence) facts.push_back(std::move(fact));
    }
    return facts;
}

}  // namespace aikg::extract
