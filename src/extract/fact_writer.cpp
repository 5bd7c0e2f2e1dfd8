#include "extract/fact_writer.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <string>

namespace aikg::extract {

void write_jsonl(std::ostream& out, const Fact& f) {
    nlohmann::ordered_json j;
    j["article"] = f.article;
    j["subject"] = f.subject;
    j["subject_type"] = f.subject_type;
    j["relation"] = f.relation;
    j["object"] = f.object;
    j["object_type"] = f.object_type;
    j["sentence"] = f.sentence;
    j["start"] = f.start;
    j["end"] = f.end;
    j["rule"] = f.rule;
    // Three decimals keep the output stable across platforms and diffable.
    j["confidence"] = std::round(f.confidence * 1000.0) / 1000.0;
    j["lang"] = f.lang;
    if (!f.article_date.empty()) j["article_date"] = f.article_date;
    if (!f.date.empty()) j["date"] = f.date;
    if (!f.subject_attributes.empty()) j["subject_attributes"] = f.subject_attributes;
    if (!f.object_attributes.empty()) j["object_attributes"] = f.object_attributes;
    out << j.dump() << '\n';
}

void write_mention_jsonl(std::ostream& out, const std::string& article, const std::string& entity, const std::string& type,
                         const std::string& surface, std::uint32_t start, std::uint32_t end, bool anaphor) {
    nlohmann::ordered_json j;
    j["article"] = article;
    j["entity"] = entity;
    j["type"] = type;
    j["surface"] = surface;
    j["start"] = start;
    j["end"] = end;
    j["anaphor"] = anaphor;
    out << j.dump() << '\n';
}

void write_tsv_header(std::ostream& out) {
    out << "article\tsubject\trelation\tobject\tconfidence\trule\tsentence\n";
}

namespace {
std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return s;
}
}  // namespace

void write_tsv(std::ostream& out, const Fact& f) {
    char confidence[16];
    std::snprintf(confidence, sizeof confidence, "%.3f", f.confidence);
    out << one_line(f.article) << '\t' << one_line(f.subject) << '\t' << f.relation << '\t' << one_line(f.object) << '\t'
        << confidence << '\t' << f.rule << '\t' << one_line(f.sentence) << '\n';
}

}  // namespace aikg::extract
