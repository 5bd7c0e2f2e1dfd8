#pragma once
// Turns command-line inputs (files, folders, JSONL dumps, stdin) into Documents,
// one at a time so that memory does not grow with the corpus.

#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "corpus/document.hpp"

namespace aikg::corpus {

struct ReadStats {
    std::size_t documents = 0;
    std::size_t problems = 0;
    std::size_t bytes = 0;
};

using DocumentSink = std::function<void(Document&&)>;
using ProblemSink = std::function<void(const InputProblem&)>;

// Inputs: "-" (stdin; JSONL when it starts with '{', else one text article),
// a folder (searched recursively for .txt, .md and .jsonl, in name order),
// a .jsonl file (one article per line: {"id","text"} required, "title",
// "date", "url", "lang" optional), or any other file read as one plain-text
// article named by its file name. HTML bodies are stripped to text. Each
// unusable input (missing, unreadable, empty, binary, invalid UTF-8, over
// kMaxArticleBytes, malformed JSON line) goes to `on_problem` and the rest are
// still read.
ReadStats read_documents(const std::vector<std::string>& inputs, const DocumentSink& on_document,
                         const ProblemSink& on_problem);

// Articles larger than this are skipped: a scraped dump concatenated into one
// "article" would otherwise be matched as one document.
inline constexpr std::size_t kMaxArticleBytes = 16 * 1024 * 1024;

// Reads JSONL articles from a stream; `shown` names it in problems ("file:line").
ReadStats read_jsonl(std::istream& in, const std::string& shown, const DocumentSink& on_document, const ProblemSink& on_problem);

// Checks text bytes for use as an article; returns the reason it cannot be
// used, or an empty string. Text decoded from a JSON line already checked
// as UTF-8 is not checked again (escapes decode to whole code points), nor
// probed for binary data when its decoder saw no control character other
// than line breaks, tabs and form feeds (JSON writes every control as an escape).
enum class Utf8 { Unchecked, AlreadyValid };
enum class Controls { Unchecked, OnlyWhitespace };
std::string text_problem(const std::string& bytes, Utf8 utf8 = Utf8::Unchecked, Controls controls = Controls::Unchecked);

}  // namespace aikg::corpus
