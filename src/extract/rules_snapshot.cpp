#include "extract/rules_snapshot.hpp"

#include <type_traits>

#include "kb/snapshot_file.hpp"

namespace aikg::extract {
namespace {

constexpr std::string_view kEnd = "END1";
// Bumped whenever what is saved changes shape.
constexpr std::string_view kFormat = "aikg rules snapshot, format 1";
constexpr std::string_view kKind = "rules";

// A rule's relation is saved by name and found again in the ontology.
class RulesWriter : public kb::snapshot::Writer {
public:
    using Writer::field;
    void field(const kb::EdgeType* relation) { field(std::string_view(relation ? relation->name : std::string())); }
};

class RulesReader : public kb::snapshot::Reader {
public:
    RulesReader(std::string_view bytes, const kb::Ontology& ontology) : Reader(bytes), ontology_(ontology) {}
    using Reader::field;
    void field(const kb::EdgeType*& relation) {
        std::string name;
        field(name);
        relation = name.empty() ? nullptr : ontology_.edge_type(name);
        if (!name.empty() && !relation) reject();
    }

private:
    const kb::Ontology& ontology_;
};

template <class T>
struct IsPair : std::false_type {};
template <class A, class B>
struct IsPair<std::pair<A, B>> : std::true_type {};
// Vectors of numbers go to the writer and reader whole; others item by item.
template <class T>
struct IsVectorOfItems : std::false_type {};
template <class T>
struct IsVectorOfItems<std::vector<T>> : std::bool_constant<!std::is_arithmetic_v<T>> {};

// One list of fields for both directions: a field saved is a field
// restored. `T` is const for the writer, mutable for the reader.
template <class Io, class T>
void item(Io& io, T& x) {
    using Plain = std::remove_const_t<T>;
    constexpr bool saving = std::is_const_v<T>;
    if constexpr (std::is_same_v<Plain, Phrase>) {
        io.size_of(x.words, 9);
        for (auto& w : x.words) {
            io.field(w.word);
            io.field(w.prefix);
            io.field(w.id);
        }
        io.field(x.source);
    } else if constexpr (std::is_same_v<Plain, PhraseList>) {
        io.size_of(x, 8);
        for (auto& phrase : x) item(io, phrase);
        item(io, x.by_first_word);
        io.field(x.fully_indexed);
        io.field(x.first_words);
    } else if constexpr (std::is_same_v<Plain, PatternElement>) {
        if constexpr (saving) {
            io.field(static_cast<std::uint32_t>(x.kind));
        } else {
            std::uint32_t kind = 0;
            io.field(kind);
            if (kind > static_cast<std::uint32_t>(PatternElement::Kind::Gap)) io.reject();
            x.kind = static_cast<PatternElement::Kind>(kind);
        }
        item(io, x.phrases);
        io.field(x.max_gap);
        io.field(x.gap_crosses_names);
        io.field(x.optional);
    } else if constexpr (std::is_same_v<Plain, Rule::WordMask>) {
        io.field(x.slot);
        io.field(x.ends_element);
        io.field(x.mask);
    } else if constexpr (std::is_same_v<Plain, Rule>) {
        io.field(x.id);
        io.field(x.relation);
        item(io, x.pattern);
        io.field(x.subject_types);
        io.field(x.object_types);
        io.field(x.subject_type_bits);
        io.field(x.object_type_bits);
        io.field(x.confidence);
        io.field(x.implicit_maker);
        io.field(x.merge);
        io.field(x.reciprocal);
        io.field(x.slot_count);
        io.field(x.file);
        io.field(x.line);
        item(io, x.required_masks);
    } else if constexpr (std::is_same_v<Plain, CategoryPattern>) {
        io.field(x.entity);
        item(io, x.rule);
    } else if constexpr (std::is_same_v<Plain, Anaphor>) {
        item(io, x.phrase);
        io.field(x.type);
    } else if constexpr (std::is_same_v<Plain, AttributeCues>) {
        item(io, x.months);
        item(io, x.month_phrases);
        item(io, x.openness);
        item(io, x.openness_phrases);
        item(io, x.parameter_units);
        item(io, x.parameter_nouns);
    } else if constexpr (std::is_same_v<Plain, std::map<std::string, PhraseList>>) {
        if constexpr (saving) {
            io.u32(static_cast<std::uint32_t>(x.size()));
            for (const auto& [name, list] : x) {
                io.field(name);
                item(io, list);
            }
        } else {
            const std::uint32_t n = io.count(8);
            for (std::uint32_t i = 0; i < n && io.ok(); ++i) {
                std::string name;
                PhraseList list;
                io.field(name);
                item(io, list);
                x.emplace(std::move(name), std::move(list));
            }
        }
    } else if constexpr (IsPair<Plain>::value) {
        item(io, x.first);
        item(io, x.second);
    } else if constexpr (IsVectorOfItems<Plain>::value) {
        io.size_of(x, 1);
        for (auto& element : x) item(io, element);
    } else {
        io.field(x);
    }
}

// Everything of a rule set but its word index (see RulesSnapshot::index_fields).
template <class Io, class S>
void set_fields(Io& io, S& set) {
    io.field(set.language);
    item(io, set.rules);
    item(io, set.anaphora);
    item(io, set.anaphor_phrases);
    item(io, set.categories);
    item(io, set.attributes);
    for (auto* list : {&set.negation, &set.negation_exceptions, &set.hedge, &set.list_separators, &set.barriers, &set.not_a_name,
                       &set.name_stopwords})
        item(io, *list);
    item(io, set.lexicons);
    item(io, set.type_cues);
    item(io, set.type_cue_phrases);
    item(io, set.type_cue_stops);
    io.field(set.guess_unknown_types);
    io.field(set.trigger_begin);
    io.field(set.trigger_rules);
    io.field(set.trigger_words);
    io.field(set.rules_without_trigger);
    io.field(set.slot_counts);
}

// Word numbers index per-sentence bit arrays and trigger rows without
// checks during extraction: a restored set must keep every one in range.
bool word_numbers_in_range(const RuleSet& set) {
    const std::size_t words = set.words.size();
    const std::size_t slots = (words + 63) / 64;
    bool ok = true;
    auto check_phrase = [&](const Phrase& phrase) {
        for (const WordPattern& w : phrase.words) ok = ok && (w.id == kNoWordId || w.id < words);
    };
    auto check_list = [&](const PhraseList& list) {
        for (const Phrase& p : list) check_phrase(p);
        for (const auto& [word, index] : list.by_first_word) ok = ok && word < words && index < list.size();
        ok = ok && list.first_words.size() <= slots;
    };
    auto check_rule = [&](const Rule& rule) {
        for (const PatternElement& e : rule.pattern) check_list(e.phrases);
        for (const Rule::WordMask& m : rule.required_masks) ok = ok && m.slot < slots;
    };
    for (const Rule& rule : set.rules) check_rule(rule);
    for (const CategoryPattern& c : set.categories) check_rule(c.rule);
    for (const Anaphor& a : set.anaphora) check_phrase(a.phrase);
    for (const auto& [phrase, month] : set.attributes.months) check_phrase(phrase);
    for (const auto& [phrase, unit] : set.attributes.parameter_units) check_phrase(phrase);
    for (const PhraseList* list : {&set.anaphor_phrases, &set.attributes.month_phrases, &set.attributes.openness_phrases,
                                   &set.attributes.parameter_nouns, &set.negation, &set.negation_exceptions, &set.hedge,
                                   &set.list_separators, &set.barriers, &set.not_a_name, &set.name_stopwords, &set.type_cue_phrases,
                                   &set.type_cue_stops})
        check_list(*list);
    for (const auto& [level, list] : set.attributes.openness) check_list(list);
    for (const auto& [name, list] : set.lexicons) check_list(list);
    for (const auto& [type, list] : set.type_cues) check_list(list);
    if (!set.trigger_begin.empty()) {
        ok = ok && set.trigger_begin.size() == words + 1 && set.trigger_begin.back() == set.trigger_rules.size();
        for (std::size_t w = 0; ok && w + 1 < set.trigger_begin.size(); ++w) ok = set.trigger_begin[w] <= set.trigger_begin[w + 1];
    }
    for (const std::uint32_t r : set.trigger_rules) ok = ok && r < set.rules.size();
    for (const std::uint32_t r : set.rules_without_trigger) ok = ok && r < set.rules.size();
    ok = ok && set.trigger_words.size() <= slots;
    ok = ok && (set.trigger_begin.empty() || set.slot_counts.size() == set.rules.size());
    return ok;
}

}  // namespace

// The word index's frozen arrays, one list for both directions like the
// rule sets' (`I` is const for the writer).
template <class Io, class I>
void RulesSnapshot::index_fields(Io& io, I& index) {
    io.size_of(index.nodes_, 16);
    for (auto& n : index.nodes_) {
        io.field(n.first_child);
        io.field(n.child_count);
        io.field(n.exact_id);
        io.field(n.prefix_id);
    }
    // The child bytes travel as one string.
    if constexpr (std::is_const_v<I>) {
        io.field(std::string_view(reinterpret_cast<const char*>(index.child_bytes_.data()), index.child_bytes_.size()));
    } else {
        std::string bytes;
        io.field(bytes);
        index.child_bytes_.assign(bytes.begin(), bytes.end());
    }
    io.field(index.child_nodes_);
    io.field(index.word_count_);
}

void RulesSnapshot::restore_index(kb::snapshot::Reader& r, WordIndex& index) {
    index_fields(r, index);
    index.generation_ = next_generation();
    // Lookups walk these arrays without checks.
    const std::size_t nodes = index.nodes_.size(), children = index.child_bytes_.size();
    bool ok = nodes > 0 && index.child_nodes_.size() == children;
    for (const WordIndex::Node& n : index.nodes_) {
        ok = ok && static_cast<std::size_t>(n.first_child) + n.child_count <= children;
        ok = ok && (n.exact_id == kNoWordId || n.exact_id < index.word_count_);
        ok = ok && (n.prefix_id == kNoWordId || n.prefix_id < index.word_count_);
    }
    for (const std::uint32_t child : index.child_nodes_) ok = ok && child < nodes;
    if (!ok) return r.reject();
    index.build_filters();
}

std::string RulesSnapshot::save(const std::vector<RuleSet>& sets) {
    RulesWriter w;
    w.size_of(sets, 0);
    for (const RuleSet& set : sets) {
        set_fields(w, set);
        index_fields(w, set.words);
    }
    w.raw(kEnd);
    return w.take();
}

std::optional<std::vector<RuleSet>> RulesSnapshot::restore(std::string_view bytes, const kb::Ontology& ontology) {
    RulesReader r(bytes, ontology);
    std::vector<RuleSet> sets;
    r.size_of(sets, 64);
    for (RuleSet& set : sets) {
        set_fields(r, set);
        restore_index(r, set.words);
        if (!r.ok()) return std::nullopt;
    }
    if (!r.expect(kEnd) || !r.ok() || !r.at_end()) return std::nullopt;
    for (const RuleSet& set : sets)
        if (!word_numbers_in_range(set)) return std::nullopt;
    return sets;
}

std::vector<RuleSet> load_rules(const std::filesystem::path& dir, const kb::Ontology& ontology, const std::filesystem::path& ontology_file,
                                const std::optional<std::filesystem::path>& cache) {
    return kb::snapshot::load_through(
        cache, kKind, kFormat, dir, ontology_file, [&] { return load_rules(dir, ontology); },
        [](const std::vector<RuleSet>& sets) { return RulesSnapshot::save(sets); },
        [&ontology](std::string_view body) { return RulesSnapshot::restore(body, ontology); });
}

}  // namespace aikg::extract
