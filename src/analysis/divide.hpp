#pragma once
// The open-vs-closed view. A model is on the open side when its openness is
// open, open-weights or restricted (its weights can be downloaded, whatever
// the licence's limits) and on the closed side when closed; the category
// nodes "open models" / "closed models" stand for their side. An
// organisation's side is the share of the models it released on each side.

#include <string>
#include <vector>

#include "graph/graph_filter.hpp"

namespace aikg::analysis {

enum class Side { Open, Closed, Unknown };
Side side_of_openness(const std::string& openness);
const char* side_name(Side side);

struct OrganisationSide {
    std::string name;
    std::size_t open_models = 0;
    std::size_t closed_models = 0;
    double open_share = 0.0;
};

struct ModelUse {
    std::string name;
    std::size_t users = 0;
};

struct Crossing {
    std::string open_side;
    std::string closed_side;
};

struct DivideSummary {
    std::vector<std::pair<std::string, std::string>> models;  // name, openness ("unknown" when not known)
    std::vector<OrganisationSide> organisations;              // those that released at least one sided model
    std::vector<std::string> open_adopters;                   // users of open-side models
    std::vector<std::string> closed_adopters;
    std::vector<std::string> bridges;                         // released or used models on both sides
    std::vector<Crossing> rivalries;                          // competes_with across the divide
    std::vector<ModelUse> most_used_open;
    std::vector<ModelUse> most_used_closed;
};

DivideSummary open_closed_divide(const graph::FilteredGraph& view);

}  // namespace aikg::analysis
