#include "cli/export_options.hpp"

#include <charconv>
#include <iostream>

namespace aikg::cli {
namespace {

std::size_t count(const std::string& text, const std::string& option) {
    std::size_t value = 0;
    const char* last = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), last, value);
    if (ec != std::errc() || ptr != last) throw UsageError(option + " must be a whole number, not '" + text + "'");
    return value;
}

}  // namespace

void SelectionOptions::declare(ArgParser& parser) {
    filters.declare(parser);
    parser.option("--around", &around, "NAME", "only the neighbourhood of NAME (an ego network)");
    parser.option("--hops", &hops, "K", "with --around: how far from NAME (default: 2)");
    parser.option("--top", &top, "N", "only the N entities of highest PageRank, with the edges among them");
}

LoadedSelection load_selection(const SelectionOptions& options, const std::string& store_path, const kb::Ontology& ontology,
                               const kb::Catalog& catalog) {
    LoadedSelection loaded;
    loaded.filter = std::make_unique<graph::GraphFilter>(options.filters.validate(ontology));
    const std::size_t hops = count(options.hops, "--hops");
    const std::size_t top = options.top.empty() ? 0 : count(options.top, "--top");
    store::Store store(store_path, store::Store::Mode::Read);
    loaded.kg = std::make_unique<graph::KnowledgeGraph>(graph::KnowledgeGraph::load(store, ontology));
    std::optional<graph::Vertex> around;
    if (!options.around.empty()) {
        const query::NameResolver names(store, catalog);
        around = loaded.kg->vertex_of_store_id(names.resolve(options.around).id);
    }
    loaded.selection = std::make_unique<exporting::Selection>(exporting::select(*loaded.kg, *loaded.filter, around, hops, top));
    return loaded;
}

std::optional<LoadedSelection> load_selection_for(const char* command, const SelectionOptions& options, const std::string& store_path,
                                                  const kb::Ontology& ontology, const kb::Catalog& catalog) {
    try {
        return load_selection(options, store_path, ontology, catalog);
    } catch (const query::UnknownName& e) {
        std::cerr << "aikg " << command << ": --around: " << e.what() << '\n';
        return std::nullopt;
    }
}

}  // namespace aikg::cli
