#include "extract/fact_writer.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/json_scanner.hpp"

namespace aikg::extract {

namespace {

// JSON string escaping as nlohmann::json::dump writes it (UTF-8 kept, control
// characters escaped): a fact line is written without building a JSON object,
// which took more time than the extraction of many sentences. The line goes
// into a buffer sized for the worst case first, through a plain pointer:
// appending to a std::string field by field checked its capacity at every step.
class LineWriter {
public:
    // No escape is longer than this many bytes ("\u001f").
    static constexpr std::size_t kMaxEscape = 6;

    explicit LineWriter(char* at) : at_(at) {}
    char* end() const { return at_; }

    void raw(std::string_view text) {
        std::memcpy(at_, text.data(), text.size());
        at_ += text.size();
    }
    void raw(char c) { *at_++ = c; }
    // Up to sixteen bytes, in two fixed-size overlapping copies.
    void copy_short(std::string_view text) {
        const std::size_t n = text.size();
        const char* from = text.data();
        if (n >= 8) {
            std::memcpy(at_, from, 8);
            std::memcpy(at_ + n - 8, from + n - 8, 8);
        } else if (n >= 4) {
            std::memcpy(at_, from, 4);
            std::memcpy(at_ + n - 4, from + n - 4, 4);
        } else {
            for (std::size_t i = 0; i < n; ++i) at_[i] = from[i];
        }
        at_ += n;
    }

    // The escaped body of a JSON string, without its quotes.
    void body(std::string_view text) {
        // Most of a line's texts are short and plain: checked and copied in
        // two overlapping moves each, where the scan and a call to memcpy
        // branched on their length.
        if (text.size() <= 16 && corpus::is_short_plain_json(text)) {
            copy_short(text);
            return;
        }
        for (std::size_t i = 0;;) {
            // What needs no escape goes out in one copy, found sixteen bytes at a time.
            const std::size_t run = corpus::plain_json_run(text.substr(i));
            raw(text.substr(i, run));
            i += run;
            if (i == text.size()) break;
            const char c = text[i++];
            switch (c) {
                case '"': raw("\\\""); break;
                case '\\': raw("\\\\"); break;
                case '\b': raw("\\b"); break;
                case '\f': raw("\\f"); break;
                case '\n': raw("\\n"); break;
                case '\r': raw("\\r"); break;
                case '\t': raw("\\t"); break;
                default: {
                    static constexpr char kHex[] = "0123456789abcdef";
                    const auto byte = static_cast<unsigned char>(c);
                    const char escaped[] = {'\\', 'u', '0', '0', kHex[byte >> 4], kHex[byte & 0xF]};
                    raw(std::string_view(escaped, sizeof escaped));
                }
            }
        }
    }
    void string(std::string_view text) {
        raw('"');
        body(text);
        raw('"');
    }
    // `opening` is the whole text before the value (`,"subject":"`): one copy
    // where the key, its quotes and the colon were five.
    void field(std::string_view opening, std::string_view value) {
        raw(opening);
        body(value);
        raw('"');
    }
    void number(std::string_view opening, std::uint32_t value) {
        raw(opening);
        at_ = std::to_chars(at_, at_ + 10, value).ptr;
    }
    void attributes(std::string_view opening, const std::map<std::string, std::string>& attributes) {
        raw(opening);
        bool first = true;
        for (const auto& [name, value] : attributes) {
            if (!first) raw(',');
            first = false;
            string(name);
            raw(':');
            string(value);
        }
        raw('}');
    }

private:
    char* at_;
};

// Bytes a line may take at most: every text escaped at its longest, and room
// for the keys, numbers and punctuation.
std::size_t line_bound(const FactView& f) {
    std::size_t texts = f.article.size() + f.subject.size() + f.subject_type.size() + f.relation.size() + f.object.size() +
                        f.object_type.size() + f.sentence.size() + f.rule.size() + f.lang.size() + f.article_date.size() + f.date.size();
    std::size_t attributes = 0;
    for (const auto* map : {f.subject_attributes, f.object_attributes}) {
        if (!map) continue;
        for (const auto& [name, value] : *map) {
            texts += name.size() + value.size();
            attributes += 6;  // quotes, colon, comma
        }
    }
    constexpr std::size_t kKeysNumbersAndPunctuation = 512;
    return texts * LineWriter::kMaxEscape + attributes + kKeysNumbersAndPunctuation;
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

namespace {

// Writes the line at `at`, which has room for line_bound(f) + the
// confidence's text; returns its end.
char* write_line(char* at, const FactView& f, std::string_view confidence) {
    LineWriter line(at);
    line.raw("{\"article\":");
    line.string(f.article);
    line.field(",\"subject\":\"", f.subject);
    line.field(",\"subject_type\":\"", f.subject_type);
    line.field(",\"relation\":\"", f.relation);
    line.field(",\"object\":\"", f.object);
    line.field(",\"object_type\":\"", f.object_type);
    line.field(",\"sentence\":\"", f.sentence);
    line.number(",\"start\":", f.start);
    line.number(",\"end\":", f.end);
    line.field(",\"rule\":\"", f.rule);
    // Three decimals keep the output stable across platforms and diffable;
    // nlohmann prints the double the way every JSON reader reads it back.
    line.raw(",\"confidence\":");
    line.raw(confidence);
    line.field(",\"lang\":\"", f.lang);
    if (!f.article_date.empty()) line.field(",\"article_date\":\"", f.article_date);
    if (!f.date.empty()) line.field(",\"date\":\"", f.date);
    if (f.subject_attributes && !f.subject_attributes->empty()) line.attributes(",\"subject_attributes\":{", *f.subject_attributes);
    if (f.object_attributes && !f.object_attributes->empty()) line.attributes(",\"object_attributes\":{", *f.object_attributes);
    line.raw("}\n");
    return line.end();
}

// The line in a buffer kept per thread and only ever grown: a line is longer
// than a short string, and an allocation per fact added up.
std::string_view line_of(const FactView& f) {
    thread_local std::vector<char> buffer;
    const JsonlLine line(f);
    if (buffer.size() < line.bound()) buffer.resize(line.bound());
    const char* end = line.write(buffer.data());
    return {buffer.data(), static_cast<std::size_t>(end - buffer.data())};
}

}  // namespace

std::string attributes_json(const std::map<std::string, std::string>& attributes) {
    std::size_t bound = 2;
    for (const auto& [name, value] : attributes) bound += (name.size() + value.size()) * LineWriter::kMaxEscape + 6;
    std::string out(bound, '\0');
    LineWriter writer(out.data());
    writer.attributes("{", attributes);
    out.resize(static_cast<std::size_t>(writer.end() - out.data()));
    return out;
}

void write_jsonl(std::ostream& out, const Fact& f) {
    const std::string_view line = line_of(FactView::of(f));
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
}

void write_jsonl(std::string& out, const Fact& f) { out += line_of(FactView::of(f)); }

void write_jsonl(std::string& out, const FactView& f) { out += line_of(f); }

JsonlLine::JsonlLine(const FactView& fact)
    : fact_(fact), confidence_(confidence_text(fact.confidence)), bound_(line_bound(fact) + confidence_.size()) {}

char* JsonlLine::write(char* at) const { return write_line(at, fact_, confidence_); }

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
