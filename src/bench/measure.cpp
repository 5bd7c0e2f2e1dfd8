#include "bench/measure.hpp"

#include "bench/random.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>
#include <stdexcept>

extern char** environ;

namespace aikg::bench {

std::vector<std::uint32_t> one_cycle(std::size_t n, std::uint64_t seed) {
    std::vector<std::uint32_t> next(n);
    for (std::size_t i = 0; i < n; ++i) next[i] = static_cast<std::uint32_t>(i);
    // Sattolo: each slot swaps with one strictly before it, never with itself.
    Random random(seed);
    for (std::size_t i = n; i > 1; --i) std::swap(next[i - 1], next[random.below(i - 1)]);
    return next;
}

double memory_round_trip_ns(std::size_t bytes, std::size_t loads) {
    const std::vector<std::uint32_t> next = one_cycle(std::max<std::size_t>(bytes / sizeof(std::uint32_t), 2), 0x5EED);
    std::uint32_t at = 0;
    // One lap first, so that the pages are mapped and the caches hold what they can.
    for (std::size_t i = 0; i < next.size(); ++i) at = next[at];
    const Stopwatch watch;
    for (std::size_t i = 0; i < loads; ++i) at = next[at];
    const double seconds = watch.seconds();
    // Used, so that the chase is not optimised away.
    if (at >= next.size()) throw std::logic_error("pointer chase left its table");
    return loads ? seconds * 1e9 / static_cast<double>(loads) : 0;
}

double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

namespace {

// GNU time's report: the child's peak RSS in KiB on the last line of `file`.
std::optional<double> reported_peak_mb(const std::string& file) {
    std::ifstream in(file);
    std::string line, last;
    while (std::getline(in, line))
        if (!line.empty()) last = line;
    double kib = 0;
    const auto [end, error] = std::from_chars(last.data(), last.data() + last.size(), kib);
    if (error != std::errc() || end != last.data() + last.size()) return std::nullopt;
    return kib / 1024.0;
}

}  // namespace

namespace {

// A new empty file for a child's report; its name, or "" when none could be made.
std::string scratch_file() {
    char name[] = "/tmp/aikg-bench-XXXXXX";
    const int fd = mkstemp(name);
    if (fd < 0) return {};
    close(fd);
    return name;
}

std::string contents_of(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

ChildRun run_child(const std::vector<std::string>& argv, const std::string& stdout_path, bool capture_errors) {
    // The kernel counts the memory of the process that started a child in the
    // child's peak (posix_spawn shares the address space until exec): a child
    // started from this process, after it has loaded the catalog or written a
    // store, would seem to need that much. GNU time, small itself, starts the
    // child and reports the child's own peak.
    std::vector<std::string> command = argv;
    std::string report;
    if (access("/usr/bin/time", X_OK) == 0) {
        report = scratch_file();
        if (!report.empty()) command.insert(command.begin(), {"/usr/bin/time", "-f", "%M", "-o", report});
    }
    const std::string errors = capture_errors ? scratch_file() : std::string();
    std::vector<char*> args;
    for (const auto& a : command) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    int pipe_fds[2] = {-1, -1};
    const bool capture = stdout_path.empty();
    if (capture && pipe(pipe_fds) != 0) throw std::runtime_error("cannot create a pipe");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (capture) {
        posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
        posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
        posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);
    } else {
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    }
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errors.empty() ? "/dev/null" : errors.c_str(), O_WRONLY | O_TRUNC, 0);
    ChildRun run;
    const Stopwatch clock;
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (capture) close(pipe_fds[1]);
    if (spawned != 0) {
        if (capture) close(pipe_fds[0]);
        for (const std::string& file : {report, errors})
            if (!file.empty()) std::remove(file.c_str());
        throw std::runtime_error("cannot run " + argv[0]);
    }
    if (capture) {
        char buffer[65536];
        ssize_t n;
        while ((n = read(pipe_fds[0], buffer, sizeof buffer)) > 0) run.out.append(buffer, static_cast<std::size_t>(n));
        close(pipe_fds[0]);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    run.seconds = clock.seconds();
    run.peak_rss_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (!report.empty()) {
        if (const auto peak = reported_peak_mb(report)) run.peak_rss_mb = *peak;
        std::remove(report.c_str());
    }
    if (!errors.empty()) {
        run.err = contents_of(errors);
        std::remove(errors.c_str());
    }
    return run;
}

std::string fixed(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

}  // namespace aikg::bench
