#include <cstdio>
#include <map>
#include <set>

#include "analysis/divide.hpp"
#include "export/style.hpp"
#include "export/writers.hpp"

namespace aikg::exporting {
namespace {

// DOT string literal: quotes and backslashes escaped, line breaks as \n.
std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n' || c == '\r') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

std::string clip(const std::string& s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return s;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // never split a UTF-8 sequence
    return s.substr(0, cut) + "…";
}

}  // namespace

std::string fixed6(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6f", value);
    return buffer;
}

void write_dot(std::ostream& out, const graph::KnowledgeGraph& kg, const Selection& s, const std::string& title) {
    const graph::Graph& g = kg.graph();
    // Sides: a model by its openness, an organisation by the models it released, the rest apart.
    std::map<graph::Vertex, std::pair<int, int>> released;
    for (const graph::Edge& e : s.edges) {
        if (g[e].relation != "released") continue;
        const auto side = analysis::side_of_openness(g[boost::target(e, g)].openness);
        if (side == analysis::Side::Open) ++released[boost::source(e, g)].first;
        if (side == analysis::Side::Closed) ++released[boost::source(e, g)].second;
    }
    std::map<std::string, std::vector<graph::Vertex>> clusters;
    for (const graph::Vertex v : s.nodes) {
        const auto& n = g[v];
        std::string side = "rest";
        if (n.name == "open models") side = "open";
        else if (n.name == "closed models") side = "closed";
        else if (n.type == "Model") {
            const auto m = analysis::side_of_openness(n.openness);
            side = m == analysis::Side::Open ? "open" : m == analysis::Side::Closed ? "closed" : "rest";
        } else if (const auto it = released.find(v); it != released.end()) {
            side = it->second.first >= it->second.second ? "open" : "closed";
        }
        clusters[side].push_back(v);
    }
    double max_rank = 0.0;
    for (const auto& [v, r] : s.pagerank) max_rank = std::max(max_rank, r);

    out << "digraph aikg {\n"
        << "  graph [label=" << quoted(title) << ", labelloc=t, fontsize=20, fontname=\"Noto Sans\", rankdir=LR, newrank=true,"
           " compound=true, splines=true, overlap=false, nodesep=0.25, ranksep=0.9, bgcolor=\"white\"];\n"
        << "  node [fontname=\"Noto Sans\", fontsize=11, style=\"filled\", penwidth=1.2];\n"
        << "  edge [fontname=\"Noto Sans\", fontsize=8, arrowsize=0.7];\n";
    static const std::map<std::string, std::pair<std::string, std::string>> cluster_style{
        {"open", {"the open side (open, open-weights, restricted models and their makers)", "#eaf6e4"}},
        {"closed", {"the closed side (closed models and their makers)", "#fbe7e6"}},
        {"rest", {"adopters, platforms, people and others", "#f3f5f9"}}};
    for (const auto& [side, members] : clusters) {
        const auto& [label, fill] = cluster_style.at(side);
        out << "  subgraph cluster_" << side << " {\n    label=" << quoted(label) << "; style=\"rounded,filled\"; fillcolor=" << quoted(fill)
            << "; color=\"#bbbbbb\"; fontsize=14;\n";
        for (const graph::Vertex v : members) {
            const auto& n = g[v];
            const double rank = max_rank > 0 ? s.pagerank.at(v) / max_rank : 0.0;
            std::string tooltip = n.name + " (" + n.type + (n.openness.empty() ? "" : ", " + n.openness) + ")";
            if (!n.arabic_name.empty()) tooltip += "\n" + n.arabic_name;
            // The Arabic name under the English one: pango shapes it right to left in PNG and PDF.
            const std::string text = n.arabic_name.empty() ? n.name : n.name + "\n" + n.arabic_name;
            out << "    n" << s.index.at(v) << " [label=" << quoted(text) << ", shape=" << node_shape(n.type)
                << ", fillcolor=" << quoted(openness_colour(n.type, n.openness).hex()) << ", fontsize=" << 10 + static_cast<int>(8 * rank)
                << ", tooltip=" << quoted(tooltip) << "];\n";
        }
        out << "  }\n";
    }
    for (const graph::Edge& e : s.edges) {
        const auto& p = g[e];
        const auto& evidence = p.evidence.front();
        const std::string tooltip = p.relation + " (" + std::to_string(p.articles) + " article" + (p.articles == 1 ? "" : "s") + "): " +
                                    clip(evidence.sentence, 300) + " [" + evidence.article + "]";
        out << "  n" << s.index.at(boost::source(e, g)) << " -> n" << s.index.at(boost::target(e, g)) << " [label=" << quoted(p.relation)
            << ", color=" << quoted(edge_colour(p.relation)) << ", fontcolor=" << quoted(edge_colour(p.relation))
            << ", style=" << edge_style(p.relation) << (p.symmetric ? ", dir=both" : "") << ", penwidth=" << fixed6(1.0 + 0.5 * static_cast<double>(p.articles - 1))
            << ", tooltip=" << quoted(tooltip) << "];\n";
    }
    // The legend: one node per type and openness colour, one edge per relation.
    out << "  subgraph cluster_legend {\n    label=\"legend\"; style=\"rounded\"; color=\"#999999\"; fontsize=12;\n";
    const std::vector<std::pair<std::string, std::string>> swatches{
        {"Model", "open"}, {"Model", "open-weights"}, {"Model", "restricted"}, {"Model", "closed"}, {"Model", ""},
        {"Organization", ""}, {"Product", ""}, {"Platform", ""}, {"Dataset", ""}, {"Person", ""}, {"License", ""}, {"Software", ""}};
    for (std::size_t i = 0; i < swatches.size(); ++i) {
        const auto& [type, openness] = swatches[i];
        const std::string label = type == "Model" ? "model: " + (openness.empty() ? std::string("openness unknown") : openness) : type;
        out << "    legend_node" << i << " [label=" << quoted(label) << ", shape=" << node_shape(type)
            << ", fillcolor=" << quoted(openness_colour(type, openness).hex()) << ", fontsize=9];\n";
    }
    const std::vector<std::string> relations{"released", "uses", "competes_with", "derived_from", "available_on",
                                             "trained_on", "licensed_under", "partners_with", "affiliated_with", "part_of"};
    for (std::size_t i = 0; i < relations.size(); ++i) {
        out << "    legend_from" << i << " [label=\"\", shape=point, width=0.05];\n    legend_to" << i << " [label="
            << quoted(relations[i]) << ", shape=plaintext, style=\"\", fontsize=9, fontcolor=" << quoted(edge_colour(relations[i])) << "];\n"
            << "    legend_from" << i << " -> legend_to" << i << " [color=" << quoted(edge_colour(relations[i])) << ", style=" << edge_style(relations[i])
            << "];\n";
    }
    out << "  }\n}\n";
}

}  // namespace aikg::exporting
