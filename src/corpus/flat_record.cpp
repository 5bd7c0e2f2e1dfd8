#include "corpus/flat_record.hpp"

#include "corpus/json_scanner.hpp"

namespace aikg::corpus {
namespace {

struct Field {
    std::optional<std::string>* value = nullptr;
    unsigned bit = 0;
};

Field field_of(FlatRecord& record, std::string_view key) {
    if (key == "id") return {&record.id, 1U};
    if (key == "text") return {&record.text, 2U};
    if (key == "title") return {&record.title, 4U};
    if (key == "date") return {&record.date, 8U};
    if (key == "url") return {&record.url, 16U};
    if (key == "lang") return {&record.lang, 32U};
    return {};
}

}  // namespace

std::optional<FlatRecord> parse_flat_record(std::string_view line) {
    JsonScanner in(line);
    FlatRecord record;
    if (!in.eat('{')) return std::nullopt;
    std::string key, value;
    // Which fields were present, null included: a repeated one goes to the full parser.
    unsigned seen = 0;
    if (!in.eat('}')) {
        do {
            if (!in.string(key) || !in.eat(':')) return std::nullopt;
            const Field field = field_of(record, key);
            if (seen & field.bit) return std::nullopt;
            seen |= field.bit;
            if (in.peek() == '"') {
                if (!in.string(value)) return std::nullopt;
                if (field.value) *field.value = std::move(value);
            } else {
                bool is_null = false;
                if (!in.literal(is_null)) return std::nullopt;
                // aikg reads a number or boolean in its own fields as its JSON text; the full parser prints those.
                if (field.value && !is_null) return std::nullopt;
            }
        } while (in.eat(','));
        if (!in.eat('}')) return std::nullopt;
    }
    if (!in.at_end()) return std::nullopt;
    record.may_hold_controls = in.unescaped_controls();
    return record;
}

}  // namespace aikg::corpus
