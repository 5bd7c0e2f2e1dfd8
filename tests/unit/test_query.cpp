#include <doctest/doctest.h>

#include <filesystem>

#include "query/pattern.hpp"

using aikg::kb::Ontology;
using aikg::query::parse_pattern;
using aikg::query::PatternError;

namespace {
const Ontology& ontology() {
    static const Ontology o = Ontology::load(std::filesystem::path(AIKG_SOURCE_DIR) / "schemas" / "ontology.yaml");
    return o;
}
}  // namespace

TEST_CASE("patterns: triples, constraints, quoted names, variables in order") {
    const auto p = parse_pattern(R"(?org uses ?m ; ?m:Model openness=open-weights ; "Hugging Face" available_on ?m)", ontology());
    REQUIRE(p.clauses.size() == 3);
    CHECK(p.clauses[0].triple);
    CHECK(p.clauses[0].subject.variable);
    CHECK(p.clauses[0].relation == "uses");
    CHECK_FALSE(p.clauses[1].triple);
    CHECK(p.clauses[1].variable == "m");
    CHECK(p.clauses[1].tests.size() == 2);
    CHECK_FALSE(p.clauses[2].subject.variable);
    CHECK(p.clauses[2].subject.text == "Hugging Face");
    CHECK(p.variables == std::vector<std::string>{"org", "m"});
}

TEST_CASE("pattern errors say which clause and why") {
    CHECK_THROWS_WITH_AS(parse_pattern("?a loves ?b", ontology()), "clause 1: unknown relation 'loves'", PatternError);
    CHECK_THROWS_WITH_AS(parse_pattern("?a uses ?b ; ?b:Robot", ontology()), "clause 2: unknown node type 'Robot'", PatternError);
    CHECK_THROWS_WITH_AS(parse_pattern("?a uses", ontology()), "clause 1: write SUBJECT RELATION OBJECT (quote names with spaces), not 2 words",
                         PatternError);
    CHECK_THROWS_WITH_AS(parse_pattern("\"Hugging Face available_on ?p", ontology()), "a double quote is not closed", PatternError);
    CHECK_THROWS_AS(parse_pattern("  ;  ", ontology()), PatternError);
    CHECK_THROWS_WITH_AS(parse_pattern("?m colour=red", ontology()), "clause 1: unknown key 'colour' (type, openness, side, name)", PatternError);
}
