// The rule and catalog loaders on arbitrary YAML: a DataError with positions, never a crash.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "extract/rules.hpp"
#include "kb/catalog.hpp"
#include "kb/diagnostics.hpp"

namespace {

struct Scratch {
    std::filesystem::path dir;
    aikg::kb::Ontology ontology;
    Scratch()
        : dir(std::filesystem::temp_directory_path() / ("aikg-fuzz-" + std::to_string(::getpid()))),
          ontology(aikg::kb::Ontology::load(std::filesystem::path(AIKG_SOURCE_DIR) / "schemas" / "ontology.yaml")) {
        std::filesystem::create_directories(dir / "rules");
        std::filesystem::create_directories(dir / "catalog");
    }
    ~Scratch() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Scratch scratch;
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    std::ofstream(scratch.dir / "rules" / "xx.yaml", std::ios::binary | std::ios::trunc) << bytes;
    std::ofstream(scratch.dir / "catalog" / "c.yaml", std::ios::binary | std::ios::trunc) << bytes;
    for (int which = 0; which < 2; ++which) {
        try {
            if (which == 0) aikg::extract::load_rules(scratch.dir / "rules", scratch.ontology);
            else aikg::kb::Catalog::load(scratch.dir / "catalog", scratch.ontology);
        } catch (const aikg::kb::DataError& e) {
            if (e.diagnostics().empty()) std::abort();
            for (const auto& d : e.diagnostics())
                if (d.file.empty() || d.message.empty() || d.line < 0) std::abort();
        }
    }
    return 0;
}
