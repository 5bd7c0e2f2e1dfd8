#include "kb/ontology_json.hpp"

#include <stdexcept>

#include <nlohmann/json.hpp>

namespace aikg::kb {

std::string ontology_to_json(const Ontology& ontology) {
    nlohmann::ordered_json edges = nlohmann::ordered_json::array();
    for (const EdgeType& e : ontology.edge_types()) {
        edges.push_back({{"name", e.name},
                         {"domain", e.domain},
                         {"range", e.range},
                         {"symmetric", e.symmetric},
                         {"categories", e.categories},
                         {"overrides", e.overrides},
                         {"description", e.description}});
    }
    const nlohmann::ordered_json j{
        {"node_types", ontology.node_types()}, {"edge_types", edges}, {"openness", ontology.openness_levels()}};
    return j.dump();
}

Ontology ontology_from_json(std::string_view text) {
    try {
        const nlohmann::json j = nlohmann::json::parse(text);
        std::vector<EdgeType> edges;
        for (const auto& e : j.at("edge_types")) {
            edges.push_back({e.at("name").get<std::string>(), e.at("domain").get<std::vector<std::string>>(),
                             e.at("range").get<std::vector<std::string>>(), e.at("symmetric").get<bool>(),
                             e.at("categories").get<bool>(), e.at("overrides").get<std::vector<std::string>>(),
                             e.at("description").get<std::string>()});
        }
        return Ontology::from_parts(j.at("node_types").get<std::vector<std::string>>(), std::move(edges),
                                    j.at("openness").get<std::vector<std::string>>());
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(std::string("not a stored ontology: ") + e.what());
    }
}

}  // namespace aikg::kb
