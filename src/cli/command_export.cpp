// aikg export: the graph (or a filtered part) as DOT, GEXF, GraphML, JSON or CSV.

#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/command.hpp"
#include "cli/export_options.hpp"
#include "cli/knowledge.hpp"
#include "export/writers.hpp"

namespace aikg::cli {
namespace {

constexpr const char* kHelp =
    "usage: aikg export --format dot|gexf|graphml|json|csv [-o FILE] [filters]\n\n"
    "Writes the graph in the store, or the part the filters keep, for other tools:\n"
    "  dot      Graphviz, an ecosystem diagram (open side, closed side, the rest, a legend)\n"
    "  gexf     Gephi (GEXF 1.3 with attributes, colours, sizes and a timeline from article dates)\n"
    "  graphml  yEd, Cytoscape, networkx (typed keys)\n"
    "  json     node-link JSON (networkx node_link_graph, d3)\n"
    "  csv      Gephi's spreadsheet import: -o DIR writes DIR/nodes.csv and DIR/edges.csv\n"
    "Output is deterministic (sorted ids, fixed decimals, no timestamps), so exports diff cleanly.\n\n"
    "options:\n";

constexpr const char* kExamples =
    "\nexamples:\n"
    "  aikg export --format gexf -o output/aikg.gexf\n"
    "  aikg export --format dot --around \"Llama 2\" --hops 1 | dot -Tsvg > llama2.svg\n"
    "  aikg export --format csv -o output/csv --relation uses,released\n";

}  // namespace

int run_export(const std::vector<std::string>& args) {
    CommonOptions common;
    SelectionOptions selection;
    std::string format, output;
    ArgParser parser;
    parser.option("--format", &format, "FORMAT", "dot, gexf, graphml, json or csv (required)");
    parser.option("-o", &output, "FILE", "write here instead of stdout (a folder for csv)");
    parser.option("--output", &output, "FILE", "same as -o");
    selection.declare(parser);
    common.declare(parser);
    if (!parser.parse(args)) {
        std::cout << kHelp << parser.options_help() << kExamples;
        return kSuccess;
    }
    if (format != "dot" && format != "gexf" && format != "graphml" && format != "json" && format != "csv")
        throw UsageError(format.empty() ? "say which --format: dot, gexf, graphml, json or csv" : "unknown --format '" + format + "'");
    if (format == "csv" && output.empty()) throw UsageError("csv writes two files: give a folder with -o DIR");
    const ProjectPaths paths = common.paths();
    const auto knowledge = load_knowledge(paths, WithRules::No);
    auto loaded = load_selection_for("export", selection, paths.store.string(), knowledge->ontology, knowledge->catalog);
    if (!loaded) return kUsage;
    const auto& kg = *loaded->kg;
    const auto& s = *loaded->selection;

    if (format == "csv") {
        std::filesystem::create_directories(output);
        std::ofstream nodes(std::filesystem::path(output) / "nodes.csv", std::ios::binary);
        std::ofstream edges(std::filesystem::path(output) / "edges.csv", std::ios::binary);
        exporting::write_nodes_csv(nodes, kg, s);
        exporting::write_edges_csv(edges, kg, s);
        if (!nodes || !edges) throw std::runtime_error(output + ": cannot write the CSV files");
        return kSuccess;
    }
    std::ofstream file;
    if (!output.empty()) {
        const auto folder = std::filesystem::path(output).parent_path();
        if (!folder.empty()) std::filesystem::create_directories(folder);
        file.open(output, std::ios::binary);
        if (!file) throw std::runtime_error(output + ": cannot open for writing");
    }
    std::ostream& out = output.empty() ? std::cout : file;
    if (format == "dot") exporting::write_dot(out, kg, s, "The open vs closed AI ecosystem");
    else if (format == "gexf") exporting::write_gexf(out, kg, s);
    else if (format == "graphml") exporting::write_graphml(out, kg, s);
    else exporting::write_json(out, kg, s);
    if (!output.empty() && !file.flush()) throw std::runtime_error(output + ": write failed");
    return kSuccess;
}

}  // namespace aikg::cli
