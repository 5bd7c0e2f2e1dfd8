#pragma once

#include <string>

namespace aikg::corpus {

// One article as every later stage sees it.
struct Document {
    std::string id;      // file name for text files, the record's "id" for JSONL
    std::string lang;    // "ar", "en" (given or detected) or "und"
    std::string date;    // ISO date when known
    std::string title;
    std::string url;
    std::string text;    // valid UTF-8
    std::string source;  // where it came from, "path" or "path:line", for messages
};

// An input that could not be used, reported as "where: reason".
struct InputProblem {
    std::string where;
    std::string reason;
};

}  // namespace aikg::corpus
