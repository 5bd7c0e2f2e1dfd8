#include "analysis/divide.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace aikg::analysis {
namespace {

const std::string kOpenCategory = "open models";
const std::string kClosedCategory = "closed models";

Side side_of_node(const graph::NodeProps& n) {
    if (n.name == kOpenCategory) return Side::Open;
    if (n.name == kClosedCategory) return Side::Closed;
    if (n.type != "Model") return Side::Unknown;
    return side_of_openness(n.openness);
}

std::vector<ModelUse> ranked(const std::map<std::string, std::set<std::string>>& users) {
    std::vector<ModelUse> out;
    for (const auto& [model, who] : users) out.push_back({model, who.size()});
    std::stable_sort(out.begin(), out.end(), [](const ModelUse& a, const ModelUse& b) { return a.users > b.users; });
    return out;
}

}  // namespace

Side side_of_openness(const std::string& openness) {
    if (openness == "open" || openness == "open-weights" || openness == "restricted") return Side::Open;
    if (openness == "closed") return Side::Closed;
    return Side::Unknown;
}

const char* side_name(Side side) {
    switch (side) {
        case Side::Open: return "open";
        case Side::Closed: return "closed";
        case Side::Unknown: break;
    }
    return "unknown";
}

DivideSummary open_closed_divide(const graph::FilteredGraph& view) {
    DivideSummary d;
    for (auto [v, end] = boost::vertices(view); v != end; ++v) {
        const auto& n = view[*v];
        if (n.type == "Model" && n.name != kOpenCategory && n.name != kClosedCategory)
            d.models.emplace_back(n.name, n.openness.empty() ? "unknown" : n.openness);
    }
    std::sort(d.models.begin(), d.models.end());

    std::map<std::string, std::pair<std::size_t, std::size_t>> released;  // org -> (open, closed)
    std::map<std::string, std::set<Side>> touched;                       // org -> sides it released or used
    std::map<std::string, std::set<std::string>> open_users, closed_users;
    std::set<std::string> open_adopters, closed_adopters;
    std::set<std::pair<std::string, std::string>> rivalries;
    for (auto [e, end] = boost::edges(view); e != end; ++e) {
        const auto& s = view[boost::source(*e, view)];
        const auto& o = view[boost::target(*e, view)];
        const std::string& relation = view[*e].relation;
        const Side so = side_of_node(o);
        if (relation == "released" && so != Side::Unknown) {
            auto& counts = released[s.name];
            (so == Side::Open ? counts.first : counts.second) += 1;
            touched[s.name].insert(so);
        } else if (relation == "uses" && so != Side::Unknown && o.name != kOpenCategory && o.name != kClosedCategory) {
            (so == Side::Open ? open_users : closed_users)[o.name].insert(s.name);
            (so == Side::Open ? open_adopters : closed_adopters).insert(s.name);
            touched[s.name].insert(so);
        } else if (relation == "competes_with") {
            const Side ss = side_of_node(s);
            if (ss != Side::Unknown && so != Side::Unknown && ss != so)
                rivalries.emplace(ss == Side::Open ? s.name : o.name, ss == Side::Open ? o.name : s.name);
        }
    }
    for (const auto& [org, counts] : released) {
        const double total = static_cast<double>(counts.first + counts.second);
        d.organisations.push_back({org, counts.first, counts.second, total > 0 ? static_cast<double>(counts.first) / total : 0.0});
    }
    d.open_adopters.assign(open_adopters.begin(), open_adopters.end());
    d.closed_adopters.assign(closed_adopters.begin(), closed_adopters.end());
    for (const auto& [org, sides] : touched)
        if (sides.size() == 2) d.bridges.push_back(org);
    for (const auto& [open, closed] : rivalries) d.rivalries.push_back({open, closed});
    d.most_used_open = ranked(open_users);
    d.most_used_closed = ranked(closed_users);
    return d;
}

}  // namespace aikg::analysis
