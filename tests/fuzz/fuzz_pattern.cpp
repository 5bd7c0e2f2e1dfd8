// The query pattern parser on arbitrary text: a pattern or a PatternError.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "query/pattern.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const aikg::kb::Ontology ontology =
        aikg::kb::Ontology::load(std::filesystem::path(AIKG_SOURCE_DIR) / "schemas" / "ontology.yaml");
    try {
        const auto p = aikg::query::parse_pattern(std::string(reinterpret_cast<const char*>(data), size), ontology);
        if (p.clauses.empty()) std::abort();
        for (const auto& c : p.clauses)
            if (c.triple && !ontology.edge_type(c.relation)) std::abort();
    } catch (const aikg::query::PatternError& e) {
        if (std::string(e.what()).empty()) std::abort();
    }
    return 0;
}
