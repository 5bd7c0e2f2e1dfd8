#pragma once
// Diagrams through Graphviz's library in-process (gvc/cgraph), no shelling out.

#include <stdexcept>
#include <string>

namespace aikg::render {

class RenderError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Lays out `dot` with `layout` (dot, neato, sfdp, ...) and writes `path` in
// `format` (svg, png, pdf). PNG and PDF go through cairo and pango, which
// shape Arabic labels right to left. Throws RenderError with Graphviz's message.
void render(const std::string& dot, const std::string& layout, const std::string& format, const std::string& path);

// The layouts and formats this Graphviz installation offers, for messages.
std::string available_layouts();

}  // namespace aikg::render
