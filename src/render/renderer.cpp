#include "render/renderer.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <memory>

namespace aikg::render {
namespace {

std::string last_error;

// Graphviz reports through a callback; keep the last message for the exception.
int collect_error(char* message) {
    last_error = message ? message : "";
    while (!last_error.empty() && (last_error.back() == '\n' || last_error.back() == ' ')) last_error.pop_back();
    return 0;
}

struct ContextDeleter {
    void operator()(GVC_t* c) const { gvFreeContext(c); }
};
struct GraphDeleter {
    void operator()(Agraph_t* g) const { agclose(g); }
};

}  // namespace

std::string available_layouts() {
    std::unique_ptr<GVC_t, ContextDeleter> context(gvContext());
    char** list = nullptr;
    int count = 0;
    list = gvPluginList(context.get(), "layout", &count, nullptr);
    std::string out;
    for (int i = 0; i < count; ++i) {
        out += (i ? ", " : "") + std::string(list[i]);
        free(list[i]);
    }
    free(list);
    return out;
}

constexpr int kCurvedEdgeLimit = 150;

void render(const std::string& dot, const std::string& layout, const std::string& format, const std::string& path) {
    agseterr(AGERR);  // warnings are ours to avoid, not the user's to read
    agseterrf(collect_error);
    last_error.clear();
    std::unique_ptr<GVC_t, ContextDeleter> context(gvContext());
    std::unique_ptr<Agraph_t, GraphDeleter> graph(agmemread(dot.c_str()));
    if (!graph) throw RenderError("Graphviz could not read the diagram: " + last_error);
    // Curved splines routed around hundreds of nodes take minutes (a 500-entity,
    // 2,000-edge diagram: 600 s with sfdp); straight edges take under a second
    // and stay readable at that size.
    if (layout != "dot" && agnnodes(graph.get()) > kCurvedEdgeLimit) {
        char name[] = "splines", value[] = "line", fallback[] = "";
        agsafeset(graph.get(), name, value, fallback);
    }
    if (gvLayout(context.get(), graph.get(), layout.c_str()) != 0)
        throw RenderError("layout '" + layout + "' failed" + (last_error.empty() ? "" : ": " + last_error) + " (layouts: " + available_layouts() + ")");
    // cairo renders through pango, which shapes Arabic; the core SVG renderer keeps tooltips and text searchable.
    const std::string device = format == "svg" ? "svg" : format + ":cairo";
    const int rc = gvRenderFilename(context.get(), graph.get(), device.c_str(), path.c_str());
    gvFreeLayout(context.get(), graph.get());
    if (rc != 0) throw RenderError("cannot render " + format + " to " + path + (last_error.empty() ? "" : ": " + last_error));
}

}  // namespace aikg::render
