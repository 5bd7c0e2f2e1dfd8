#pragma once
// Problems found in data files (catalog, ontology, rules), each with its place.

#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace aikg::kb {

struct Diagnostic {
    std::string file;
    int line = 0;  // 1-based; 0 when the problem concerns the whole file
    std::string message;

    std::string str() const;  // "file:line: message"
};

// Thrown by loaders after collecting every problem of a file set, so that one
// run of `aikg validate` lists them all instead of the first only.
class DataError : public std::runtime_error {
public:
    explicit DataError(std::vector<Diagnostic> diagnostics);
    const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

private:
    std::vector<Diagnostic> diagnostics_;
};

// Collects diagnostics while loading; `throw_if_any` ends the load.
class DiagnosticSink {
public:
    void error(std::string file, int line, std::string message);
    bool empty() const noexcept { return items_.empty(); }
    // Appends another sink's diagnostics after this one's.
    void take(DiagnosticSink&& other) {
        items_.insert(items_.end(), std::make_move_iterator(other.items_.begin()), std::make_move_iterator(other.items_.end()));
        other.items_.clear();
    }
    void throw_if_any();

private:
    std::vector<Diagnostic> items_;
};

}  // namespace aikg::kb
