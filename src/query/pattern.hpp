#pragma once
// Triple patterns over the store: clauses separated by ';', variables written
// ?name and joined on shared names.
//
//   ?org uses ?m ; ?m:Model openness=open-weights
//   ?who affiliated_with Meta
//   "Hugging Face" available_on ?p     (names with spaces in double quotes)
//
// A triple clause is SUBJECT RELATION OBJECT, each end a variable or a name.
// A constraint clause is ?var[:Type] [key=value ...] with keys type,
// openness (open, open-weights, restricted, closed, unknown), side (open,
// closed) and name.

#include <stdexcept>
#include <string>
#include <vector>

#include "kb/ontology.hpp"
#include "query/name_resolver.hpp"
#include "store/store.hpp"

namespace aikg::query {

class PatternError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct Term {
    bool variable = false;
    std::string text;  // variable name without '?', or the entity name as written
};

struct Clause {
    bool triple = true;
    Term subject, object;
    std::string relation;
    std::string variable;                                    // constraint clauses
    std::vector<std::pair<std::string, std::string>> tests;  // key, value
};

struct Pattern {
    std::vector<Clause> clauses;
    std::vector<std::string> variables;  // in order of first appearance
};

// Throws PatternError saying which clause is wrong and how to write it.
Pattern parse_pattern(const std::string& text, const kb::Ontology& ontology);

struct MatchResult {
    std::vector<std::string> variables;
    std::vector<std::vector<EntityRef>> rows;  // sorted by the names in each row, no duplicates
};

// Names in the pattern are resolved like query names (UnknownName when absent).
MatchResult match(const Pattern& pattern, store::Store& store, const NameResolver& names, const kb::Ontology& ontology);

}  // namespace aikg::query
