#pragma once
// Small helpers for reading our YAML data files with positions.

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/diagnostics.hpp"

namespace aikg::kb {

// yaml-cpp marks are 0-based; people count lines from 1.
inline int line_of(const YAML::Node& node) { return node.Mark().line + 1; }

// Parses a YAML file; a syntax error becomes a diagnostic with its line and an
// empty optional. Also reports an empty, binary or non-UTF-8 file.
std::optional<YAML::Node> load_yaml_file(const std::filesystem::path& file, DiagnosticSink& sink);

// The same for several files, parsed side by side on the machine's cores
// (yaml-cpp takes ~2,000 instructions a byte: the catalog was most of every
// command's start-up). Results and diagnostics keep the order of `files`.
std::vector<std::optional<YAML::Node>> load_yaml_files(const std::vector<std::filesystem::path>& files, DiagnosticSink& sink);

// Reports keys of `map` that are not in `allowed`.
void check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed, const std::string& file,
                std::string_view what, DiagnosticSink& sink);

// A scalar as a string, or a diagnostic and nullopt when it is missing or not a scalar.
std::optional<std::string> required_scalar(const YAML::Node& map, const char* key, const std::string& file,
                                           std::string_view what, DiagnosticSink& sink);

// A scalar or a sequence of scalars (a single string is a one-element list).
std::vector<std::string> string_list(const YAML::Node& node, const std::string& file, std::string_view what,
                                     DiagnosticSink& sink);

}  // namespace aikg::kb
