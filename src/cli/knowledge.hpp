#pragma once
// Loads the ontology, catalog and rules a command needs, all or nothing.

#include <memory>
#include <vector>

#include "cli/project_paths.hpp"
#include "extract/rules.hpp"
#include "kb/catalog.hpp"
#include "kb/ontology.hpp"
#include "store/store.hpp"

namespace aikg::cli {

struct Knowledge {
    kb::Ontology ontology;
    kb::Catalog catalog;
    std::vector<extract::RuleSet> rules;
};

// Throws kb::DataError with every problem found across the sources read.
// Commands that only read the store (query, analyze, export, render) skip the
// extraction rules: compiling them is start-up work they would never use.
enum class WithRules { Yes, No };
// The catalog comes from a snapshot of the same files when one was saved
// (kb/catalog_snapshot.hpp); `aikg validate` reads the files themselves.
enum class FromSnapshot { Yes, No };
std::unique_ptr<Knowledge> load_knowledge(const ProjectPaths& paths, WithRules with_rules = WithRules::Yes,
                                          FromSnapshot from_snapshot = FromSnapshot::Yes);

// The ontology alone, for commands that read the store and need the catalog
// only now and then (query: names the store does not know). Taken from the
// store when it was built with this very ontology file (same bytes): parsing
// the YAML was a third of a query's run time.
kb::Ontology load_ontology(const ProjectPaths& paths, store::Store& store);
// Keeps a build's ontology in its store for load_ontology above.
void remember_ontology(const ProjectPaths& paths, const kb::Ontology& ontology, store::Store& store);

// Prints each diagnostic of a DataError to stderr, one "file:line: message" per line.
void report(const std::exception& error);

}  // namespace aikg::cli
