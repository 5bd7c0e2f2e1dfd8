#include "kb/catalog.hpp"

#include <algorithm>

#include "kb/yaml_util.hpp"
#include "text/tokenizer.hpp"

namespace aikg::kb {
namespace {

std::vector<std::filesystem::path> yaml_files(const std::filesystem::path& dir, DiagnosticSink& sink) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        sink.error(dir.string(), 0, "catalog directory not found (give one with --catalog DIR)");
        return files;
    }
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const auto ext = entry.path().extension();
        if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) sink.error(dir.string(), 0, "no .yaml files in the catalog directory");
    return files;
}

// A [relation, object] pair from a `facts:` list.
std::optional<CatalogFact> parse_fact(const YAML::Node& node, const std::string& file, DiagnosticSink& sink) {
    if (!node.IsSequence() || node.size() != 2 || !node[0].IsScalar() || !node[1].IsScalar()) {
        sink.error(file, line_of(node), "a fact must be a pair [relation, object]");
        return std::nullopt;
    }
    return CatalogFact{node[0].Scalar(), node[1].Scalar(), {file, line_of(node)}, std::nullopt};
}

std::optional<Entity> parse_entity(const YAML::Node& node, const std::string& file, const Ontology& ontology,
                                   DiagnosticSink& sink) {
    if (!node.IsMap()) {
        sink.error(file, line_of(node), "an entity must be a mapping with name, type and aliases");
        return std::nullopt;
    }
    check_keys(node, {"name", "type", "aliases", "openness", "openness_source", "maker", "company", "case_sensitive", "category", "senses", "facts"}, file,
               "an entity", sink);
    Entity e;
    e.pos = {file, line_of(node)};
    auto name = required_scalar(node, "name", file, "an entity", sink);
    auto type = required_scalar(node, "type", file, "entity '" + name.value_or("?") + "'", sink);
    if (!name || !type) return std::nullopt;
    e.name = *name;
    e.type = *type;
    const std::string what = "entity '" + e.name + "'";
    if (!ontology.has_node_type(e.type)) sink.error(file, line_of(node["type"]), what + " has unknown type '" + e.type + "'");
    e.aliases = string_list(node["aliases"], file, what + " aliases", sink);
    if (const YAML::Node o = node["openness"]) {
        e.openness = o.Scalar();
        if (!ontology.is_openness(e.openness))
            sink.error(file, line_of(o), what + " has unknown openness '" + e.openness + "'");
        else if (e.type != "Model")
            sink.error(file, line_of(o), what + " is a " + e.type + "; only models carry openness");
        if (!node["openness_source"]) sink.error(file, line_of(o), what + " states openness without 'openness_source'");
    }
    if (const YAML::Node s = node["openness_source"]) e.openness_source = s.Scalar();
    if (const YAML::Node m = node["maker"]) e.maker = m.Scalar();
    if (const YAML::Node c = node["company"]) {
        e.company = c.Scalar();
        if (e.type != "Platform" && e.type != "Product")
            sink.error(file, line_of(c), what + " is a " + e.type + "; only platforms and products name a company");
    }
    e.senses = string_list(node["senses"], file, what + " senses", sink);
    for (const auto& sense : e.senses)
        if (!ontology.has_node_type(sense)) sink.error(file, line_of(node["senses"]), what + " has unknown sense '" + sense + "'");
    if (const YAML::Node c = node["category"]) {
        if (c.Scalar() == "true") e.category = true;
        else if (c.Scalar() != "false") sink.error(file, line_of(c), what + ": 'category' must be true or false");
    }
    if (const YAML::Node c = node["case_sensitive"]) {
        if (c.Scalar() == "true") e.case_sensitive = true;
        else if (c.Scalar() != "false") sink.error(file, line_of(c), what + ": 'case_sensitive' must be true or false");
    }
    if (const YAML::Node facts = node["facts"]) {
        if (!facts.IsSequence()) {
            sink.error(file, line_of(facts), what + ": 'facts' must be a list of [relation, object] pairs");
        } else {
            for (const auto& f : facts)
                if (auto fact = parse_fact(f, file, sink)) e.facts.push_back(std::move(*fact));
        }
    }
    return e;
}

}  // namespace

Catalog Catalog::load(const std::filesystem::path& dir, const Ontology& ontology) {
    DiagnosticSink sink;
    Catalog catalog;
    std::unordered_map<std::string, SourcePos> name_pos;

    const auto paths = yaml_files(dir, sink);
    const auto roots = load_yaml_files(paths, sink);
    for (std::size_t f = 0; f < paths.size(); ++f) {
        const std::string file = paths[f].string();
        const auto& root = roots[f];
        if (!root) continue;
        if (!root->IsMap() || !(*root)["entities"] || !(*root)["entities"].IsSequence()) {
            sink.error(file, line_of(*root), "a catalog file must be a mapping with an 'entities' list");
            continue;
        }
        check_keys(*root, {"entities"}, file, "a catalog file", sink);
        for (const auto& node : (*root)["entities"]) {
            auto entity = parse_entity(node, file, ontology, sink);
            if (!entity) continue;
            const auto id = static_cast<EntityId>(catalog.entities_.size());
            // Every surface form must point at one entity, or matching would be a coin toss.
            std::vector<std::string> forms{entity->name};
            forms.insert(forms.end(), entity->aliases.begin(), entity->aliases.end());
            for (const auto& form : forms) {
                const std::string key = text::matching_key(form);
                entity->keys.push_back(key);
                if (key.empty()) {
                    sink.error(file, entity->pos.line, "entity '" + entity->name + "' has an alias with no letters or digits: '" + form + "'");
                    continue;
                }
                auto [it, inserted] = catalog.by_key_.emplace(key, id);
                if (!inserted && it->second != id) {
                    const Entity& other = catalog.entities_[it->second];
                    sink.error(file, entity->pos.line,
                               "'" + form + "' of entity '" + entity->name + "' already names '" + other.name + "' (" +
                                   other.pos.file + ":" + std::to_string(other.pos.line) + ")");
                }
            }
            catalog.entities_.push_back(std::move(*entity));
        }
    }

    // Cross-references need the whole catalog; they are checked and kept
    // resolved (extraction asks for them in every sentence).
    for (Entity& e : catalog.entities_) {
        const std::string what = "entity '" + e.name + "'";
        if (!e.maker.empty()) {
            const auto maker = e.maker_id = catalog.find(e.maker);
            const EdgeType* released = ontology.edge_type("released");
            if (!maker) {
                sink.error(e.pos.file, e.pos.line, what + ": maker '" + e.maker + "' is not in the catalog");
            } else if (released && !ontology.allows(*released, catalog.entities_[*maker].type, e.type)) {
                sink.error(e.pos.file, e.pos.line,
                           what + ": maker '" + e.maker + "' (" + catalog.entities_[*maker].type + ") cannot have released a " + e.type);
            }
        }
        if (!e.company.empty()) {
            const auto company = e.company_id = catalog.find(e.company);
            if (!company) sink.error(e.pos.file, e.pos.line, what + ": company '" + e.company + "' is not in the catalog");
            else if (catalog.entities_[*company].type != "Organization")
                sink.error(e.pos.file, e.pos.line, what + ": company '" + e.company + "' is not an Organization");
        }
        for (CatalogFact& f : e.facts) {
            const EdgeType* edge = ontology.edge_type(f.relation);
            const auto object = f.object_id = catalog.find(f.object);
            if (!edge) {
                sink.error(f.pos.file, f.pos.line, what + ": unknown relation '" + f.relation + "'");
            } else if (!object) {
                sink.error(f.pos.file, f.pos.line, what + ": fact object '" + f.object + "' is not in the catalog");
            } else if (!ontology.allows(*edge, e.type, catalog.entities_[*object].type)) {
                sink.error(f.pos.file, f.pos.line,
                           what + " (" + e.type + ") " + f.relation + " '" + f.object + "' (" + catalog.entities_[*object].type +
                               ") violates the ontology");
            }
        }
    }
    sink.throw_if_any();
    catalog.resolve_chains();
    return catalog;
}

void Catalog::resolve_chains() {
    ancestors_.resize(entities_.size());
    parents_.resize(entities_.size());
    for (EntityId id = 0; id < entities_.size(); ++id) {
        ancestors_[id] = chain(id, "derived_from");
        parents_[id] = chain(id, "part_of");
    }
}

std::optional<EntityId> Catalog::find(std::string_view name) const {
    return find_key(text::matching_key(name));
}

std::optional<EntityId> Catalog::find_key(const std::string& key) const {
    const auto it = by_key_.find(key);
    if (it == by_key_.end()) return std::nullopt;
    return it->second;
}

}  // namespace aikg::kb

namespace aikg::kb {

std::vector<EntityId> Catalog::chain(EntityId id, std::string_view relation) const {
    std::vector<EntityId> out;
    EntityId current = id;
    // Follow the first matching fact upwards; the visited check stops cycles in bad data.
    for (bool advanced = true; advanced;) {
        advanced = false;
        for (const CatalogFact& f : entities_.at(current).facts) {
            if (f.relation != relation) continue;
            const auto next = f.object_id;
            if (!next || *next == id || std::find(out.begin(), out.end(), *next) != out.end()) continue;
            out.push_back(*next);
            current = *next;
            advanced = true;
            break;
        }
    }
    return out;
}

}  // namespace aikg::kb
