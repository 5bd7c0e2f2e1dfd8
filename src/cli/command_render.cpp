// aikg render: an ecosystem diagram (SVG, PNG, PDF) through Graphviz's library.

#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli/command.hpp"
#include "cli/export_options.hpp"
#include "cli/knowledge.hpp"
#include "export/writers.hpp"
#include "render/renderer.hpp"

namespace aikg::cli {
namespace {

constexpr const char* kHelp =
    "usage: aikg render -o FILE.svg|.png|.pdf [--layout dot|neato|sfdp] [--title TEXT] [filters]\n\n"
    "Draws the ecosystem: the open side, the closed side and the rest (adopters,\n"
    "platforms, people) as clusters; node shape by type, colour by openness; edge\n"
    "colour and style by relation; a legend. SVG keeps tooltips with aliases and the\n"
    "evidence sentence. Arabic text is shaped by pango (install a font with Arabic\n"
    "glyphs; .ci/setup.sh installs Noto). Rendering runs in-process through\n"
    "Graphviz's library. Big graphs: the default layout becomes sfdp above 150\n"
    "entities; --top N keeps the N entities of highest PageRank.\n\n"
    "options:\n";

constexpr const char* kExamples =
    "\nexamples:\n"
    "  aikg render -o output/ecosystem.svg\n"
    "  aikg render -o output/ecosystem.png --top 40\n"
    "  aikg render -o llama.pdf --around Llama --hops 1 --layout neato\n";

constexpr std::size_t kLargeGraph = 150;

}  // namespace

int run_render(const std::vector<std::string>& args) {
    CommonOptions common;
    SelectionOptions selection;
    std::string output, layout, title = "The open vs closed AI ecosystem";
    ArgParser parser;
    parser.option("-o", &output, "FILE", "the diagram to write; the extension picks the format (svg, png, pdf)");
    parser.option("--output", &output, "FILE", "same as -o");
    parser.option("--layout", &layout, "NAME", "dot (default), neato or sfdp (default above 150 entities)");
    parser.option("--title", &title, "TEXT", "the diagram's title");
    selection.declare(parser);
    common.declare(parser);
    if (!parser.parse(args)) {
        std::cout << kHelp << parser.options_help() << kExamples;
        return kSuccess;
    }
    if (output.empty()) throw UsageError("say where to write the diagram: -o FILE.svg, .png or .pdf");
    std::string format = std::filesystem::path(output).extension().string();
    if (!format.empty()) format.erase(0, 1);
    if (format != "svg" && format != "png" && format != "pdf") throw UsageError("-o must end in .svg, .png or .pdf, not '" + output + "'");
    if (!layout.empty() && layout != "dot" && layout != "neato" && layout != "sfdp" && layout != "fdp" && layout != "circo" && layout != "twopi")
        throw UsageError("unknown --layout '" + layout + "' (dot, neato, sfdp, fdp, circo, twopi)");

    const ProjectPaths paths = common.paths();
    const auto knowledge = load_knowledge(paths, WithRules::No);
    auto loaded = load_selection_for("render", selection, paths.store.string(), knowledge->ontology, knowledge->catalog);
    if (!loaded) return kUsage;
    if (layout.empty()) layout = loaded->selection->nodes.size() > kLargeGraph ? "sfdp" : "dot";
    std::ostringstream dot;
    exporting::write_dot(dot, *loaded->kg, *loaded->selection, title);
    const auto folder = std::filesystem::path(output).parent_path();
    if (!folder.empty()) std::filesystem::create_directories(folder);
    render::render(dot.str(), layout, format, output);
    return kSuccess;
}

}  // namespace aikg::cli
