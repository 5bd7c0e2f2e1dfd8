#include "store/fact_loader.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <unordered_set>

#include "corpus/json_scanner.hpp"
#include "text/utf8.hpp"

namespace aikg::store {
namespace {

std::string field(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    return it->is_string() ? it->get<std::string>() : it->dump();
}

std::map<std::string, std::string> attributes(const nlohmann::json& j, const char* key) {
    std::map<std::string, std::string> out;
    const auto it = j.find(key);
    if (it == j.end() || !it->is_object()) return out;
    for (const auto& [k, v] : it->items()) out[k] = v.is_string() ? v.get<std::string>() : v.dump();
    return out;
}

// A byte offset or length: a whole non-negative number, 0 when absent.
std::string read_offset(const nlohmann::json& j, const char* key, std::uint32_t& out) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    if (!it->is_number_integer() || it->get<std::int64_t>() < 0 || it->get<std::int64_t>() > UINT32_MAX)
        return std::string("'") + key + "' must be a whole number of bytes, not " + it->dump();
    out = it->get<std::uint32_t>();
    return {};
}

}  // namespace

std::string parse_fact_line_fully(const std::string& line, extract::Fact& f) {
    f = extract::Fact{};
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {  // syntax, and numbers beyond double range
        return std::string("malformed JSON: ") + e.what();
    }
    if (!j.is_object()) return "a fact needs article, subject, relation and object";
    f.article = field(j, "article");
    f.subject = field(j, "subject");
    f.relation = field(j, "relation");
    f.object = field(j, "object");
    f.sentence = field(j, "sentence");
    if (f.article.empty() || f.subject.empty() || f.relation.empty() || f.object.empty())
        return "a fact needs article, subject, relation and object";
    f.subject_type = field(j, "subject_type");
    f.object_type = field(j, "object_type");
    if (auto problem = read_offset(j, "start", f.start); !problem.empty()) return problem;
    if (auto problem = read_offset(j, "end", f.end); !problem.empty()) return problem;
    if (const auto it = j.find("confidence"); it != j.end() && !it->is_null()) {
        if (!it->is_number()) return "'confidence' must be a number from 0 to 1, not " + it->dump();
        f.confidence = it->get<double>();
    }
    f.rule = field(j, "rule");
    f.lang = field(j, "lang");
    f.article_date = field(j, "article_date");
    f.date = field(j, "date");
    f.subject_attributes = attributes(j, "subject_attributes");
    f.object_attributes = attributes(j, "object_attributes");
    return {};
}

namespace {

// The fast path for what `aikg extract` writes: one flat object of strings,
// with integer offsets, a number for the confidence and objects of strings
// for the attributes. Building a JSON tree per line was most of a --facts
// load. Anything else (another kind of value in a field aikg reads, a
// repeated field, nesting elsewhere, a malformed line) returns false and the
// full parser reads the line, so both always agree.
bool read_flat_fact(std::string_view line, extract::Fact& f) {
    corpus::JsonScanner in(line);
    if (!in.eat('{')) return false;
    std::string key;
    std::uint32_t seen = 0;
    auto first_time = [&seen](unsigned bit) {
        if (seen & (1U << bit)) return false;
        seen |= 1U << bit;
        return true;
    };
    // null leaves a field as it is when absent.
    auto null = [&in] {
        bool is_null = false;
        return in.peek() == 'n' && in.literal(is_null) && is_null;
    };
    auto text = [&](std::string& out) { return in.peek() == '"' ? in.string(out) : null(); };
    auto offset = [&](std::uint32_t& out) {
        if (in.peek() == 'n') return null();
        std::string_view digits;
        if (!in.number(digits) || digits.size() > 10) return false;
        std::uint64_t value = 0;
        for (const char c : digits) {
            if (c < '0' || c > '9') return false;  // a sign, fraction or exponent: the full parser judges it
            value = value * 10 + static_cast<std::uint64_t>(c - '0');
        }
        if (value > UINT32_MAX) return false;
        out = static_cast<std::uint32_t>(value);
        return true;
    };
    auto number = [&](double& out) {
        if (in.peek() == 'n') return null();
        std::string_view digits;
        if (!in.number(digits)) return false;
        // Correctly rounded, as the full parser's strtod in the C locale.
        const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
        return error == std::errc() && end == digits.data() + digits.size() && std::isfinite(out);
    };
    auto attributes = [&in](std::map<std::string, std::string>& out) {
        if (in.peek() != '{') return false;  // null, or another kind of value: the full parser's rules
        in.eat('{');
        if (in.eat('}')) return true;
        std::string name, value;
        do {
            if (!in.string(name) || !in.eat(':') || in.peek() != '"' || !in.string(value)) return false;
            out[name] = std::move(value);  // a repeated name: the last one, as the full parser keeps
        } while (in.eat(','));
        return in.eat('}');
    };
    auto skip = [&in] {
        if (in.peek() == '"') {
            std::string ignored;
            return in.string(ignored);
        }
        // Exponents can overflow a double, which the full parser reports.
        std::string_view digits;
        bool is_null = false;
        if (in.peek() == '-' || (in.peek() >= '0' && in.peek() <= '9'))
            return in.number(digits) && digits.find_first_of("eE") == std::string_view::npos && digits.size() < 300;
        return in.literal(is_null);
    };
    if (!in.eat('}')) {
        do {
            if (!in.string(key) || !in.eat(':')) return false;
            // Keys compared as views, length first: std::string == const char* measured a third of the load.
            const std::string_view name = key;
            bool ok = true;
            if (name == "article") ok = first_time(0) && text(f.article);
            else if (name == "subject") ok = first_time(1) && text(f.subject);
            else if (name == "relation") ok = first_time(2) && text(f.relation);
            else if (name == "object") ok = first_time(3) && text(f.object);
            else if (name == "sentence") ok = first_time(4) && text(f.sentence);
            else if (name == "subject_type") ok = first_time(5) && text(f.subject_type);
            else if (name == "object_type") ok = first_time(6) && text(f.object_type);
            else if (name == "start") ok = first_time(7) && offset(f.start);
            else if (name == "end") ok = first_time(8) && offset(f.end);
            else if (name == "confidence") ok = first_time(9) && number(f.confidence);
            else if (name == "rule") ok = first_time(10) && text(f.rule);
            else if (name == "lang") ok = first_time(11) && text(f.lang);
            else if (name == "article_date") ok = first_time(12) && text(f.article_date);
            else if (name == "date") ok = first_time(13) && text(f.date);
            else if (name == "subject_attributes") ok = first_time(14) && attributes(f.subject_attributes);
            else if (name == "object_attributes") ok = first_time(15) && attributes(f.object_attributes);
            else ok = skip();
            if (!ok) return false;
        } while (in.eat(','));
        if (!in.eat('}')) return false;
    }
    return in.at_end();
}

}  // namespace

std::string parse_fact_line(const std::string& line, extract::Fact& f) {
    f = extract::Fact{};
    if (!read_flat_fact(line, f)) return parse_fact_line_fully(line, f);
    if (f.article.empty() || f.subject.empty() || f.relation.empty() || f.object.empty())
        return "a fact needs article, subject, relation and object";
    return {};
}

void read_fact_files(const std::vector<std::string>& files, const std::function<void(ArticleFacts&&)>& on_article,
                     const std::function<void(const corpus::InputProblem&)>& on_problem) {
    // `aikg extract` writes an article's facts on consecutive lines: each run
    // of lines with one article id is handed on as soon as it ends, so memory
    // holds one article, not the whole file. An id that comes back later is a
    // new copy of that article and replaces it, as re-ingesting an article does.
    // `aikg extract` never prints one fact twice for an article, so a repeated
    // line is the same file (or shard) given twice: kept once.
    std::optional<ArticleFacts> current;
    std::string current_lines;
    std::unordered_set<std::string> seen_lines;
    auto flush = [&] {
        if (!current) return;
        current->article.content_hash = "facts:" + content_hash(current_lines);
        on_article(std::move(*current));
        current.reset();
        current_lines.clear();
        seen_lines.clear();
    };
    for (const auto& file : files) {
        std::ifstream file_in;
        std::istream* in = &std::cin;
        if (file != "-") {
            file_in.open(file, std::ios::binary);
            if (!file_in) {
                on_problem({file, "cannot open file"});
                continue;
            }
            in = &file_in;
        }
        std::string line;
        std::size_t number = 0;
        while (std::getline(*in, line)) {
            ++number;
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            const std::string where = (file == "-" ? std::string("<stdin>") : file) + ":" + std::to_string(number);
            if (auto bad = text::find_invalid_utf8(line)) {
                on_problem({where, "invalid UTF-8 at byte " + std::to_string(*bad) + " of the line"});
                continue;
            }
            extract::Fact f;
            if (auto problem = parse_fact_line(line, f); !problem.empty()) {
                on_problem({where, problem});
                continue;
            }
            if (current && current->article.id != f.article) flush();
            if (!current) {
                current.emplace();
                current->article.id = f.article;
                current->article.source = "facts";
                current->article.lang = f.lang;
            }
            if (!seen_lines.insert(line).second) continue;
            if (current->article.date.empty()) current->article.date = f.article_date;
            current_lines += line;
            current_lines += '\n';
            current->facts.push_back(std::move(f));
        }
    }
    flush();
}

}  // namespace aikg::store
