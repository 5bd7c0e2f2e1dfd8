#pragma once
// What export and render select: the graph filters plus an ego network
// (--around NAME --hops K) and the top entities by PageRank (--top N).

#include <memory>
#include <optional>
#include <string>

#include "cli/graph_options.hpp"
#include "export/selection.hpp"
#include "query/name_resolver.hpp"

namespace aikg::cli {

struct SelectionOptions {
    GraphFilterOptions filters;
    std::string around, hops = "2", top;

    void declare(ArgParser& parser);
};

// Everything a selection points to, kept alive together.
struct LoadedSelection {
    std::unique_ptr<graph::KnowledgeGraph> kg;
    std::unique_ptr<graph::GraphFilter> filter;
    std::unique_ptr<exporting::Selection> selection;
};

// Reads the store and selects; throws UsageError for bad values and
// query::UnknownName for an unknown --around name.
LoadedSelection load_selection(const SelectionOptions& options, const std::string& store_path, const kb::Ontology& ontology,
                               const kb::Catalog& catalog);

// The same for a command: an unknown --around name is reported on stderr
// ("aikg COMMAND: --around: ...") and gives nullopt (exit 2).
std::optional<LoadedSelection> load_selection_for(const char* command, const SelectionOptions& options, const std::string& store_path,
                                                  const kb::Ontology& ontology, const kb::Catalog& catalog);

}  // namespace aikg::cli
