#pragma once
// Reads the JSONL that `aikg extract` writes, grouped by article, for
// `aikg build --facts` (the reduce step of a distributed run).

#include <functional>
#include <string>
#include <vector>

#include "corpus/document.hpp"
#include "extract/fact.hpp"
#include "store/store.hpp"

namespace aikg::store {

struct ArticleFacts {
    ArticleRecord article;
    std::vector<extract::Fact> facts;
};

// Calls `on_article` for each run of consecutive lines with one article id
// (how `aikg extract` writes them), as soon as the run ends: memory holds one
// article. The article's hash covers its fact lines, so reloading the same
// facts changes nothing, and a later run with the same id replaces the
// earlier one. Malformed lines go to `on_problem` as "file:line".
// One fact line read into `fact`; returns what is wrong with it ("malformed
// JSON: ...", a missing field, a value of the wrong kind), or "" when it is a fact.
std::string parse_fact_line(const std::string& line, extract::Fact& fact);
// The same with the full JSON parser only: what the fast path must agree with (tests).
std::string parse_fact_line_fully(const std::string& line, extract::Fact& fact);

void read_fact_files(const std::vector<std::string>& files, const std::function<void(ArticleFacts&&)>& on_article,
                     const std::function<void(const corpus::InputProblem&)>& on_problem);

}  // namespace aikg::store
