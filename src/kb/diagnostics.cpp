#include "kb/diagnostics.hpp"

#include <algorithm>

namespace aikg::kb {

std::string Diagnostic::str() const {
    return line > 0 ? file + ":" + std::to_string(line) + ": " + message : file + ": " + message;
}

namespace {
std::string summarize(const std::vector<Diagnostic>& diagnostics) {
    std::string text;
    for (const auto& d : diagnostics) {
        if (!text.empty()) text += '\n';
        text += d.str();
    }
    return text;
}
}  // namespace

DataError::DataError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(summarize(diagnostics)), diagnostics_(std::move(diagnostics)) {}

void DiagnosticSink::error(std::string file, int line, std::string message) {
    items_.push_back({std::move(file), line, std::move(message)});
}

void DiagnosticSink::throw_if_any() {
    if (items_.empty()) return;
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.file != b.file ? a.file < b.file : a.line < b.line;
    });
    throw DataError(std::move(items_));
}

}  // namespace aikg::kb
