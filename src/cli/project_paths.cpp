#include "cli/project_paths.hpp"

#include <cstdlib>
#include <vector>

namespace aikg::cli {
namespace fs = std::filesystem;
namespace {

bool is_project_root(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p / "graph", ec) && fs::is_regular_file(p / "schemas" / "ontology.yaml", ec);
}

fs::path locate_root() {
    std::vector<fs::path> candidates;
    if (const char* home = std::getenv("AIKG_HOME"); home && *home) candidates.emplace_back(home);
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        fs::path dir = exe.parent_path();
        for (int up = 0; up < 4 && !dir.empty(); ++up, dir = dir.parent_path()) candidates.push_back(dir);
    }
    candidates.emplace_back(AIKG_SOURCE_DIR);
    candidates.emplace_back("/usr/local/share/aikg");
    candidates.emplace_back("/usr/share/aikg");
    for (const auto& c : candidates)
        if (is_project_root(c)) return c;
    return {};
}

}  // namespace

ProjectPaths find_project_paths(const std::string& catalog_override, const std::string& schemas_override,
                                const std::string& store_override) {
    ProjectPaths paths;
    paths.root = locate_root();
    const fs::path base = paths.root.empty() ? fs::current_path() : paths.root;
    paths.catalog_dir = catalog_override.empty() ? base / "graph" : fs::path(catalog_override);
    paths.schemas_dir = schemas_override.empty() ? base / "schemas" : fs::path(schemas_override);
    paths.store = store_override.empty() ? base / "output" / "aikg.db" : fs::path(store_override);
    paths.sample_corpus = base / "data" / "corpus";
    return paths;
}

}  // namespace aikg::cli
