#pragma once
// A subcommand: its name and one-line summary feed `aikg --help`; `run` parses
// its own arguments (and prints its own --help) and returns an exit code.

#include <string>
#include <vector>

#include "cli/arg_parser.hpp"
#include "cli/exit_codes.hpp"
#include "cli/project_paths.hpp"

namespace aikg::cli {

struct Command {
    const char* name;
    const char* summary;
    int (*run)(const std::vector<std::string>& args);
};

const std::vector<Command>& commands();

// Options every command takes: --catalog, --schemas, --store.
struct CommonOptions {
    std::string catalog, schemas, store;
    void declare(ArgParser& parser);
    ProjectPaths paths() const { return find_project_paths(catalog, schemas, store); }
};

int run_extract(const std::vector<std::string>& args);
int run_validate(const std::vector<std::string>& args);
int run_build(const std::vector<std::string>& args);
int run_query(const std::vector<std::string>& args);
int run_analyze(const std::vector<std::string>& args);
int run_export(const std::vector<std::string>& args);
int run_render(const std::vector<std::string>& args);
int run_bench(const std::vector<std::string>& args);

}  // namespace aikg::cli
