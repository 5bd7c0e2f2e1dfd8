// The JSONL article reader on arbitrary bytes: every line is an article or a named problem.
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "corpus/document_reader.hpp"
#include "text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    aikg::corpus::read_jsonl(
        in, "fuzz.jsonl",
        [](aikg::corpus::Document&& doc) {
            if (doc.id.empty() || aikg::text::find_invalid_utf8(doc.text)) std::abort();
        },
        [](const aikg::corpus::InputProblem& p) {
            if (p.where.rfind("fuzz.jsonl", 0) != 0 || p.reason.empty()) std::abort();
        });
    return 0;
}
