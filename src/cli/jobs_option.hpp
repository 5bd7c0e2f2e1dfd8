#pragma once
// `--jobs N`: how many threads extract articles.

#include <cstddef>
#include <string>

namespace aikg::cli {

inline constexpr const char* kJobsHelp = "extraction threads (default: every core); the output is the same for any N";

// An empty text means every core; otherwise a whole number from 1 to 256.
std::size_t parse_jobs(const std::string& text);

}  // namespace aikg::cli
