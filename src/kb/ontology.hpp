#pragma once
// The ontology: which node types exist and which edges may join them.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace aikg::kb {

struct EdgeType {
    std::string name;
    std::vector<std::string> domain;  // allowed subject node types
    std::vector<std::string> range;   // allowed object node types
    bool symmetric = false;
    // Whether category nodes ("open models", "closed models") may take part:
    // they stand for a side of the divide, which rivals but does not release or use.
    bool categories = false;
    // Relations this one replaces when one sentence yields both for the same
    // pair: an organisation does not "use" the product it released.
    std::vector<std::string> overrides;
    std::string description;
};

class Ontology {
public:
    // Reads schemas/ontology.yaml; throws DataError listing every problem.
    static Ontology load(const std::filesystem::path& file);
    // An ontology already checked by load(), from its parts (kb/ontology_json.hpp).
    static Ontology from_parts(std::vector<std::string> node_types, std::vector<EdgeType> edge_types, std::vector<std::string> openness);

    const std::vector<std::string>& node_types() const noexcept { return node_types_; }
    const std::vector<EdgeType>& edge_types() const noexcept { return edge_types_; }
    const std::vector<std::string>& openness_levels() const noexcept { return openness_; }

    bool has_node_type(std::string_view type) const noexcept;
    const EdgeType* edge_type(std::string_view name) const noexcept;
    bool is_openness(std::string_view level) const noexcept;
    // True when an edge of this type may join these node types (either way round when symmetric).
    bool allows(const EdgeType& edge, std::string_view subject_type, std::string_view object_type) const noexcept;

private:
    std::vector<std::string> node_types_;
    std::vector<EdgeType> edge_types_;
    std::vector<std::string> openness_;
};

bool contains(const std::vector<std::string>& list, std::string_view value) noexcept;

}  // namespace aikg::kb
