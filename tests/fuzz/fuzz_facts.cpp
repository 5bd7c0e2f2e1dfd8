// Fact lines as `aikg build --facts` reads them: any bytes give either a fact
// with its four required fields or a reason, never a crash or an exception.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "store/fact_loader.hpp"
#include "text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string line(reinterpret_cast<const char*>(data), size);
    if (aikg::text::find_invalid_utf8(line)) return 0;  // the reader turns these away before parsing
    aikg::extract::Fact fact;
    const std::string problem = aikg::store::parse_fact_line(line, fact);
    if (problem.empty() && (fact.article.empty() || fact.subject.empty() || fact.relation.empty() || fact.object.empty()))
        std::abort();
    return 0;
}
