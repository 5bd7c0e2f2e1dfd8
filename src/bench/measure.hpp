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
    std::string err;           // its stderr when captured
};

// Runs argv[0] with arguments; stdout goes to `stdout_path` ("" = captured
// in ChildRun::out), stderr to /dev/null unless `capture_errors` (then into
// ChildRun::err: what a command says of its own run, as `--stats`).
ChildRun run_child(const std::vector<std::string>& argv, const std::string& stdout_path, bool capture_errors = false);

// A permutation of 0..n-1 that is one cycle (Sattolo's algorithm), drawn
// from `seed`: followed from any slot it visits all n before it comes back,
// so a chase through it cannot settle into a short loop that stays in cache.
std::vector<std::uint32_t> one_cycle(std::size_t n, std::uint64_t seed);

// Nanoseconds per load of a pointer chase through `bytes` of memory (each
// load's address is the value the one before read, so no two overlap): the
// latency of the cache level that size falls in. On a shared virtual
// machine it rises when other tenants fill the shared cache, and the text
// figures drop with it; the benchmark prints it so that a run can be told
// from one taken in a quieter hour.
double memory_round_trip_ns(std::size_t bytes, std::size_t loads);

// "12.3" style fixed decimals for tables.
std::string fixed(double value, int decimals);

}  // namespace aikg::bench
