#include "extract/fact_writer.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/json_scanner.hpp"

namespace aikg::extract {

namespace {

// JSON string escaping as nlohmann::json::dump writes it (UTF-8 kept, control
// characters escaped): a fact line is written without building a JSON object,
// which took more time than the extraction of many sentences.
// The escaped body of a JSON string, without its quotes.
void append_json_body(std::string& out, std::string_view text) {
    for (std::size_t i = 0;;) {
        // What needs no escape goes out in one append, found eight bytes at a time.
        const std::size_t run = corpus::plain_json_run(text.substr(i));
        out.append(text.data() + i, run);
        i += run;
        if (i == text.size()) break;
        const char c = text[i++];
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                out += escaped;
            }
        }
    }
}

void append_json_string(std::string& out, std::string_view text) {
    out += '"';
    append_json_body(out, text);
    out += '"';
}

// `opening` is the whole text before the value (`,"subject":"`): one append
// where the key, its quotes and the colon were five, a tenth of writing a fact.
void append_field(std::string& out, std::string_view opening, std::string_view value) {
    out += opening;
    append_json_body(out, value);
    out += '"';
}

void append_attributes(std::string& out, const char* key, const std::map<std::string, std::string>& attributes) {
    out += ",\"";
    out += key;
    out += "\":{";
    bool first = true;
    for (const auto& [name, value] : attributes) {
        if (!first) out += ',';
        first = false;
        append_json_string(out, name);
        out += ':';
        append_json_string(out, value);
    }
    out += '}';
}

void append_number(std::string& out, std::string_view opening, std::uint32_t value) {
    char digits[16];
    const auto written = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out += opening;
    out.append(digits, written);
}

// A confidence as nlohmann prints it, after rounding to three decimals. The
// thousand and one values are printed once: building a JSON value and
// dumping it was a sixth of writing a fact.
std::string_view confidence_text(double confidence) {
    static const std::vector<std::string> thousandths = [] {
        std::vector<std::string> texts;
        for (int k = 0; k <= 1000; ++k) texts.push_back(nlohmann::json(k / 1000.0).dump());
        return texts;
    }();
    thread_local std::string other;
    const double rounded = std::round(confidence * 1000.0);
    if (rounded >= 0 && rounded <= 1000) return thousandths[static_cast<std::size_t>(rounded)];
    other = nlohmann::json(rounded / 1000.0).dump();
    return other;
}

}  // namespace

void write_jsonl(std::ostream& out, const Fact& f) {
    // Per thread and reused: a line is longer than a short string, and an
    // allocation per fact added up.
    thread_local std::string line;
    line.clear();
    line.reserve(256 + f.sentence.size());
    line += "{\"article\":";
    append_json_string(line, f.article);
    append_field(line, ",\"subject\":\"", f.subject);
    append_field(line, ",\"subject_type\":\"", f.subject_type);
    append_field(line, ",\"relation\":\"", f.relation);
    append_field(line, ",\"object\":\"", f.object);
    append_field(line, ",\"object_type\":\"", f.object_type);
    append_field(line, ",\"sentence\":\"", f.sentence);
    append_number(line, ",\"start\":", f.start);
    append_number(line, ",\"end\":", f.end);
    append_field(line, ",\"rule\":\"", f.rule);
    // Three decimals keep the output stable across platforms and diffable;
    // nlohmann prints the double the way every JSON reader reads it back.
    line += ",\"confidence\":";
    line += confidence_text(f.confidence);
    append_field(line, ",\"lang\":\"", f.lang);
    if (!f.article_date.empty()) append_field(line, ",\"article_date\":\"", f.article_date);
    if (!f.date.empty()) append_field(line, ",\"date\":\"", f.date);
    if (!f.subject_attributes.empty()) append_attributes(line, "subject_attributes", f.subject_attributes);
    if (!f.object_attributes.empty()) append_attributes(line, "object_attributes", f.object_attributes);
    line += "}\n";
    out << line;
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
