#pragma once
// Where the project's data lives (graph/, schemas/, data/, output/), found from
// the executable's location so aikg works from any current directory.

#include <filesystem>
#include <string>

namespace aikg::cli {

struct ProjectPaths {
    std::filesystem::path root;  // empty when no project tree was found
    std::filesystem::path catalog_dir;
    std::filesystem::path schemas_dir;
    std::filesystem::path store;
    std::filesystem::path sample_corpus;
};

// Search order: $AIKG_HOME; the executable's folder and its parents (a build
// folder inside the source tree); the source tree the binary was built from;
// /usr/local/share/aikg and /usr/share/aikg. --catalog, --schemas and --store
// override the result.
ProjectPaths find_project_paths(const std::string& catalog_override, const std::string& schemas_override,
                                const std::string& store_override);

}  // namespace aikg::cli
