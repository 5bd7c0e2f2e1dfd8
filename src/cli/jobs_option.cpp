#include "cli/jobs_option.hpp"

#include <charconv>

#include "cli/command.hpp"
#include "pipeline/ordered_workers.hpp"

namespace aikg::cli {

std::size_t parse_jobs(const std::string& text) {
    if (text.empty()) return pipeline::default_jobs();
    constexpr std::size_t kMaxJobs = 256;
    std::size_t jobs = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), jobs);
    if (ec != std::errc() || ptr != text.data() + text.size() || jobs == 0 || jobs > kMaxJobs)
        throw UsageError("--jobs must be a whole number from 1 to 256, not '" + text + "'");
    return jobs;
}

}  // namespace aikg::cli
