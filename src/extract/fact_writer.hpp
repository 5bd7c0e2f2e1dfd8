#pragma once
// Facts on stdout: JSONL for machines (the contract of DESIGN.md), TSV for people.

#include <ostream>

#include "extract/fact.hpp"

namespace aikg::extract {

void write_jsonl(std::ostream& out, const Fact& fact);
void write_tsv_header(std::ostream& out);
void write_tsv(std::ostream& out, const Fact& fact);

}  // namespace aikg::extract
