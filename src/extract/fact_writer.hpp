#pragma once
// Facts on stdout: JSONL for machines (the contract of DESIGN.md), TSV for people.

#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <string_view>

#include "extract/fact.hpp"

namespace aikg::extract {

void write_jsonl(std::ostream& out, const Fact& fact);
// The same line appended to `out`: for callers gathering an article's lines
// without a stream (building a string stream per article showed in profiles).
void write_jsonl(std::string& out, const Fact& fact);
void write_jsonl(std::string& out, const FactView& fact);
// A fact's JSONL line for a writer with a raw buffer of its own, which
// then takes the line without a copy: room for bound() bytes, then write().
class JsonlLine {
public:
    explicit JsonlLine(const FactView& fact);
    // The most bytes write() writes (every text escaped at its longest).
    std::size_t bound() const { return bound_; }
    // Writes the line at `at` and returns its end.
    char* write(char* at) const;

private:
    const FactView& fact_;
    std::string_view confidence_;
    std::size_t bound_;
};
// A fact's attributes as the JSON object the facts JSONL holds
// ({"openness":"open-weights"}, keys in order, text escaped as there).
std::string attributes_json(const std::map<std::string, std::string>& attributes);
void write_tsv_header(std::ostream& out);
void write_tsv(std::ostream& out, const Fact& fact);
void write_mention_jsonl(std::ostream& out, const std::string& article, const std::string& entity, const std::string& type,
                         const std::string& surface, std::uint32_t start, std::uint32_t end, bool anaphor);

}  // namespace aikg::extract
