// The JSONL article reader on arbitrary bytes: every line is an article or a
// named problem, and the flat-record fast path reads exactly what the full
// JSON parser reads from every line it accepts.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "corpus/document_reader.hpp"
#include "corpus/flat_record.hpp"
#include "text/utf8.hpp"

namespace {

void check_fast_path(const std::string& line) {
    const auto fast = aikg::corpus::parse_flat_record(line);
    if (!fast) return;
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(line);
    } catch (const nlohmann::json::out_of_range&) {
        return;  // a number beyond double range in a field aikg ignores: the fast path need not parse numbers
    } catch (const nlohmann::json::exception&) {
        std::abort();  // the fast path accepted a line that is not JSON
    }
    if (!json.is_object()) std::abort();
    auto same = [&json](const char* key, const std::optional<std::string>& got) {
        const auto it = json.find(key);
        if (it == json.end() || it->is_null()) return !got;
        return it->is_string() && got == it->get<std::string>();
    };
    if (!same("id", fast->id) || !same("text", fast->text) || !same("title", fast->title) || !same("date", fast->date) ||
        !same("url", fast->url) || !same("lang", fast->lang))
        std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    std::istringstream lines(bytes);
    for (std::string line; std::getline(lines, line);)
        if (!aikg::text::find_invalid_utf8(line)) check_fast_path(line);
    std::istringstream in(bytes);
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
