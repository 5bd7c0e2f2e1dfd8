#include "store/fact_loader.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <unordered_set>

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

std::string parse_fact_line(const std::string& line, extract::Fact& f) {
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
