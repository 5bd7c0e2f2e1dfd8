#include <doctest/doctest.h>

#include <algorithm>

#include "extract/rules.hpp"
#include "kb/diagnostics.hpp"
#include "temp_dir.hpp"

using aikg::extract::load_rules;
using aikg::extract::PatternElement;
using aikg::kb::DataError;
using aikg::kb::Ontology;

namespace {

const Ontology& ontology() {
    static const Ontology o = Ontology::load(std::filesystem::path(AIKG_SOURCE_DIR) / "schemas" / "ontology.yaml");
    return o;
}

std::vector<std::string> rule_errors(const std::string& yaml) {
    TempDir dir;
    dir.write("xx.yaml", yaml);
    try {
        load_rules(dir.path(), ontology());
    } catch (const DataError& e) {
        std::vector<std::string> out;
        for (const auto& d : e.diagnostics()) out.push_back("xx.yaml:" + std::to_string(d.line) + ": " + d.message);
        return out;
    }
    return {};
}

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

TEST_CASE("the project's rules load, cover every relation, in both languages") {
    const auto sets = load_rules(std::filesystem::path(AIKG_SOURCE_DIR) / "schemas" / "rules", ontology());
    REQUIRE(sets.size() == 2);
    for (const auto& set : sets) {
        CAPTURE(set.language);
        for (const auto& edge : ontology().edge_types()) {
            CAPTURE(edge.name);
            CHECK(std::any_of(set.rules.begin(), set.rules.end(), [&](const auto& r) { return r.relation->name == edge.name; }));
        }
    }
}

TEST_CASE("patterns compile into slots, words, lexicons and gaps") {
    TempDir dir;
    dir.write("en.yaml",
              "language: en\nlexicons: {verb: [release*, \"made available\"]}\n"
              "rules:\n  - {id: r1, relation: released, pattern: \"{subject} ...3 @verb the? ~ {object}\", confidence: 0.9}\n");
    const auto sets = load_rules(dir.path(), ontology());
    const auto& p = sets.at(0).rules.at(0).pattern;
    REQUIRE(p.size() == 6);
    CHECK(p[0].kind == PatternElement::Kind::Subject);
    CHECK(p[1].kind == PatternElement::Kind::Gap);
    CHECK(p[1].max_gap == 3);
    CHECK(p[2].phrases.size() == 2);
    CHECK(p[2].phrases[0].words[0].prefix);
    CHECK(p[2].phrases[1].words.size() == 2);
    CHECK(p[3].optional);
    CHECK(p[4].gap_crosses_names);
    CHECK(p[5].kind == PatternElement::Kind::Object);
    CHECK(sets[0].rules[0].subject_types == std::vector<std::string>{"Organization"});
}

TEST_CASE("rule file errors name the line") {
    const auto errors = rule_errors(
        "language: xx\n"
        "rules:\n"
        "  - id: a\n"
        "    relation: invented\n"                                 // line 4
        "    pattern: \"{subject} x {object}\"\n"
        "  - id: b\n"
        "    relation: uses\n"
        "    pattern: \"{subject} @nowhere {object}\"\n"           // line 8
        "  - id: c\n"
        "    relation: uses\n"
        "    pattern: \"{subject} ...99 {object} {who}\"\n"        // line 11
        "  - id: d\n"
        "    relation: uses\n"
        "    pattern: \"{subject} x {object}\"\n"
        "    subject_types: [Person]\n"                            // line 15
        "    confidence: 3\n");                                    // line 16
    CHECK(contains(errors, "xx.yaml:4: rule 'a': unknown relation 'invented'"));
    CHECK(contains(errors, "xx.yaml:8: rule 'b': unknown lexicon '@nowhere'"));
    CHECK(contains(errors, "xx.yaml:11: rule 'c': bad gap '...99' (write ... or ...N, ~ or ~N, with N from 1 to 30)"));
    CHECK(contains(errors, "xx.yaml:11: rule 'c': unknown slot '{who}' (slots are {subject} and {object})"));
    CHECK(contains(errors, "xx.yaml:15: rule 'd' subject_types: type 'Person' is outside what the relation allows in the ontology"));
    CHECK(contains(errors, "xx.yaml:16: rule 'd': confidence must be a number in (0, 1]"));
}

TEST_CASE("a pattern without both slots is refused") {
    const auto errors = rule_errors("language: xx\nrules:\n  - {id: a, relation: uses, pattern: \"{subject} uses\"}\n");
    CHECK(contains(errors, "xx.yaml:3: rule 'a': a pattern needs exactly one {subject} and one {object}"));
}
