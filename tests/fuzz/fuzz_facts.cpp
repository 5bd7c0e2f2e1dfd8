// Fact lines as `aikg build --facts` reads them: any bytes give either a fact
// with its four required fields or a reason, never a crash or an exception,
// and the fast path reads every line as the full JSON parser does.
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
    aikg::extract::Fact full;
    if (aikg::store::parse_fact_line_fully(line, full) != problem) std::abort();
    if (problem.empty() &&
        (fact.article != full.article || fact.subject != full.subject || fact.subject_type != full.subject_type ||
         fact.relation != full.relation || fact.object != full.object || fact.object_type != full.object_type ||
         fact.sentence != full.sentence || fact.start != full.start || fact.end != full.end || fact.rule != full.rule ||
         fact.confidence != full.confidence || fact.lang != full.lang || fact.article_date != full.article_date ||
         fact.date != full.date || fact.subject_attributes != full.subject_attributes ||
         fact.object_attributes != full.object_attributes))
        std::abort();
    return 0;
}
