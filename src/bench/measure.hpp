#pragma once
// What a benchmark reads off: wall time, peak memory, and child processes run
// as a user would run them (the measured command's own rusage).

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace aikg::bench {

class Stopwatch {
public:
    Stopwatch() : start_(std::chrono::steady_clock::now()) {}
    double seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

private:
    std::chrono::steady_clock::time_point start_;
};

// This process's peak resident set so far, in MB.
double peak_rss_mb();

struct ChildRun {
    int exit_code = -1;
    double seconds = 0;        // wall time
    double peak_rss_mb = 0;    // the child's own peak (through GNU time when installed)
    std::string out;           // its stdout when captured
};

// Runs argv[0] with arguments; stdout goes to `stdout_path` ("" = captured
// in ChildRun::out), stderr to /dev/null unless `show_errors`.
ChildRun run_child(const std::vector<std::string>& argv, const std::string& stdout_path, bool show_errors = false);

// "12.3" style fixed decimals for tables.
std::string fixed(double value, int decimals);

}  // namespace aikg::bench
