#include "kb/ontology.hpp"

#include <algorithm>

#include "kb/yaml_util.hpp"

namespace aikg::kb {

bool contains(const std::vector<std::string>& list, std::string_view value) noexcept {
    return std::find(list.begin(), list.end(), value) != list.end();
}

Ontology Ontology::load(const std::filesystem::path& path) {
    DiagnosticSink sink;
    const std::string file = path.string();
    Ontology ontology;
    const auto root = load_yaml_file(path, sink);
    if (!root) sink.throw_if_any();
    if (!root->IsMap()) {
        sink.error(file, line_of(*root), "the ontology must be a mapping with node_types, edge_types and openness");
        sink.throw_if_any();
    }
    check_keys(*root, {"version", "node_types", "edge_types", "openness"}, file, "the ontology", sink);

    const YAML::Node nodes = (*root)["node_types"];
    if (!nodes || !nodes.IsSequence()) {
        sink.error(file, line_of(*root), "'node_types' must be a list");
    } else {
        for (const auto& item : nodes) {
            if (!item.IsMap()) {
                sink.error(file, line_of(item), "a node type must be a mapping with 'name' and 'description'");
                continue;
            }
            check_keys(item, {"name", "description"}, file, "a node type", sink);
            if (auto name = required_scalar(item, "name", file, "a node type", sink)) {
                if (contains(ontology.node_types_, *name)) sink.error(file, line_of(item), "node type '" + *name + "' is declared twice");
                ontology.node_types_.push_back(*name);
            }
        }
    }

    ontology.openness_ = string_list((*root)["openness"], file, "'openness'", sink);
    if (ontology.openness_.empty()) sink.error(file, line_of(*root), "'openness' must list the openness levels");

    const YAML::Node edges = (*root)["edge_types"];
    if (!edges || !edges.IsSequence()) {
        sink.error(file, line_of(*root), "'edge_types' must be a list");
    } else {
        for (const auto& item : edges) {
            if (!item.IsMap()) {
                sink.error(file, line_of(item), "an edge type must be a mapping");
                continue;
            }
            check_keys(item, {"name", "domain", "range", "symmetric", "categories", "overrides", "description"}, file, "an edge type", sink);
            EdgeType edge;
            auto name = required_scalar(item, "name", file, "an edge type", sink);
            if (!name) continue;
            edge.name = *name;
            const std::string what = "edge type '" + edge.name + "'";
            edge.domain = string_list(item["domain"], file, what + " domain", sink);
            edge.range = string_list(item["range"], file, what + " range", sink);
            if (edge.domain.empty()) sink.error(file, line_of(item), what + " needs a non-empty 'domain'");
            if (edge.range.empty()) sink.error(file, line_of(item), what + " needs a non-empty 'range'");
            for (const auto* side : {&edge.domain, &edge.range}) {
                for (const auto& type : *side) {
                    if (!contains(ontology.node_types_, type))
                        sink.error(file, line_of(item), what + " names unknown node type '" + type + "'");
                }
            }
            if (const YAML::Node sym = item["symmetric"]) {
                if (sym.Scalar() == "true") edge.symmetric = true;
                else if (sym.Scalar() != "false") sink.error(file, line_of(sym), what + ": 'symmetric' must be true or false");
            }
            if (const YAML::Node cat = item["categories"]) {
                if (cat.Scalar() == "true") edge.categories = true;
                else if (cat.Scalar() != "false") sink.error(file, line_of(cat), what + ": 'categories' must be true or false");
            }
            if (const YAML::Node d = item["description"]) edge.description = d.Scalar();
            edge.overrides = string_list(item["overrides"], file, what + " overrides", sink);
            if (ontology.edge_type(edge.name)) sink.error(file, line_of(item), what + " is declared twice");
            ontology.edge_types_.push_back(std::move(edge));
        }
    }
    for (const auto& edge : ontology.edge_types_)
        for (const auto& other : edge.overrides)
            if (!ontology.edge_type(other)) sink.error(file, 0, "edge type '" + edge.name + "' overrides unknown edge type '" + other + "'");
    sink.throw_if_any();
    return ontology;
}

Ontology Ontology::from_parts(std::vector<std::string> node_types, std::vector<EdgeType> edge_types, std::vector<std::string> openness) {
    Ontology ontology;
    ontology.node_types_ = std::move(node_types);
    ontology.edge_types_ = std::move(edge_types);
    ontology.openness_ = std::move(openness);
    return ontology;
}

bool Ontology::has_node_type(std::string_view type) const noexcept { return contains(node_types_, type); }

const EdgeType* Ontology::edge_type(std::string_view name) const noexcept {
    for (const auto& e : edge_types_)
        if (e.name == name) return &e;
    return nullptr;
}

bool Ontology::is_openness(std::string_view level) const noexcept { return contains(openness_, level); }

bool Ontology::allows(const EdgeType& edge, std::string_view subject_type, std::string_view object_type) const noexcept {
    if (contains(edge.domain, subject_type) && contains(edge.range, object_type)) return true;
    return edge.symmetric && contains(edge.domain, object_type) && contains(edge.range, subject_type);
}

}  // namespace aikg::kb
