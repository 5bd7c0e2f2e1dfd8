#include "export/style.hpp"

#include <cstdio>
#include <map>

namespace aikg::exporting {

std::string Rgb::hex() const {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", r & 0xFF, g & 0xFF, b & 0xFF);
    return buffer;
}

Rgb openness_colour(const std::string& type, const std::string& openness) {
    if (type == "Model") {
        if (openness == "open") return {46, 160, 67};           // green: open weights and open licence
        if (openness == "open-weights") return {122, 199, 90};  // light green
        if (openness == "restricted") return {240, 180, 41};    // amber
        if (openness == "closed") return {214, 69, 65};         // red
        return {170, 170, 170};
    }
    static const std::map<std::string, Rgb> by_type{{"Organization", {66, 133, 244}}, {"Product", {156, 106, 222}},
                                                    {"Platform", {0, 150, 170}},      {"Dataset", {141, 110, 99}},
                                                    {"Person", {236, 130, 60}},       {"License", {120, 120, 120}},
                                                    {"Software", {90, 90, 160}}};
    const auto it = by_type.find(type);
    return it == by_type.end() ? Rgb{200, 200, 200} : it->second;
}

std::string node_shape(const std::string& type) {
    static const std::map<std::string, std::string> shapes{{"Organization", "box"},   {"Model", "ellipse"},  {"Product", "component"},
                                                           {"Platform", "cylinder"},  {"Dataset", "folder"}, {"Person", "octagon"},
                                                           {"License", "note"},       {"Software", "tab"}};
    const auto it = shapes.find(type);
    return it == shapes.end() ? "ellipse" : it->second;
}

std::string edge_colour(const std::string& relation) {
    static const std::map<std::string, std::string> colours{
        {"released", "#1f77b4"},     {"uses", "#2ca02c"},          {"competes_with", "#d62728"}, {"derived_from", "#9467bd"},
        {"available_on", "#17becf"}, {"trained_on", "#8c564b"},    {"licensed_under", "#7f7f7f"}, {"partners_with", "#ff7f0e"},
        {"affiliated_with", "#e377c2"}, {"part_of", "#bcbd22"}};
    const auto it = colours.find(relation);
    return it == colours.end() ? "#555555" : it->second;
}

std::string edge_style(const std::string& relation) {
    if (relation == "competes_with") return "dashed";
    if (relation == "derived_from" || relation == "part_of") return "dotted";
    if (relation == "released") return "bold";
    return "solid";
}

}  // namespace aikg::exporting
