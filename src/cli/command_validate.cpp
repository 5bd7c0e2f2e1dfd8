// aikg validate: checks the knowledge files before any article is touched.

#include <iostream>

#include "cli/command.hpp"
#include "cli/knowledge.hpp"

namespace aikg::cli {
namespace {

constexpr const char* kHelp =
    "usage: aikg validate [--catalog DIR] [--schemas DIR]\n\n"
    "Checks the ontology (schemas/ontology.yaml), the extraction rules\n"
    "(schemas/rules/*.yaml) and the entity catalog (graph/*.yaml): YAML syntax,\n"
    "unknown keys, node and edge types, openness values, aliases naming two\n"
    "entities, facts and makers that break the ontology's domain and range,\n"
    "rule patterns and lexicons. Every problem is printed as file:line: message;\n"
    "the exit code is 2 when there is any.\n\n"
    "options:\n";

constexpr const char* kExamples =
    "\nexamples:\n"
    "  aikg validate\n"
    "  aikg validate --catalog my-catalog/ --schemas my-schemas/\n";

}  // namespace

int run_validate(const std::vector<std::string>& args) {
    CommonOptions common;
    ArgParser parser;
    common.declare(parser);
    if (!parser.parse(args)) {
        std::cout << kHelp << parser.options_help() << kExamples;
        return kSuccess;
    }
    const auto knowledge = load_knowledge(common.paths(), WithRules::Yes, FromSnapshot::No);
    std::size_t rules = 0;
    std::string languages;
    for (const auto& set : knowledge->rules) {
        rules += set.rules.size();
        languages += (languages.empty() ? "" : ", ") + set.language + " " + std::to_string(set.rules.size());
    }
    std::cout << "ok: " << knowledge->ontology.node_types().size() << " node types, "
              << knowledge->ontology.edge_types().size() << " edge types, " << knowledge->catalog.entities().size()
              << " entities, " << knowledge->catalog.alias_count() << " names and aliases, " << rules << " rules ("
              << languages << ")\n";
    return kSuccess;
}

}  // namespace aikg::cli
