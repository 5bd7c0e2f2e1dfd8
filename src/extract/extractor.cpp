#include "extract/extractor.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "extract/analyzed_text.hpp"
#include "extract/attributes.hpp"
#include "extract/entity_table.hpp"
#include "extract/unknown_names.hpp"
#include "extract/pattern_matcher.hpp"
#include "extract/sentence_units.hpp"
#include "kb/diagnostics.hpp"

namespace aikg::extract {
namespace {

constexpr double kAnaphorPenalty = 0.85;
constexpr double kGuessedTypePenalty = 0.8;  // an unknown name typed only by the relation it takes part in   // a resolved "the company" is less certain than a name
constexpr double kNegatedFactor = 0.2;     // "did not release" keeps the fact only for audits
constexpr double kHedgedFactor = 0.6;      // "plans to release"
constexpr std::uint32_t kCueLookback = 3;  // cue words this far before the match still apply
// Facts the catalog lets us read off co-mentions: a version named beside its
// family, a lab named in an article about its parent, a person at a lab.
constexpr double kFamilyConfidence = 0.6;
constexpr double kUnitConfidence = 0.6;
constexpr double kParentAffiliationFactor = 0.9;
constexpr double kKnownAffiliationConfidence = 0.6;

bool any_cue(const PhraseList& cues, const AnalyzedText& text, std::uint32_t from, std::uint32_t to) {
    for (std::uint32_t t = from; t < to; ++t)
        if (match_any(cues, text, t, to) > 0) return true;
    return false;
}

double combine(double a, double b) { return 1.0 - (1.0 - a) * (1.0 - b); }

enum CatalogLink : std::uint8_t { kHasCompany = 1, kHasAncestors = 2, kHasParents = 4, kHasAffiliations = 8 };

// Whether `rule` (itself one id or several joined by '+') stands in `rules`,
// the ids a fact has gathered joined by '+', as whole ids.
bool names_rule(std::string_view rules, std::string_view rule) {
    for (std::size_t at = rules.find(rule); at != std::string_view::npos; at = rules.find(rule, at + 1)) {
        const std::size_t end = at + rule.size();
        if ((at == 0 || rules[at - 1] == '+') && (end == rules.size() || rules[end] == '+')) return true;
    }
    return false;
}

// A negation cue counts unless an exception follows it closely ("لا ... فقط", "not only").
bool negated(const RuleSet& rules, const AnalyzedText& text, std::uint32_t from, std::uint32_t to) {
    constexpr std::uint32_t kExceptionWindow = 3;
    for (std::uint32_t t = from; t < to; ++t) {
        const std::uint32_t len = match_any(rules.negation, text, t, to);
        if (len == 0) continue;
        const std::uint32_t window_end = std::min<std::uint32_t>(static_cast<std::uint32_t>(text.tokens.size()), t + len + kExceptionWindow);
        if (!any_cue(rules.negation_exceptions, text, t + len, window_end)) return true;
    }
    return false;
}

// One subject per object, the nearest: a gap that may pass over names must not
// let a far name take a relation a nearer one states.
// The result is per thread and valid until the next call.
const std::vector<RuleMatch>& nearest_subjects(const std::vector<RuleMatch>& matches) {
    auto distance = [](const RuleMatch& m) {
        if (!m.subject || !m.object) return std::ptrdiff_t{0};
        return std::abs(m.object - m.subject);
    };
    thread_local std::vector<RuleMatch> kept, unique;
    kept.clear();
    unique.clear();
    for (const RuleMatch& m : matches) {
        auto same_object = std::find_if(kept.begin(), kept.end(), [&](const RuleMatch& k) { return k.object == m.object; });
        if (same_object == kept.end() || !m.object) kept.push_back(m);
        else if (distance(m) < distance(*same_object)) *same_object = m;
    }
    // Equal subjects matched through different gap lengths are one statement.
    for (const RuleMatch& m : kept)
        if (std::none_of(unique.begin(), unique.end(), [&](const RuleMatch& u) { return u.subject == m.subject && u.object == m.object; }))
            unique.push_back(m);
    return unique;
}

}  // namespace

// A fact's identity within a sentence, in key order: subject, relation name,
// object. The name is viewed, never copied (an ontology edge type's, which
// outlives extraction): a copy per fact added was most of the string copies.
struct FactKey {
    kb::EntityId subject = 0;
    std::string_view relation;
    kb::EntityId object = 0;
    auto operator<=>(const FactKey&) const = default;
};

// Anaphors refer to the latest entity of their type seen so far in the document.
// A handful of types per article: a flat list beats a tree of strings, which
// every name in every sentence updates.
class AnaphoraResolver {
public:
    // Room for every node type at once: growing it one type at a time was
    // three allocations an article.
    AnaphoraResolver() { latest_.reserve(8); }

    void saw(const std::string& type, kb::EntityId id) {
        for (auto& [seen, latest] : latest_) {
            if (seen == type) {
                latest = id;
                return;
            }
        }
        latest_.emplace_back(type, id);
    }
    std::optional<kb::EntityId> latest(const std::string& type) const {
        for (const auto& [seen, latest] : latest_)
            if (seen == type) return latest;
        return std::nullopt;
    }

private:
    std::vector<std::pair<std::string, kb::EntityId>> latest_;
};

// A fact as a sentence gathers it: the rest of its fields are read from the
// article and the entity table when it is written (FactView).
struct FoundFact {
    // Copied when found: a local entity's type may still be revealed later
    // in the article, and the fact keeps the type it had here.
    std::string subject_type;
    std::string object_type;
    const kb::EdgeType* relation = nullptr;
    // The rules that found it, joined by '+'. Most facts have one, a rule's
    // id or a literal that outlive the sentence: viewed, where a copy of each
    // was an allocation per fact.
    std::string_view single_rule;
    std::string joined_rules;  // once rules are joined (or the one rule was composed)
    double confidence = 0.0;

    std::string_view rule() const { return joined_rules.empty() ? single_rule : std::string_view(joined_rules); }
};

// The facts of one sentence, one per (subject, relation, object), in key
// order. A sorted vector: a sentence states a handful, where a tree cost an
// allocation per fact.
class SentenceFacts {
public:
    using Entries = std::vector<std::pair<FactKey, FoundFact>>;

    SentenceFacts(const EntityTable& entities, const corpus::Document& doc, const SentenceTokens& sentence)
        : entities_(entities), doc_(doc), sentence_(sentence) {}

    // `rule` must outlive the sentence's facts: a rule's id or a literal.
    void add(SlotFill subject, const kb::EdgeType& relation, SlotFill object, std::string_view rule, double confidence) {
        add(subject, relation, object, rule, confidence, true);
    }
    // The same with a rule text made for the occasion ("<rule>+catalog.maker").
    void add_composed(SlotFill subject, const kb::EdgeType& relation, SlotFill object, const std::string& rule, double confidence) {
        add(subject, relation, object, rule, confidence, false);
    }

    // The fact under `key` with everything else it says, read in place.
    FactView view(const FactKey& key, const FoundFact& f) const {
        FactView v;
        v.article = doc_.id;
        v.subject = entities_.entity(key.subject).name;
        v.subject_type = f.subject_type;
        v.relation = f.relation->name;
        v.object = entities_.entity(key.object).name;
        v.object_type = f.object_type;
        v.sentence = std::string_view(doc_.text).substr(sentence_.bytes.begin, sentence_.bytes.end - sentence_.bytes.begin);
        v.start = sentence_.bytes.begin;
        v.end = sentence_.bytes.end;
        v.rule = f.rule();
        v.confidence = f.confidence;
        v.lang = doc_.lang;
        v.article_date = doc_.date;
        return v;
    }

    const Entries& facts() const { return facts_; }
    bool contains(const FactKey& key) const {
        const auto it = lower_bound(key);
        return it != facts_.end() && it->first == key;
    }

    // Facts whose subject is the object's maker, kept until the whole article is read.
    struct PendingMaker {
        SlotFill object;
        const kb::EdgeType* relation;
        std::string_view rule;  // a rule's id
        double confidence;
    };
    std::vector<PendingMaker> pending_makers;

private:
    Entries::const_iterator lower_bound(const FactKey& key) const {
        return std::lower_bound(facts_.begin(), facts_.end(), key, [](const auto& entry, const FactKey& k) { return entry.first < k; });
    }

    void add(SlotFill subject, const kb::EdgeType& relation, SlotFill object, std::string_view rule, double confidence, bool lasting) {
        if (subject.entity == object.entity) return;
        // Symmetric edges are stored once, in name order.
        if (relation.symmetric && entities_.entity(object.entity).name < entities_.entity(subject.entity).name) std::swap(subject, object);
        FactKey key{subject.entity, relation.name, object.entity};
        auto it = facts_.begin() + (lower_bound(key) - facts_.cbegin());
        if (it == facts_.end() || it->first != key) {
            // A sentence that states one fact mostly states a few: growing
            // one at a time reallocated at almost every fact added.
            if (facts_.empty()) {
                facts_.reserve(kFirstRoom);
                it = facts_.begin();
            }
            FoundFact& f = facts_.emplace(it, std::move(key), FoundFact{})->second;
            f.subject_type = *subject.type;
            f.object_type = *object.type;
            f.relation = &relation;
            if (lasting) f.single_rule = rule;
            else f.joined_rules = rule;
            f.confidence = confidence;
            return;
        }
        FoundFact& f = it->second;
        if (!names_rule(f.rule(), rule)) {
            if (f.joined_rules.empty()) f.joined_rules = f.single_rule;
            f.joined_rules += '+';
            f.joined_rules += rule;
            f.confidence = combine(f.confidence, confidence);
        } else {
            f.confidence = std::max(f.confidence, confidence);
        }
    }

    static constexpr std::size_t kFirstRoom = 4;
    const EntityTable& entities_;
    const corpus::Document& doc_;
    const SentenceTokens& sentence_;
    Entries facts_;
};

namespace {

// Whether apply_catalog could still give this sentence a fact: pairs of
// names, a unit whose parent the article may name, or a fact waiting for its maker.
bool may_state_facts(const EntityTable& entities, const std::vector<Mention>& mentions, const SentenceFacts& facts) {
    if (!facts.facts().empty() || !facts.pending_makers.empty()) return true;
    const Mention* first_name = nullptr;
    for (const Mention& m : mentions) {
        if (m.anaphor) continue;
        if (first_name && first_name->entity != m.entity) return true;
        if (!first_name) first_name = &m;
        if (!entities.parents_of(m.entity).empty()) return true;
    }
    return false;
}

}  // namespace

Extractor::Extractor(const kb::Catalog& catalog, const kb::Ontology& ontology, std::vector<RuleSet> rules, ExtractOptions options)
    : catalog_(catalog), ontology_(ontology), rules_(std::move(rules)), type_bits_(ontology, rules_), options_(options), matcher_(catalog) {
    for (const kb::EdgeType& edge : ontology_.edge_types()) {
        for (const std::string& replaced : edge.overrides) {
            auto it = std::find_if(overridden_by_.begin(), overridden_by_.end(), [&](const auto& entry) { return entry.first == replaced; });
            if (it == overridden_by_.end()) it = overridden_by_.insert(overridden_by_.end(), {replaced, {}});
            it->second.push_back(edge.name);
        }
    }
    derived_from_ = ontology_.edge_type("derived_from");
    part_of_ = ontology_.edge_type("part_of");
    affiliated_with_ = ontology_.edge_type("affiliated_with");
    catalog_links_.reserve(catalog_.entities().size());
    affiliations_begin_.reserve(catalog_.entities().size() + 1);
    catalog_type_bits_.reserve(catalog_.entities().size());
    for (kb::EntityId id = 0; id < catalog_.entities().size(); ++id) {
        const kb::Entity& e = catalog_.entity(id);
        std::uint64_t type_bits = type_bits_.bit(e.type);
        if (const auto company = catalog_.company_of(id)) type_bits |= type_bits_.bit(catalog_.entity(*company).type);
        catalog_type_bits_.push_back(type_bits);
        std::uint8_t links = 0;
        if (e.company_id) links |= kHasCompany;
        if (!catalog_.ancestors_of(id).empty()) links |= kHasAncestors;
        if (!catalog_.parents_of(id).empty()) links |= kHasParents;
        affiliations_begin_.push_back(static_cast<std::uint32_t>(affiliated_orgs_.size()));
        for (const kb::CatalogFact& f : e.facts)
            if (affiliated_with_ && f.relation == affiliated_with_->name && f.object_id) affiliated_orgs_.push_back(*f.object_id);
        if (affiliated_orgs_.size() > affiliations_begin_.back()) links |= kHasAffiliations;
        catalog_links_.push_back(links);
    }
    affiliations_begin_.push_back(static_cast<std::uint32_t>(affiliated_orgs_.size()));
    kb::DiagnosticSink sink;
    for (RuleSet& set : rules_) {
        for (Rule& rule : set.rules) {
            rule.subject_type_bits = type_bits_.bits(rule.subject_types);
            rule.object_type_bits = type_bits_.bits(rule.object_types);
        }
        person_cues_.push_back(PersonCues::of(set));
        auto& ids = category_entities_.emplace_back();
        for (const CategoryPattern& c : set.categories) {
            const auto id = catalog_.find(c.entity);
            if (!id) sink.error(c.rule.file, c.rule.line, "category pattern names '" + c.entity + "', which is not in the catalog");
            else if (!catalog_.entity(*id).category)
                sink.error(c.rule.file, c.rule.line, "'" + c.entity + "' is not marked 'category: true' in the catalog");
            ids.push_back(id.value_or(0));
        }
    }
    sink.throw_if_any();
}

void Extractor::add_category_mentions(const AnalyzedText& text, const SentenceTokens& sentence, const RuleSet& rules,
                                      std::vector<Mention>& names) const {
    if (std::none_of(rules.categories.begin(), rules.categories.end(),
                     [&](const CategoryPattern& c) { return words_may_match(c.rule, text, sentence); }))
        return;
    const auto set_index = static_cast<std::size_t>(&rules - rules_.data());
    const CompoundTest never = [](const Mention&, const Mention&) { return false; };
    std::vector<Unit> units;
    build_units(text, sentence, names, rules, never, never, units);
    struct : SlotFilter {
        bool fits(const Mention&, const Rule&, Slot) const override { return false; }
    } const no_slots;
    std::vector<std::uint32_t> name_units;
    name_units_of(units, name_units);
    std::vector<Mention> found;
    std::vector<RuleMatch> matches;
    for (std::size_t c = 0; c < rules.categories.size(); ++c) {
        if (!words_may_match(rules.categories[c].rule, text, sentence)) continue;
        match_rule(rules.categories[c].rule, units, name_units, text, no_slots, matches);
        for (const RuleMatch& match : matches) {
            const bool overlaps = std::any_of(found.begin(), found.end(), [&](const Mention& m) {
                return m.first_token < match.end_token && match.first_token < m.end_token;
            });
            if (overlaps) continue;
            // "والمغلقة": the conjunction glued to the category word still joins it to a list.
            const std::string_view first = text.token_text(match.first_token);
            const std::string_view proclitic = first.starts_with("\xD9\x88") ? first.substr(0, 2) : std::string_view{};
            found.push_back({category_entities_[set_index][c], match.first_token, match.end_token, proclitic, false});
        }
    }
    for (const Mention& m : found) {
        const bool overlaps_name = std::any_of(names.begin(), names.end(), [&](const Mention& n) {
            return n.first_token < m.end_token && m.first_token < n.end_token;
        });
        if (!overlaps_name) names.push_back(m);
    }
    std::sort(names.begin(), names.end(), [](const Mention& a, const Mention& b) { return a.first_token < b.first_token; });
}

const RuleSet* Extractor::rules_for(const std::string& language) const {
    for (const auto& set : rules_)
        if (set.language == language) return &set;
    return nullptr;
}

std::optional<SlotFill> Extractor::slot_entity(const EntityTable& entities, const Mention& m, const Rule& rule,
                                               const std::vector<std::string>& types, bool guess) const {
    const kb::Entity& e = entities.entity(m.entity);
    if (e.category && !rule.relation->categories) return std::nullopt;
    if (kb::contains(types, e.type)) return SlotFill{m.entity, &e.type};
    // "Hugging Face released StarCoder": a platform named like its company stands for the company.
    if (auto company = entities.company_of(m.entity); company && kb::contains(types, entities.entity(*company).type))
        return SlotFill{*company, &entities.entity(*company).type};
    // "datasets such as StarCoder": the words around the name pick one of its senses,
    // or give a name the catalog does not know its type.
    if (m.context_type && kb::contains(types, *m.context_type)) return SlotFill{m.entity, m.context_type};
    // A name nothing typed takes the type the relation asks for, with less confidence.
    if (e.type == kUntyped && !m.context_type && !types.empty() && guess) return SlotFill{m.entity, &types.front(), true};
    return std::nullopt;
}

void Extractor::sentence_mentions(const AnalyzedText& text, const SentenceTokens& sentence, const RuleSet& rules, EntityTable& entities,
                                  AnaphoraResolver& resolver, std::vector<Mention>& mentions) const {
    thread_local std::vector<Mention> names;  // scratch: sentence_mentions never runs inside itself
    names.clear();
    mentions.clear();
    matcher_.find(text, sentence.first_token, sentence.end_token, names);
    // The names' catalog records are read below, and each was a wait of its
    // own (2.5% of extraction): they are asked for now, all at once.
    for (const Mention& name : names) entities.prefetch(name.entity);
    add_category_mentions(text, sentence, rules, names);
    const PersonCues& people = person_cues_[static_cast<std::size_t>(&rules - rules_.data())];
    find_unknown_names(text, sentence, rules, people, names, entities);
    std::sort(names.begin(), names.end(), [](const Mention& a, const Mention& b) { return a.first_token < b.first_token; });
    assign_context_types(text, sentence, rules, entities, names);
    // Interleave anaphors with names in token order so each resolves to what came before it.
    auto take_name = [&](const Mention& name) {
        // Categories ("closed models") are generic: "these models" never means them.
        const kb::Entity& entity = entities.entity(name.entity);
        const std::string& type = name.context_type ? *name.context_type : entity.type;
        if (!entity.category && type != kUntyped) resolver.saw(type, name.entity);
        mentions.push_back(name);
        return name.end_token;
    };
    const bool may_refer = may_occur_in(rules.anaphor_phrases, text, sentence) &&
                           std::any_of(rules.anaphora.begin(), rules.anaphora.end(),
                                       [&](const Anaphor& a) { return may_match_in(a.phrase, text, sentence); });
    if (!may_refer) {
        // No anaphor can match anywhere: the names alone, as the loop below takes them.
        std::uint32_t t = sentence.first_token;
        for (const Mention& name : names) {
            if (name.first_token < t) break;
            t = take_name(name);
        }
        return;
    }
    std::size_t n = 0;
    for (std::uint32_t t = sentence.first_token; t < sentence.end_token;) {
        if (n < names.size() && names[n].first_token == t) {
            t = take_name(names[n++]);
            continue;
        }
        // A token that starts no anaphor phrase ("the company") is passed at once.
        if (!may_start_at(rules.anaphor_phrases, text, t)) {
            ++t;
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
}

void Extractor::assign_context_types(const AnalyzedText& text, const SentenceTokens& sentence, const RuleSet& rules, EntityTable& entities,
                                     std::vector<Mention>& mentions) const {
    constexpr std::uint32_t kCueReach = 4;  // "مجموعات بيانات عامة مثل X": the cue may stand a few words back
    // Only names the catalog does not know, or names with that sense in the catalog, take a type from the words around them.
    auto may_take = [&entities](const Mention& m, const std::string& type) {
        return entities.is_local(m.entity) || kb::contains(entities.entity(m.entity).senses, type);
    };
    // A cue word may not reach over a preposition: "a startup based in Cairo"
    // does not make Cairo a startup. Cues may start at the nearest such word
    // before the name, not before it.
    auto cue_reach = [&](std::uint32_t from, std::uint32_t name) {
        for (std::uint32_t t = name; t > from; --t)
            if (match_any(rules.type_cue_stops, text, t - 1, t) == 1) return t - 1;
        return from;
    };
    auto cue_before = [&](const PhraseList& cues, std::uint32_t reach, std::uint32_t name) {
        for (std::uint32_t t = reach; t < name; ++t)
            if (match_any(cues, text, t, name) > 0) return true;
        return false;
    };
    // Whether any token of [from, to) could start a type cue at all: most
    // names have none before them, and each type's list was tried at each token.
    auto any_cue_start = [&](std::uint32_t from, std::uint32_t to) {
        for (std::uint32_t t = from; t < to; ++t)
            if (may_start_at(rules.type_cue_phrases, text, t)) return true;
        return false;
    };
    // Where a cue in apposition after a name, up to `limit`, would start: past
    // a separator, a colon and articles ("Acme Robotics, a startup").
    auto apposition_start = [&](std::uint32_t t, std::uint32_t limit) {
        if (t < limit && match_any(rules.list_separators, text, t, t + 1) == 1 && text.token_text(t).size() <= 2) ++t;
        if (t < limit && text.token_text(t) == ":") ++t;
        for (std::string_view det : {"a", "an", "the"})
            if (t < limit && text.token_text(t) == det) ++t;
        return t;
    };
    // When no cue can start where the names read them, none takes a type
    // from its context (half of the sentences with names). Cues inside the
    // sentence show in its word bits; two places may lie outside it: the
    // kCueReach tokens before a name that opens the sentence, and the
    // apposition after its last name, which may run on into the next.
    if (mentions.empty()) return;
    const auto token_count = static_cast<std::uint32_t>(text.tokens.size());
    const std::uint32_t first_name = mentions.front().first_token;
    bool cue_near = may_occur_in(rules.type_cue_phrases, text, sentence);
    for (std::uint32_t t = first_name > kCueReach ? first_name - kCueReach : 0; t < std::min(first_name, sentence.first_token) && !cue_near; ++t)
        cue_near = may_start_at(rules.type_cue_phrases, text, t);
    if (!cue_near) {
        const std::uint32_t t = apposition_start(mentions.back().end_token, token_count);
        cue_near = t < token_count && may_start_at(rules.type_cue_phrases, text, t);
    }
    if (!cue_near) return;
    thread_local std::vector<const std::string*> cue_types;  // scratch, per thread: one allocation per sentence less
    cue_types.assign(mentions.size(), nullptr);
    std::uint32_t previous_end = 0;
    for (std::size_t i = 0; i < mentions.size(); ++i) {
        Mention& m = mentions[i];
        const std::uint32_t from = std::max(previous_end, m.first_token > kCueReach ? m.first_token - kCueReach : 0u);
        previous_end = m.end_token;
        if (i > 0 && cue_types[i - 1]) {
            // The next member of a typed list: joined by a separator word or a glued و.
            const std::uint32_t between = m.first_token - mentions[i - 1].end_token;
            const bool joined = (between == 0 && !m.proclitic.empty()) ||
                                (between == 1 && match_any(rules.list_separators, text, mentions[i - 1].end_token, m.first_token) == 1);
            if (joined) cue_types[i] = cue_types[i - 1];
        }
        if (!cue_types[i] && any_cue_start(from, m.first_token)) {
            const std::uint32_t reach = cue_reach(from, m.first_token);
            for (const auto& [type, cues] : rules.type_cues) {
                if (cue_before(cues, reach, m.first_token)) {
                    cue_types[i] = &type;
                    break;
                }
            }
        }
        if (!cue_types[i] && entities.is_local(m.entity)) {
            // An apposition after a new name types it: "Acme Robotics, a startup", "LyRise، شركة ناشئة".
            const std::uint32_t limit = i + 1 < mentions.size() ? mentions[i + 1].first_token : token_count;
            const std::uint32_t t = apposition_start(m.end_token, limit);
            if (t < limit && may_start_at(rules.type_cue_phrases, text, t)) {
                for (const auto& [type, cues] : rules.type_cues) {
                    if (match_any(cues, text, t, limit) > 0) {
                        cue_types[i] = &type;
                        break;
                    }
                }
            }
        }
        if (cue_types[i] && may_take(m, *cue_types[i])) {
            m.context_type = cue_types[i];
            entities.reveal_type(m.entity, *cue_types[i]);
        }
    }
}

// Which slots each name of a sentence may fill, worked out once per sentence
// as type bits: the rules then test masks where they compared type names.
// Equal to asking slot_entity, which stays the answer when the types
// outnumber the bits.
class SentenceSlots final : public SlotFilter {
public:
    SentenceSlots(const Extractor& extractor, const EntityTable& entities, const std::vector<Mention>& mentions, bool guess)
        : extractor_(extractor), entities_(entities), mentions_(mentions), guess_(guess) {
        const TypeBits& bits = extractor.type_bits_;
        names_.clear();
        if (!bits.exact()) return;
        names_.reserve(mentions.size());
        for (const Mention& m : mentions) {
            const kb::Entity& e = entities.entity(m.entity);
            Name& name = names_.emplace_back();
            // "Hugging Face released StarCoder": a platform named like its company stands for the company.
            // (A local entity has no company, and its type may still be revealed: read each time.)
            name.types = entities.is_local(m.entity) ? bits.bit(e.type) : extractor.catalog_type_bits_[m.entity];
            if (m.context_type) name.types |= bits.bit(*m.context_type);
            name.category = e.category;
            name.untyped = e.type == kUntyped && !m.context_type;
            Union& all = name.category ? categories_ : plain_;
            all.types |= name.types;
            all.untyped = all.untyped || name.untyped;
        }
    }

    // Whether each slot of the rule's pattern has a name here that may fill
    // it (fits, asked of all the names at once): most candidate rules of a
    // sentence ask for types none of its names has, and fail without units
    // built or a step taken.
    // The rule loader holds every pattern to its slots: a {subject} unless the
    // maker is implicit, an {object} unless the rule is reciprocal.
    bool may_fill(const Rule& rule) const {
        if (!extractor_.type_bits_.exact()) return true;
        return (rule.implicit_maker || may_fill(rule, Slot::Subject)) && (rule.reciprocal || may_fill(rule, Slot::Object));
    }

    bool fits(const Mention& m, const Rule& rule, Slot slot) const override {
        const bool subject = slot == Slot::Subject;
        const std::vector<std::string>& types = subject ? rule.subject_types : rule.object_types;
        if (!extractor_.type_bits_.exact()) return extractor_.slot_entity(entities_, m, rule, types, guess_).has_value();
        const Name& name = names_[static_cast<std::size_t>(&m - mentions_.data())];
        if (name.category && !rule.relation->categories) return false;
        if ((name.types & (subject ? rule.subject_type_bits : rule.object_type_bits)) != 0) return true;
        return name.untyped && guess_ && !types.empty();
    }

private:
    struct Name {
        std::uint64_t types = 0;  // its own, its company's and the one the context gives it
        bool category = false;
        bool untyped = false;  // takes the type a slot asks for
    };
    // What a set of names offers the slots, taken together.
    struct Union {
        std::uint64_t types = 0;
        bool untyped = false;
    };

    bool may_fill(const Rule& rule, Slot slot) const {
        const bool subject = slot == Slot::Subject;
        const std::uint64_t wanted = subject ? rule.subject_type_bits : rule.object_type_bits;
        const bool guessable = guess_ && !(subject ? rule.subject_types : rule.object_types).empty();
        auto offers = [&](const Union& names) { return (names.types & wanted) != 0 || (names.untyped && guessable); };
        // Categories ("closed models") fill only the slots of relations that take them.
        return offers(plain_) || (rule.relation->categories && offers(categories_));
    }

    const Extractor& extractor_;
    const EntityTable& entities_;
    const std::vector<Mention>& mentions_;
    bool guess_;
    Union plain_, categories_;
    // Per thread, reused: apply_rules, its only user, never runs inside itself.
    static inline thread_local std::vector<Name> names_;
};

void Extractor::apply_rules(const AnalyzedText& text, const SentenceTokens& sentence, const std::vector<Mention>& mentions,
                            const RuleSet& rules, const EntityTable& entities, SentenceFacts& out) const {
    thread_local std::vector<const Rule*> candidates;  // apply_rules never runs inside itself
    // A list or a merge only ever joins names: a rule with more slots than the
    // sentence has names cannot match, and most sentences have one name.
    candidate_rules(rules, text, sentence, mentions.size(), candidates);
    if (candidates.empty()) return;
    const SentenceSlots fits(*this, entities, mentions, rules.guess_unknown_types);
    std::erase_if(candidates, [&fits](const Rule* rule) { return !fits.may_fill(*rule); });
    if (candidates.empty()) return;
    const CompoundTest compound = [&entities](const Mention& left, const Mention& right) {
        return !left.anaphor && !right.anaphor && entities.entity(left.entity).type == "Organization" &&
               entities.entity(right.entity).type == "Organization";
    };
    const ListTest listable = [&entities](const Mention& left, const Mention& right) {
        const std::string& a = left.context_type ? *left.context_type : entities.entity(left.entity).type;
        const std::string& b = right.context_type ? *right.context_type : entities.entity(right.entity).type;
        // Companies and the platforms named after them are listed together ("Meta وIBM وHugging Face").
        auto company_like = [](const std::string& t) { return t == "Organization" || t == "Platform"; };
        return a == b || (company_like(a) && company_like(b));
    };
    thread_local std::vector<Unit> units;  // kept between sentences: apply_rules never runs inside itself
    build_units(text, sentence, mentions, rules, compound, listable, units);
    // Category phrases read like descriptions ("نماذج LLM مفتوحة المصدر من Dell"): gaps may pass over them.
    for (Unit& unit : units)
        unit.transparent = unit.is_name() && std::all_of(unit.members.begin(), unit.members.end(),
                                                         [&entities](const Mention* m) { return entities.entity(m->entity).category; });

    // Cues are read within the sentence only: one that holds no negation or
    // hedge word (most) needs no search for them at every match.
    const bool may_negate = may_occur_in(rules.negation, text, sentence);
    const bool may_hedge = may_occur_in(rules.hedge, text, sentence);
    auto emit = [&](const Rule& rule, const RuleMatch& match) {
        const std::uint32_t cue_from =
            std::max(sentence.first_token, match.first_token > kCueLookback ? match.first_token - kCueLookback : 0u);
        double confidence = rule.confidence;
        if (may_negate && negated(rules, text, cue_from, match.end_token)) confidence *= kNegatedFactor;
        else if (may_hedge && any_cue(rules.hedge, text, cue_from, match.end_token)) confidence *= kHedgedFactor;
        if (rule.reciprocal) {
            const auto& members = match.subject->members;
            for (std::size_t i = 0; i < members.size(); ++i) {
                const auto a = slot_entity(entities, *members[i], rule, rule.subject_types, rules.guess_unknown_types);
                for (std::size_t j = i + 1; a && j < members.size(); ++j) {
                    const auto b = slot_entity(entities, *members[j], rule, rule.object_types, rules.guess_unknown_types);
                    if (b) out.add(*a, *rule.relation, *b, rule.id, confidence);
                }
            }
            return;
        }
        for (const Mention* o : match.object->members) {
            const auto object = slot_entity(entities, *o, rule, rule.object_types, rules.guess_unknown_types);
            if (!object) continue;
            if (rule.implicit_maker) {
                out.pending_makers.push_back({*object, rule.relation, rule.id, o->anaphor ? confidence * kAnaphorPenalty : confidence});
                continue;
            }
            for (const Mention* s : match.subject->members) {
                const auto subject = slot_entity(entities, *s, rule, rule.subject_types, rules.guess_unknown_types);
                if (!subject) continue;
                double c = (s->anaphor || o->anaphor) ? confidence * kAnaphorPenalty : confidence;
                if (subject->guessed || object->guessed) c *= kGuessedTypePenalty;
                out.add(*subject, *rule.relation, *object, rule.id, c);
            }
        }
    };

    thread_local std::vector<RuleMatch> matches;  // per rule, kept between sentences
    thread_local std::vector<std::uint32_t> name_units;  // likewise
    name_units_of(units, name_units);
    // Merging rules go first: they turn "brand + model" into one name for every later rule.
    for (const Rule* candidate : candidates) {
        const Rule& rule = *candidate;
        if (!rule.merge) continue;
        std::vector<std::pair<std::size_t, std::size_t>> merges;
        match_rule(rule, units, name_units, text, fits, matches);
        for (const RuleMatch& match : matches) {
            emit(rule, match);
            merges.emplace_back(static_cast<std::size_t>(match.subject - units.data()), static_cast<std::size_t>(match.object - units.data()));
        }
        // Apply right to left so earlier indices stay valid.
        std::sort(merges.rbegin(), merges.rend());
        for (const auto& [subject, object] : merges) {
            const std::size_t first = std::min(subject, object), last = std::max(subject, object);
            if (last >= units.size()) continue;
            Unit head = units[object];
            head.first_token = units[first].first_token;
            head.end_token = units[last].end_token;
            units.erase(units.begin() + static_cast<std::ptrdiff_t>(first), units.begin() + static_cast<std::ptrdiff_t>(last) + 1);
            units.insert(units.begin() + static_cast<std::ptrdiff_t>(first), std::move(head));
        }
        if (!merges.empty()) name_units_of(units, name_units);
    }
    for (const Rule* candidate : candidates) {
        const Rule& rule = *candidate;
        if (rule.merge) continue;
        match_rule(rule, units, name_units, text, fits, matches);
        if (matches.empty()) continue;
        for (const RuleMatch& match : nearest_subjects(matches)) emit(rule, match);
    }
}

void Extractor::apply_catalog(const EntityTable& entities, std::span<const std::vector<Mention>> mentions,
                              std::vector<SentenceFacts>& facts) const {
    auto fill = [&entities](kb::EntityId id) { return SlotFill{id, &entities.entity(id).type}; };
    // Sets of entity ids as sorted vectors: a handful of ids per sentence,
    // where tree nodes cost an allocation each.
    auto sorted_unique = [](std::vector<kb::EntityId>& ids) {
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    };
    auto holds = [](const std::vector<kb::EntityId>& ids, kb::EntityId id) { return std::binary_search(ids.begin(), ids.end(), id); };
    // Local entities link to nothing in the catalog.
    auto links = [this](kb::EntityId id, CatalogLink link) { return id < catalog_links_.size() && (catalog_links_[id] & link) != 0; };
    // Kept per thread between articles: apply_catalog never runs inside itself.
    thread_local std::vector<kb::EntityId> in_article, companies_in_article, units_done, in_sentence;
    thread_local std::vector<std::tuple<kb::EntityId, kb::EntityId, double>> additions;
    in_article.clear();
    for (const auto& sentence : mentions)
        for (const Mention& m : sentence)
            if (!m.anaphor) in_article.push_back(m.entity);
    sorted_unique(in_article);

    // The company behind a platform named in the article counts as named too.
    companies_in_article = in_article;
    for (const kb::EntityId id : in_article)
        if (links(id, kHasCompany)) companies_in_article.push_back(*entities.company_of(id));
    sorted_unique(companies_in_article);

    units_done.clear();
    for (std::size_t s = 0; s < mentions.size(); ++s) {
        // Most sentences name nothing and state nothing: none of the below applies.
        if (mentions[s].empty() && facts[s].pending_makers.empty() && facts[s].facts().empty()) continue;
        for (const auto& pending : facts[s].pending_makers) {
            const kb::Entity& object = entities.entity(pending.object.entity);
            if (object.maker.empty()) continue;
            const auto maker = object.maker_id;
            if (!maker || !holds(companies_in_article, *maker)) continue;
            facts[s].add_composed(SlotFill{*maker, &entities.entity(*maker).type}, *pending.relation, pending.object,
                                  std::string(pending.rule) + "+catalog.maker", pending.confidence);
        }
        in_sentence.clear();
        for (const Mention& m : mentions[s])
            if (!m.anaphor) in_sentence.push_back(m.entity);
        sorted_unique(in_sentence);
        for (const kb::EntityId id : in_sentence) {
            // A version beside its family: linked to the broadest family named here.
            if (derived_from_ && links(id, kHasAncestors)) {
                const auto& ancestors = entities.ancestors_of(id);
                for (auto a = ancestors.rbegin(); a != ancestors.rend(); ++a) {
                    if (holds(in_sentence, *a)) {
                        facts[s].add(fill(id), *derived_from_, fill(*a), "catalog.family-in-sentence", kFamilyConfidence);
                        break;
                    }
                }
            }
            // A lab or unit in an article that also names its parent, stated once where the unit first appears.
            if (part_of_ && links(id, kHasParents) && std::find(units_done.begin(), units_done.end(), id) == units_done.end()) {
                for (const kb::EntityId parent : entities.parents_of(id)) {
                    if (!holds(in_article, parent)) continue;
                    facts[s].add(fill(id), *part_of_, fill(parent), "catalog.unit-of-parent", kUnitConfidence);
                    units_done.push_back(id);
                    break;
                }
            }
        }
        if (!affiliated_with_) continue;
        // A person named beside the organisation the catalog says they work for.
        for (const kb::EntityId id : in_sentence) {
            if (!links(id, kHasAffiliations)) continue;
            for (std::uint32_t i = affiliations_begin_[id]; i < affiliations_begin_[id + 1]; ++i)
                if (const kb::EntityId org = affiliated_orgs_[i]; holds(in_sentence, org))
                    facts[s].add(fill(id), *affiliated_with_, fill(org), "catalog.person-org-in-sentence", kKnownAffiliationConfidence);
        }
        // A person at a unit is also with the unit's parent, when the article names it.
        additions.clear();
        for (const auto& [key, fact] : facts[s].facts()) {
            if (key.relation != affiliated_with_->name || !links(key.object, kHasParents)) continue;
            for (const kb::EntityId parent : entities.parents_of(key.object))
                if (holds(in_article, parent)) additions.emplace_back(key.subject, parent, fact.confidence * kParentAffiliationFactor);
        }
        for (const auto& [person, parent, confidence] : additions)
            facts[s].add(fill(person), *affiliated_with_, fill(parent), "catalog.parent-of-unit", confidence);
    }
}

bool Extractor::overridden(const SentenceFacts& sentence, const FactKey& key) const {
    for (const auto& [replaced, by] : overridden_by_) {
        if (replaced != key.relation) continue;
        for (const std::string& relation : by)
            if (sentence.contains(FactKey{key.subject, relation, key.object})) return true;
        return false;
    }
    return false;
}

std::vector<Fact> Extractor::extract(const corpus::Document& doc) const {
    std::vector<Fact> out;
    for_each_fact(doc, [&out](const FactView& fact) { out.push_back(fact.materialise()); });
    return out;
}

void Extractor::for_each_fact(const corpus::Document& doc, const std::function<void(const FactView&)>& each) const {
    with_facts(doc, [&each](std::span<const FactView> facts) {
        for (const FactView& fact : facts) each(fact);
    });
}

bool Extractor::read_sentences(const AnalyzedText& text, const RuleSet& rules, const corpus::Document& doc, Order order,
                               EntityTable& entities, std::span<std::vector<Mention>> mentions, std::vector<SentenceFacts>& facts,
                               std::vector<SentenceAttributes>& attributes) const {
    const std::size_t count = text.sentences.size();
    facts.clear();
    attributes.clear();
    facts.reserve(count);
    attributes.reserve(count);
    AnaphoraResolver resolver;
    auto find_mentions = [&](std::size_t s) {
        entities.set_step(static_cast<std::uint32_t>(s));
        sentence_mentions(text, text.sentences[s], rules, entities, resolver, mentions[s]);
    };
    // Every rule has a slot and every attribute belongs to a fact: a sentence
    // without names or anaphors states nothing (most sentences of a news article).
    auto state_facts = [&](std::size_t s) {
        facts.emplace_back(entities, doc, text.sentences[s]);
        if (!mentions[s].empty()) apply_rules(text, text.sentences[s], mentions[s], rules, entities, facts.back());
    };
    // Attributes only ever decorate facts; entity types may still change
    // later in the article, so they are read for every sentence that has or
    // may still get a fact from the catalog, with the types its end knew.
    auto read_attributes = [&](std::size_t s) {
        if (!mentions[s].empty() && may_state_facts(entities, mentions[s], facts[s]))
            attributes.push_back(find_attributes(text, text.sentences[s], mentions[s], entities, rules.attributes, doc.date));
        else
            attributes.emplace_back();
    };
    if (order == Order::BySentence) {
        for (std::size_t s = 0; s < count; ++s) {
            find_mentions(s);
            state_facts(s);
            read_attributes(s);
        }
        return true;
    }
    for (std::size_t s = 0; s < count; ++s) find_mentions(s);
    const auto typed_later = [&](std::size_t s) {
        return std::any_of(mentions[s].begin(), mentions[s].end(),
                           [&](const Mention& m) { return entities.typed_after(m.entity, static_cast<std::uint32_t>(s)); });
    };
    for (std::size_t s = 0; s < count; ++s)
        if (typed_later(s)) return false;
    for (std::size_t s = 0; s < count; ++s) state_facts(s);
    for (std::size_t s = 0; s < count; ++s) read_attributes(s);
    return true;
}

void Extractor::with_facts(const corpus::Document& doc, const std::function<void(std::span<const FactView>)>& all) const {
    const RuleSet* rules = rules_for(doc.lang);
    if (!rules) {
        all({});
        return;
    }
    ThreadAnalysis analysis;  // extract never runs inside itself on one thread
    analyze(doc.text, analysis.get(), &rules->words, &matcher_);
    const AnalyzedText& text = analysis.get();

    // Each sentence's mentions, in vectors this thread keeps from article to article.
    thread_local std::vector<std::vector<Mention>> kept_mentions;
    if (kept_mentions.size() < text.sentences.size()) kept_mentions.resize(text.sentences.size());
    const std::span<std::vector<Mention>> mentions(kept_mentions.data(), text.sentences.size());
    std::vector<SentenceFacts> facts;
    std::vector<SentenceAttributes> attributes;
    std::optional<EntityTable> entities(std::in_place, catalog_);
    if (!read_sentences(text, *rules, doc, Order::ByStage, *entities, mentions, facts, attributes)) {
        entities.emplace(catalog_);
        read_sentences(text, *rules, doc, Order::BySentence, *entities, mentions, facts, attributes);
    }
    apply_catalog(*entities, mentions, facts);
    // A huge article's lists are not kept for the thread's life.
    constexpr std::size_t kKeptSentenceLists = 1 << 14;
    if (kept_mentions.size() > kKeptSentenceLists) kept_mentions = {};
    // Per thread and reused: with_facts never runs inside itself on one thread.
    thread_local std::vector<FactView> views;
    views.clear();
    for (std::size_t s = 0; s < facts.size(); ++s) {
        for (const auto& [key, fact] : facts[s].facts()) {
            if (fact.confidence < options_.min_confidence || overridden(facts[s], key)) continue;
            FactView& view = views.emplace_back(facts[s].view(key, fact));
            view.date = attributes[s].date;
            const auto& by_entity = attributes[s].by_entity;
            if (auto it = by_entity.find(key.subject); it != by_entity.end()) view.subject_attributes = &it->second;
            if (auto it = by_entity.find(key.object); it != by_entity.end()) view.object_attributes = &it->second;
        }
    }
    all(views);
}

std::vector<Extractor::FoundMention> Extractor::mentions(const corpus::Document& doc) const {
    std::vector<FoundMention> out;
    const RuleSet* rules = rules_for(doc.lang);
    if (!rules) return out;
    ThreadAnalysis analysis;
    analyze(doc.text, analysis.get(), &rules->words, &matcher_);
    const AnalyzedText& text = analysis.get();
    AnaphoraResolver resolver;
    EntityTable entities(catalog_);
    std::vector<Mention> found;
    for (const SentenceTokens& sentence : text.sentences) {
        sentence_mentions(text, sentence, *rules, entities, resolver, found);
        for (const Mention& m : found) {
            const kb::Entity& e = entities.entity(m.entity);
            const std::uint32_t start = text.token_begin_byte(m.first_token);
            const std::uint32_t end = text.token_end_byte(m.end_token - 1);
            const std::string& type = m.context_type ? *m.context_type : e.type;
            out.push_back({e.name, type, std::string(doc.text.substr(start, end - start)), start, end, m.anaphor});
        }
    }
    return out;
}

}  // namespace aikg::extract
