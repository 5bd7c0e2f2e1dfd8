#include <doctest/doctest.h>

#include <string>

#include "store/fact_loader.hpp"

using aikg::extract::Fact;
using aikg::store::parse_fact_line;
using aikg::store::parse_fact_line_fully;

namespace {

// parse_fact_line reads what `aikg extract` writes without a JSON tree and
// leaves every other line to the full parser: both must read every line alike.
void check_same_as_full_parser(const std::string& line) {
    Fact fast, full;
    const std::string fast_problem = parse_fact_line(line, fast);
    const std::string full_problem = parse_fact_line_fully(line, full);
    CHECK_MESSAGE(fast_problem == full_problem, line);
    if (!full_problem.empty()) return;
    CHECK_MESSAGE(fast.article == full.article, line);
    CHECK_MESSAGE(fast.subject == full.subject, line);
    CHECK_MESSAGE(fast.subject_type == full.subject_type, line);
    CHECK_MESSAGE(fast.relation == full.relation, line);
    CHECK_MESSAGE(fast.object == full.object, line);
    CHECK_MESSAGE(fast.object_type == full.object_type, line);
    CHECK_MESSAGE(fast.sentence == full.sentence, line);
    CHECK_MESSAGE(fast.start == full.start, line);
    CHECK_MESSAGE(fast.end == full.end, line);
    CHECK_MESSAGE(fast.rule == full.rule, line);
    CHECK_MESSAGE(fast.confidence == full.confidence, line);
    CHECK_MESSAGE(fast.lang == full.lang, line);
    CHECK_MESSAGE(fast.article_date == full.article_date, line);
    CHECK_MESSAGE(fast.date == full.date, line);
    CHECK_MESSAGE(fast.subject_attributes == full.subject_attributes, line);
    CHECK_MESSAGE(fast.object_attributes == full.object_attributes, line);
}

}  // namespace

TEST_CASE("fact lines read the same with and without the full JSON parser") {
    const std::string usual =
        R"({"article":"a1","subject":"Meta","subject_type":"Organization","relation":"released","object":"Llama 3.1",)"
        R"("object_type":"Model","sentence":"أطلقت \"ميتا\" Llama 3.1","start":12,"end":4294967295,"rule":"ar.release+catalog.maker",)"
        R"("confidence":0.855,"lang":"ar","article_date":"2024-07-23","date":"2024-07",)"
        R"("subject_attributes":{"openness":"open"},"object_attributes":{"parameters":"405B","openness":"open"}})";
    check_same_as_full_parser(usual);
    Fact fact;
    REQUIRE(parse_fact_line(usual, fact).empty());
    CHECK(fact.sentence == "أطلقت \"ميتا\" Llama 3.1");
    CHECK(fact.end == 4294967295U);
    CHECK(fact.object_attributes.at("parameters") == "405B");

    for (const std::string line : {
             // Values of other kinds, nulls and absent fields.
             R"({"article":"a","subject":"s","relation":"r","object":"o"})",
             R"({"article":"a","subject":"s","relation":"r","object":"o","date":null,"start":null,"confidence":null,"subject_attributes":null})",
             R"({"article":"a","subject":"s","relation":"r","object":"o","confidence":1})",
             R"({"article":"a","subject":"s","relation":"r","object":"o","confidence":-2.5e-3})",
             R"({"article":"a","subject":"s","relation":"r","object":"o","confidence":1e400})",
             R"({"article":"a","subject":"s","relation":"r","object":"o","confidence":"high"})",
             R"({"article":"a","subject":"s","relation":"r","object":"o","start":-1})",
             R"({"article":"a","subject":"s","relation":"r","object":"o","start":4294967296})",
             R"({"article":"a","subject":"s","relation":"r","object":"o","start":1.5})",
             R"({"article":"a","subject":"s","relation":"r","object":"o","end":-0})",
             R"({"article":7,"subject":"s","relation":"r","object":"o"})",
             R"({"article":"a","subject":true,"relation":"r","object":"o"})",
             R"({"article":"a","subject":"s","relation":"r","object":"o","subject_attributes":"open"})",
             R"({"article":"a","subject":"s","relation":"r","object":"o","subject_attributes":{"k":1,"j":"v"}})",
             R"({"article":"a","subject":"s","relation":"r","object":"o","subject_attributes":{"k":"1","k":"2"}})",
             R"({"article":"a","subject":"s","relation":"r","object":"o","subject_attributes":{}})",
             // Fields aikg does not read, of every kind.
             R"({"article":"a","subject":"s","relation":"r","object":"o","extra":{"x":[1,2]},"n":-12.5,"b":false,"z":null})",
             R"({"article":"a","subject":"s","relation":"r","object":"o","big":1e999})",
             // Repeats, escapes, spacing.
             R"({"article":"a","article":"b","subject":"s","relation":"r","object":"o"})",
             R"({"artic\u006ce":"a\u00e9\ud83d\ude00","subject":"s\n\t\"","relation":"r","object":"o\/"})",
             " {\"article\" : \"a\" ,\t\"subject\":\"s\", \"relation\":\"r\" , \"object\":\"o\" } \r",
             // Not facts, not JSON.
             R"({"article":"","subject":"s","relation":"r","object":"o"})",
             R"({})",
             R"([1,2])",
             R"({"article":"a","subject":"s","relation":"r","object":"o",})",
             R"({"article":"a","subject":"s","relation":"r","object":"o"} tail)",
             R"({"article":"a","subject":"s","relation":"r","object":"o)",
             "\xEF\xBB\xBF{\"article\":\"a\",\"subject\":\"s\",\"relation\":\"r\",\"object\":\"o\"}",
             "{\"article\":\"a\",\"subject\":\"raw\ttab\",\"relation\":\"r\",\"object\":\"o\"}",
         })
        check_same_as_full_parser(line);
}
