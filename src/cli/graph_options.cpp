#include "cli/graph_options.hpp"

#include <charconv>
#include <regex>

namespace aikg::cli {

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        std::string part = text.substr(start, comma - start);
        const auto first = part.find_first_not_of(' ');
        const auto last = part.find_last_not_of(' ');
        if (first != std::string::npos) out.push_back(part.substr(first, last - first + 1));
        start = comma + 1;
    }
    return out;
}

double parse_fraction(const std::string& text, const std::string& option) {
    double value = 0.0;
    const char* last = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), last, value);
    if (ec != std::errc() || ptr != last || value < 0.0 || value > 1.0)
        throw UsageError(option + " must be a number from 0 to 1, not '" + text + "'");
    return value;
}

void GraphFilterOptions::declare(ArgParser& parser) {
    parser.option("--relation", &relations, "R[,R]", "only these relations (e.g. uses,released)");
    parser.option("--type", &types, "T[,T]", "only nodes of these types (e.g. Organization,Model)");
    parser.option("--openness", &openness, "O[,O]", "only models with this openness (open, open-weights, restricted, closed, unknown)");
    parser.option("--min-confidence", &min_confidence, "X", "only edges whose combined confidence is at least X");
    parser.option("--since", &since, "DATE", "only edges last seen on or after DATE (YYYY[-MM[-DD]]); undated edges stay");
    parser.option("--until", &until, "DATE", "only edges first seen on or before DATE");
}

graph::GraphFilter GraphFilterOptions::validate(const kb::Ontology& ontology) const {
    graph::GraphFilter f;
    for (const auto& r : split_list(relations)) {
        if (!ontology.edge_type(r)) throw UsageError("--relation: unknown relation '" + r + "'");
        f.relations.insert(r);
    }
    for (const auto& t : split_list(types)) {
        if (!ontology.has_node_type(t)) throw UsageError("--type: unknown node type '" + t + "'");
        f.types.insert(t);
    }
    for (const auto& o : split_list(openness)) {
        if (o != "unknown" && !ontology.is_openness(o)) throw UsageError("--openness: unknown level '" + o + "'");
        f.openness.insert(o);
    }
    if (!min_confidence.empty()) f.min_confidence = parse_fraction(min_confidence, "--min-confidence");
    static const std::regex date(R"(\d{4}(-\d{2}(-\d{2})?)?)");
    for (const auto* d : {&since, &until})
        if (!d->empty() && !std::regex_match(*d, date)) throw UsageError("dates are YYYY, YYYY-MM or YYYY-MM-DD, not '" + *d + "'");
    f.since = since;
    f.until = until.empty() ? until : until + "~";  // "2024" covers all of 2024: '~' sorts after any "-MM-DD"
    return f;
}

}  // namespace aikg::cli
