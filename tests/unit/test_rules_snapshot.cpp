// Rule sets restored from their snapshot must extract exactly what the rule
// files do, and a snapshot that does not fit must never be taken for one.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "extract/extractor.hpp"
#include "extract/fact_writer.hpp"
#include "extract/rules_snapshot.hpp"
#include "kb/catalog.hpp"
#include "kb/diagnostics.hpp"
#include "project_files.hpp"
#include "temp_dir.hpp"

using aikg::extract::RuleSet;
using aikg::extract::RulesSnapshot;
using aikg::kb::Ontology;

namespace {

const Ontology& ontology() { return project_ontology(); }

const std::vector<RuleSet>& project_rules() {
    static const std::vector<RuleSet> rules = aikg::extract::load_rules(kSource / "schemas" / "rules", ontology());
    return rules;
}

// Every fact and every recognised name of the sample corpus, as printed.
std::string extract_sample_corpus(std::vector<RuleSet> rules) {
    static const aikg::kb::Catalog catalog = aikg::kb::Catalog::load(kSource / "graph", ontology());
    const aikg::extract::Extractor extractor(catalog, ontology(), std::move(rules));
    std::string out;
    std::ostringstream mentions;
    for (const auto& entry : std::filesystem::directory_iterator(kSource / "data" / "corpus")) {
        if (entry.path().extension() != ".txt") continue;
        aikg::corpus::Document doc;
        doc.id = entry.path().filename().string();
        std::ifstream in(entry.path(), std::ios::binary);
        doc.text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        doc.lang = "ar";
        for (const auto& fact : extractor.extract(doc)) aikg::extract::write_jsonl(out, fact);
        for (const auto& m : extractor.mentions(doc)) mentions << m.entity << '|' << m.type << '|' << m.start << '|' << m.end << '\n';
    }
    return out + mentions.str();
}

// Field by field, written apart from the snapshot's own list of fields:
// a field both directions forgot would pass a save-restore-save comparison.
void check_same(const aikg::extract::PhraseList& a, const aikg::extract::PhraseList& b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].source == b[i].source);
        REQUIRE(a[i].words.size() == b[i].words.size());
        for (std::size_t w = 0; w < a[i].words.size(); ++w) {
            CHECK(a[i].words[w].word == b[i].words[w].word);
            CHECK(a[i].words[w].prefix == b[i].words[w].prefix);
            CHECK(a[i].words[w].id == b[i].words[w].id);
        }
    }
    CHECK(a.by_first_word == b.by_first_word);
    CHECK(a.fully_indexed == b.fully_indexed);
    CHECK(a.first_words == b.first_words);
}

void check_same(const aikg::extract::Rule& a, const aikg::extract::Rule& b) {
    CAPTURE(a.id);
    CHECK(a.id == b.id);
    CHECK(a.relation == b.relation);  // the same ontology's edge type
    REQUIRE(a.pattern.size() == b.pattern.size());
    for (std::size_t e = 0; e < a.pattern.size(); ++e) {
        CHECK(a.pattern[e].kind == b.pattern[e].kind);
        check_same(a.pattern[e].phrases, b.pattern[e].phrases);
        CHECK(a.pattern[e].max_gap == b.pattern[e].max_gap);
        CHECK(a.pattern[e].gap_crosses_names == b.pattern[e].gap_crosses_names);
        CHECK(a.pattern[e].optional == b.pattern[e].optional);
    }
    CHECK(a.subject_types == b.subject_types);
    CHECK(a.object_types == b.object_types);
    CHECK(a.subject_type_bits == b.subject_type_bits);
    CHECK(a.object_type_bits == b.object_type_bits);
    CHECK(a.confidence == b.confidence);
    CHECK(a.implicit_maker == b.implicit_maker);
    CHECK(a.merge == b.merge);
    CHECK(a.reciprocal == b.reciprocal);
    CHECK(a.slot_count == b.slot_count);
    CHECK(a.file == b.file);
    CHECK(a.line == b.line);
    REQUIRE(a.required_masks.size() == b.required_masks.size());
    for (std::size_t m = 0; m < a.required_masks.size(); ++m) {
        CHECK(a.required_masks[m].slot == b.required_masks[m].slot);
        CHECK(a.required_masks[m].ends_element == b.required_masks[m].ends_element);
        CHECK(a.required_masks[m].mask == b.required_masks[m].mask);
    }
}

void check_same(const RuleSet& a, const RuleSet& b) {
    CHECK(a.language == b.language);
    REQUIRE(a.rules.size() == b.rules.size());
    for (std::size_t r = 0; r < a.rules.size(); ++r) check_same(a.rules[r], b.rules[r]);
    REQUIRE(a.categories.size() == b.categories.size());
    for (std::size_t c = 0; c < a.categories.size(); ++c) {
        CHECK(a.categories[c].entity == b.categories[c].entity);
        check_same(a.categories[c].rule, b.categories[c].rule);
    }
    REQUIRE(a.anaphora.size() == b.anaphora.size());
    for (std::size_t i = 0; i < a.anaphora.size(); ++i) {
        CHECK(a.anaphora[i].type == b.anaphora[i].type);
        CHECK(a.anaphora[i].phrase.source == b.anaphora[i].phrase.source);
    }
    for (auto list : {&RuleSet::anaphor_phrases, &RuleSet::negation, &RuleSet::negation_exceptions, &RuleSet::hedge,
                      &RuleSet::list_separators, &RuleSet::barriers, &RuleSet::not_a_name, &RuleSet::name_stopwords,
                      &RuleSet::type_cue_phrases, &RuleSet::type_cue_stops})
        check_same(a.*list, b.*list);
    const auto& x = a.attributes;
    const auto& y = b.attributes;
    REQUIRE(x.months.size() == y.months.size());
    for (std::size_t i = 0; i < x.months.size(); ++i) {
        CHECK(x.months[i].first.source == y.months[i].first.source);
        CHECK(x.months[i].second == y.months[i].second);
    }
    check_same(x.month_phrases, y.month_phrases);
    REQUIRE(x.openness.size() == y.openness.size());
    for (std::size_t i = 0; i < x.openness.size(); ++i) {
        CHECK(x.openness[i].first == y.openness[i].first);
        check_same(x.openness[i].second, y.openness[i].second);
    }
    check_same(x.openness_phrases, y.openness_phrases);
    REQUIRE(x.parameter_units.size() == y.parameter_units.size());
    for (std::size_t i = 0; i < x.parameter_units.size(); ++i) {
        CHECK(x.parameter_units[i].first.source == y.parameter_units[i].first.source);
        CHECK(x.parameter_units[i].second == y.parameter_units[i].second);
    }
    check_same(x.parameter_nouns, y.parameter_nouns);
    REQUIRE(a.lexicons.size() == b.lexicons.size());
    for (const auto& [name, list] : a.lexicons) {
        REQUIRE(b.lexicons.count(name) == 1);
        check_same(list, b.lexicons.at(name));
    }
    REQUIRE(a.type_cues.size() == b.type_cues.size());
    for (std::size_t i = 0; i < a.type_cues.size(); ++i) {
        CHECK(a.type_cues[i].first == b.type_cues[i].first);
        check_same(a.type_cues[i].second, b.type_cues[i].second);
    }
    CHECK(a.guess_unknown_types == b.guess_unknown_types);
    CHECK(a.words.size() == b.words.size());
    CHECK(a.trigger_begin == b.trigger_begin);
    CHECK(a.trigger_rules == b.trigger_rules);
    CHECK(a.trigger_words == b.trigger_words);
    CHECK(a.rules_without_trigger == b.rules_without_trigger);
    // The word index answers alike for every word of every phrase, and its prefixes.
    for (const auto& rule : a.rules)
        for (const auto& element : rule.pattern)
            for (const auto& phrase : element.phrases)
                for (const auto& w : phrase.words)
                    for (std::size_t n = 1; n <= w.word.size(); ++n) {
                        std::vector<std::uint32_t> from_a, from_b;
                        a.words.lookup(std::string_view(w.word).substr(0, n), from_a);
                        b.words.lookup(std::string_view(w.word).substr(0, n), from_b);
                        CHECK(from_a == from_b);
                    }
}

std::size_t snapshots_in(const std::filesystem::path& cache) {
    std::size_t n = 0;
    for (const auto& entry : std::filesystem::directory_iterator(cache))
        n += entry.path().filename().string().starts_with("rules-") && entry.path().extension() == ".bin";
    return n;
}

}  // namespace

TEST_CASE("the project's rules come back from their snapshot and extract the same facts") {
    const std::string bytes = RulesSnapshot::save(project_rules());
    auto restored = RulesSnapshot::restore(bytes, ontology());
    REQUIRE(restored.has_value());
    REQUIRE(restored->size() == project_rules().size());
    // Saved again, the restored sets give the same bytes: every field read back.
    CHECK(RulesSnapshot::save(*restored) == bytes);
    for (std::size_t i = 0; i < restored->size(); ++i) {
        check_same(project_rules()[i], (*restored)[i]);
        // Caches of word lookups are keyed by the index's generation: a restored index is a new one.
        CHECK((*restored)[i].words.generation() != project_rules()[i].words.generation());
    }
    const std::string from_yaml = extract_sample_corpus(project_rules());
    CHECK(from_yaml.size() > 1000);
    CHECK(extract_sample_corpus(std::move(*restored)) == from_yaml);
}

TEST_CASE("a cut or damaged rules snapshot is refused, never half read") {
    const std::string bytes = RulesSnapshot::save(project_rules());
    for (std::size_t cut = 0; cut < bytes.size(); cut += 997) CHECK_FALSE(RulesSnapshot::restore(bytes.substr(0, cut), ontology()).has_value());
    CHECK_FALSE(RulesSnapshot::restore(bytes.substr(0, bytes.size() - 1), ontology()).has_value());
    CHECK_FALSE(RulesSnapshot::restore(bytes + "x", ontology()).has_value());
    std::string huge = bytes;
    huge[3] = '\x7f';  // a rule set count far beyond the bytes that follow
    CHECK_FALSE(RulesSnapshot::restore(huge, ontology()).has_value());
    // Relations are found by name: an ontology without them cannot take these rules.
    const Ontology bare = Ontology::from_parts(ontology().node_types(), {}, ontology().openness_levels());
    CHECK_FALSE(RulesSnapshot::restore(bytes, bare).has_value());
}

TEST_CASE("a load saves a rules snapshot, the next load takes it, an edited rule file is read again") {
    TempDir scratch;
    const auto cache = scratch.path() / "cache";
    const auto rules_dir = scratch.path() / "rules";
    std::filesystem::create_directories(rules_dir);
    for (const auto& entry : std::filesystem::directory_iterator(kSource / "schemas" / "rules"))
        std::filesystem::copy_file(entry.path(), rules_dir / entry.path().filename());
    const auto ontology_file = kSource / "schemas" / "ontology.yaml";

    const auto first = aikg::extract::load_rules(rules_dir, ontology(), ontology_file, cache);
    CHECK(snapshots_in(cache) == 1);
    const auto second = aikg::extract::load_rules(rules_dir, ontology(), ontology_file, cache);
    CHECK(snapshots_in(cache) == 1);
    CHECK(RulesSnapshot::save(second) == RulesSnapshot::save(first));

    // A third language: the old snapshot no longer fits these files.
    {
        std::ofstream more(rules_dir / "zz.yaml");
        more << "language: zz\nrules:\n  - id: zz.released\n    relation: released\n    pattern: \"{subject} launched {object}\"\n";
    }
    const auto edited = aikg::extract::load_rules(rules_dir, ontology(), ontology_file, cache);
    CHECK(edited.size() == first.size() + 1);
    CHECK(snapshots_in(cache) == 2);

    // Rules with a problem are reported, and leave no snapshot behind.
    {
        std::ofstream bad(rules_dir / "zz.yaml");
        bad << "language: zz\nrules:\n  - id: zz.released\n    relation: no_such_relation\n    pattern: \"{subject} launched {object}\"\n";
    }
    CHECK_THROWS_AS(aikg::extract::load_rules(rules_dir, ontology(), ontology_file, cache), aikg::kb::DataError);
    CHECK(snapshots_in(cache) == 2);
}
