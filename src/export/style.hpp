#pragma once
// How the ecosystem looks, shared by the DOT diagram and the Gephi files:
// colour by openness, shape by node type, style and colour by relation.

#include <string>

namespace aikg::exporting {

struct Rgb {
    int r = 0, g = 0, b = 0;
    std::string hex() const;
};

Rgb openness_colour(const std::string& type, const std::string& openness);
std::string node_shape(const std::string& type);       // Graphviz shape name
std::string edge_colour(const std::string& relation);  // #rrggbb
std::string edge_style(const std::string& relation);   // solid, dashed, dotted, bold

}  // namespace aikg::exporting
