#pragma once
// The fast path for the usual JSONL article: one flat object whose values are
// strings, numbers, booleans or null. Parsing each line into a full JSON tree
// cost more than a tenth of extraction; this reads the few string fields aikg
// uses straight out of the line. Anything else (nested values, duplicate
// fields aikg reads, a malformed line) returns nullopt and the caller parses
// the line with the full parser, which also words the error message.

#include <optional>
#include <string>
#include <string_view>

namespace aikg::corpus {

struct FlatRecord {
    // Unescaped string values; a field that is absent or null stays nullopt.
    std::optional<std::string> id, text, title, date, url, lang;
    // False when no value holds a control character other than a line
    // break, tab or form feed (JsonScanner::unescaped_controls); true when unknown.
    bool may_hold_controls = true;
};

std::optional<FlatRecord> parse_flat_record(std::string_view line);

}  // namespace aikg::corpus
