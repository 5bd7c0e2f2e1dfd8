#include "corpus/document_reader.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "corpus/flat_record.hpp"
#include "corpus/mapped_file.hpp"
#include "corpus/html.hpp"
#include "text/language.hpp"
#include "text/utf8.hpp"

namespace aikg::corpus {
namespace fs = std::filesystem;
namespace {

bool is_blank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); });
}

bool is_article_file(const fs::path& p) {
    const auto ext = p.extension().string();
    return ext == ".txt" || ext == ".md" || ext == ".jsonl";
}

std::string strip_bom(std::string bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);
    return bytes;
}

// Any JSON line, through the full parser: fields that are not strings are
// read as their JSON text, a "text" that is not a string counts as missing.
std::optional<FlatRecord> full_parse(std::string_view line, std::string& error) {
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
        // Syntax errors, and numbers beyond double range (out_of_range, not a parse_error).
        error = std::string("malformed JSON: ") + e.what();
        return std::nullopt;
    }
    if (!json.is_object()) {
        error = "a line must be a JSON object";
        return std::nullopt;
    }
    auto field = [&json](const char* key) -> std::optional<std::string> {
        const auto it = json.find(key);
        if (it == json.end() || it->is_null()) return std::nullopt;
        return it->is_string() ? it->get<std::string>() : it->dump();
    };
    FlatRecord record{field("id"), std::nullopt, field("title"), field("date"), field("url"), field("lang")};
    if (const auto text = json.find("text"); text != json.end() && text->is_string()) record.text = text->get<std::string>();
    return record;
}

class Reader {
public:
    Reader(const DocumentSink& on_document, const ProblemSink& on_problem)
        : on_document_(on_document), on_problem_(on_problem) {}

    void input(const std::string& arg) {
        if (arg == "-") {
            std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
            bytes = strip_bom(std::move(bytes));
            const auto first = bytes.find_first_not_of(" \t\r\n");
            if (first != std::string::npos && bytes[first] == '{') {
                std::istringstream lines(bytes);
                jsonl(lines, "<stdin>");
            } else {
                text_article(std::move(bytes), "stdin", "<stdin>");
            }
            return;
        }
        const fs::path path(arg);
        std::error_code ec;
        const auto status = fs::status(path, ec);
        if (ec || !fs::exists(status)) return problem(arg, "no such file or folder");
        if (fs::is_directory(status)) return folder(path);
        file(path, arg);
    }

    ReadStats stats;

    void jsonl_stream(std::istream& in, const std::string& shown) { jsonl(in, shown); }

private:
    void problem(std::string where, std::string reason) {
        ++stats.problems;
        on_problem_({std::move(where), std::move(reason)});
    }

    void deliver(Document&& doc) {
        if (looks_like_html(doc.text)) doc.text = strip_html(doc.text);
        if (doc.lang.empty()) doc.lang = text::detect_language(doc.text);
        ++stats.documents;
        stats.bytes += doc.text.size();
        on_document_(std::move(doc));
    }

    void folder(const fs::path& dir) {
        std::vector<fs::path> files;
        std::error_code ec;
        for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (it->is_regular_file(ec) && is_article_file(it->path())) files.push_back(it->path());
        }
        if (ec) problem(dir.string(), "cannot list folder: " + ec.message());
        std::sort(files.begin(), files.end());
        if (files.empty()) problem(dir.string(), "folder holds no .txt, .md or .jsonl articles");
        for (const auto& f : files) file(f, f.string());
    }

    void file(const fs::path& path, const std::string& shown) {
        const bool is_jsonl = path.extension() == ".jsonl";
        if (is_jsonl) {
            if (std::optional<MappedFile> mapped = MappedFile::open(path.string())) return jsonl(*mapped, shown);
        }
        std::ifstream in;
        // A corpus file is read in large blocks: the stream's own 8 KB buffer
        // made 2,600 read calls of 20 MB. (A buffer is only taken before open.)
        if (is_jsonl) {
            jsonl_buffer_.resize(kJsonlReadBytes);
            in.rdbuf()->pubsetbuf(jsonl_buffer_.data(), static_cast<std::streamsize>(jsonl_buffer_.size()));
        }
        in.open(path, std::ios::binary);
        if (!in) return problem(shown, "cannot open file (permission denied or not a regular file)");
        if (is_jsonl) return jsonl(in, shown);
        std::error_code size_error;
        if (const auto size = fs::file_size(path, size_error); !size_error && size > kMaxArticleBytes)
            return problem(shown, "larger than the " + std::to_string(kMaxArticleBytes >> 20) + " MiB article limit (" + std::to_string(size) + " bytes)");
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (in.bad()) return problem(shown, "read error");
        text_article(strip_bom(std::move(bytes)), path.filename().string(), shown);
    }

    void text_article(std::string bytes, std::string id, const std::string& shown) {
        if (auto reason = text_problem(bytes); !reason.empty()) return problem(shown, reason);
        Document doc;
        doc.id = std::move(id);
        doc.text = std::move(bytes);
        doc.source = shown;
        deliver(std::move(doc));
    }

    void jsonl(std::istream& in, const std::string& shown) {
        std::string line;
        jsonl_lines(
            [&in, &line](std::string_view& next) {
                if (!std::getline(in, line)) return false;
                next = line;
                return true;
            },
            shown);
    }

    // The same lines as std::getline gives, read where the file is mapped.
    void jsonl(MappedFile& file, const std::string& shown) {
        const std::string_view bytes = file.bytes();
        std::size_t pos = 0;
        jsonl_lines(
            [&file, bytes, &pos](std::string_view& next) {
                file.done_before(pos);
                if (pos >= bytes.size()) return false;
                const auto* newline = static_cast<const char*>(std::memchr(bytes.data() + pos, '\n', bytes.size() - pos));
                const std::size_t end = newline ? static_cast<std::size_t>(newline - bytes.data()) : bytes.size();
                next = bytes.substr(pos, end - pos);
                pos = end + 1;
                return true;
            },
            shown);
    }

    // `next_line(line)` sets the next line (without its newline) and says
    // whether there was one.
    template <class NextLine>
    void jsonl_lines(NextLine next_line, const std::string& shown) {
        std::string_view line;
        std::size_t number = 0;
        std::size_t records = 0;
        while (next_line(line)) {
            ++number;
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            if (is_blank(line)) continue;
            ++records;
            std::string where = shown + ":" + std::to_string(number);
            if (auto bad = text::find_invalid_utf8(line))
                { problem(where, "invalid UTF-8 at byte " + std::to_string(*bad) + " of the line"); continue; }
            std::optional<FlatRecord> record = parse_flat_record(line);
            if (!record) {
                std::string error;
                record = full_parse(line, error);
                if (!record) { problem(where, error); continue; }
            }
            // The record's fields are moved into the document, not copied: a
            // title or an id past fifteen bytes was an allocation each.
            Document doc;
            doc.id = std::move(record->id).value_or("");
            if (doc.id.empty()) { problem(where, "record has no \"id\""); continue; }
            if (!record->text) { problem(where, "record has no \"text\" string"); continue; }
            doc.text = std::move(*record->text);
            const Controls controls = record->may_hold_controls ? Controls::Unchecked : Controls::OnlyWhitespace;
            if (auto reason = text_problem(doc.text, Utf8::AlreadyValid, controls); !reason.empty()) { problem(where, reason); continue; }
            doc.title = std::move(record->title).value_or("");
            doc.date = std::move(record->date).value_or("");
            doc.url = std::move(record->url).value_or("");
            doc.lang = std::move(record->lang).value_or("");
            doc.source = std::move(where);
            deliver(std::move(doc));
        }
        if (records == 0) problem(shown, "file is empty (no JSON lines)");
    }

    static constexpr std::size_t kJsonlReadBytes = std::size_t{1} << 20;
    const DocumentSink& on_document_;
    const ProblemSink& on_problem_;
    std::vector<char> jsonl_buffer_;  // the read buffer of the JSONL file being read
};

}  // namespace

std::string text_problem(const std::string& bytes, Utf8 utf8, Controls controls) {
    if (bytes.empty() || is_blank(bytes)) return "file is empty";
    if (bytes.size() > kMaxArticleBytes)
        return "larger than the " + std::to_string(kMaxArticleBytes >> 20) + " MiB article limit (" + std::to_string(bytes.size()) + " bytes)";
    if (controls == Controls::Unchecked && text::looks_binary(bytes)) return "binary data, not text";
    if (utf8 == Utf8::AlreadyValid) return {};
    if (auto bad = text::find_invalid_utf8(bytes)) return "invalid UTF-8 at byte " + std::to_string(*bad);
    return {};
}

ReadStats read_jsonl(std::istream& in, const std::string& shown, const DocumentSink& on_document, const ProblemSink& on_problem) {
    Reader reader(on_document, on_problem);
    reader.jsonl_stream(in, shown);
    return reader.stats;
}

ReadStats read_documents(const std::vector<std::string>& inputs, const DocumentSink& on_document,
                         const ProblemSink& on_problem) {
    Reader reader(on_document, on_problem);
    for (const auto& input : inputs) reader.input(input);
    return reader.stats;
}

}  // namespace aikg::corpus
