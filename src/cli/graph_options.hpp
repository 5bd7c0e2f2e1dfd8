#pragma once
// Filter options shared by the commands that read the graph (analyze, and
// later export and render): --relation, --type, --openness, --min-confidence,
// --since, --until.

#include <string>

#include "cli/arg_parser.hpp"
#include "graph/graph_filter.hpp"
#include "kb/ontology.hpp"

namespace aikg::cli {

struct GraphFilterOptions {
    std::string relations, types, openness, min_confidence, since, until;

    void declare(ArgParser& parser);
    // Checks names against the ontology; throws UsageError naming the bad value.
    graph::GraphFilter validate(const kb::Ontology& ontology) const;
};

// Splits "a,b" into its parts, trimmed.
std::vector<std::string> split_list(const std::string& text);
double parse_fraction(const std::string& text, const std::string& option);

}  // namespace aikg::cli
